import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallPlantSource } from '../../../../test/support/plant.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';
import { responseProblems } from '../../testing/response.ts';
import { SimulationResult } from './schema.ts';

describe('capacity studies over HTTP', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    // Plain JSON answers, so the result can be held against its schema (a serializer would drop
    // whatever the schema does not list).
    h = await openApiHarness({ unshapedReplies: true });
  });
  afterAll(() => h.close());

  const waitFor = async (
    id: string,
  ): Promise<
    Record<string, unknown> & {
      status: string;
      progress: unknown;
      result: { summary: unknown; verdict: { answer: string } };
    }
  > => {
    for (let i = 0; i < 600; i++) {
      const job = (await h.call('auditor', { method: 'GET', url: `/api/v1/simulations/${id}` })).json<
        Awaited<ReturnType<typeof waitFor>>
      >();
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`simulation ${id} did not finish`);
  };

  it('runs the plant’s own scenario in a worker thread while requests are answered, then gives its result', async () => {
    const started = await h.call('planner', {
      method: 'POST',
      url: '/api/v1/simulations',
      payload: { replications: 3, seed: 7, horizonDays: 14 },
    });
    expect(started.statusCode).toBe(202);
    const job = started.json();
    expect(job).toMatchObject({
      status: 'running',
      source: 'records',
      requestedBy: 'user:petra',
      progress: { total: 3 },
    });

    // The event loop is free while the study runs: a request is answered before the study ends.
    const health = await h.server.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    const during = (await h.call('auditor', { method: 'GET', url: `/api/v1/simulations/${job.id}` })).json();
    expect(['running', 'done']).toContain(during.status);

    const done = await waitFor(job.id);
    expect(done.status).toBe('done');
    expect(done.progress).toEqual({ done: 3, total: 3 });
    expect(done.result.summary).toMatchObject({ replications: 3, seed: 7, horizonDays: 14 });
    expect(['yes', 'likely', 'unlikely', 'no']).toContain(done.result.verdict.answer);
    // Every field of the summary and the verdict is described in the API's schema, and no more.
    expect(responseProblems(SimulationResult, done)).toEqual([]);

    const list = (await h.call('quality', { method: 'GET', url: '/api/v1/simulations' })).json();
    expect(list.items.map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('takes a posted scenario, refuses a broken one naming the field, and cancels a running study', async () => {
    const broken = await h.call('admin', {
      method: 'POST',
      url: '/api/v1/simulations',
      payload: { scenario: 'plant: [' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().details.problems[0].path).toMatch(/^scenario/);

    const long = await h.call('admin', {
      method: 'POST',
      url: '/api/v1/simulations',
      payload: { scenario: smallPlantSource, replications: 500, horizonDays: 365 },
    });
    expect(long.json()).toMatchObject({ source: 'posted', status: 'running' });
    const cancelled = await h.call('admin', {
      method: 'DELETE',
      url: `/api/v1/simulations/${long.json().id}`,
    });
    expect(cancelled.json().status).toBe('cancelled');
    const again = await h.call('admin', { method: 'DELETE', url: `/api/v1/simulations/${long.json().id}` });
    expect(again.statusCode).toBe(409);
    const missing = await h.call('admin', { method: 'GET', url: '/api/v1/simulations/sim-none' });
    expect(missing.statusCode).toBe(404);
  });
});
