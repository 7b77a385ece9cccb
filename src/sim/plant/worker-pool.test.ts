import { describe, expect, it } from 'vitest';
import { runReplications } from './worker-pool.ts';
import { seedPlant } from './test-scenario.ts';

describe('replications on worker threads', () => {
  it('gives the same results for the same seed on 1 and 2 threads, in replication order', async () => {
    const scenario = seedPlant();
    const run = { scenario, seed: 42, replications: 6, compile: { horizon: 60 * 1440 } };
    let progress = 0;
    const one = await runReplications({ ...run, threads: 1 });
    const two = await runReplications({ ...run, threads: 2, onProgress: (n) => (progress = n) });
    expect(two.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(two).toEqual(one);
    expect(progress).toBe(6);
  });

  it('decides by itself when no thread count is given: here first, then workers if worth it', async () => {
    const scenario = seedPlant();
    const run = { scenario, seed: 42, replications: 5, compile: { horizon: 30 * 1440 } };
    const one = await runReplications({ ...run, threads: 1 });
    // A short study stays in this thread; forced over the threshold, the rest goes to workers.
    expect(await runReplications(run)).toEqual(one);
    expect(await runReplications({ ...run, worthAWorkerMs: 0 })).toEqual(one);
  });
});
