/**
 * Monte Carlo replications on worker threads. Replication r always uses the streams named after
 * r under the study's seed, and results are put back in replication order, so the same seed gives
 * the same numbers whatever the number of threads.
 *
 * Workers start from a small JavaScript entry (worker-entry.js) that registers the TypeScript
 * loader in the thread, so this works from the CLI (tsx) and inside vitest alike.
 *
 * @example
 * const results = await runReplications({ scenario, seed: 1, replications: 200, threads: 2 });
 * const summary = summarise(compilePlant(scenario), results, { seed: 1 });
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../domain/scenario/index.ts';
import { compilePlant, type CompileOptions } from './model.ts';
import { replicate, type ReplicationResult } from './replicate.ts';
import type { WorkerJob } from './worker.ts';

export interface ReplicationRun {
  readonly scenario: Scenario;
  readonly compile?: CompileOptions;
  readonly seed: number;
  readonly replications: number;
  /** Worker threads; 1 runs in this thread; default the number of cores. */
  readonly threads?: number;
  /** Called after each finished replication with the count so far. */
  readonly onProgress?: (done: number) => void;
}

/** The default thread count: one per core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** Runs the replications and returns their results in replication order. */
export async function runReplications(run: ReplicationRun): Promise<ReplicationResult[]> {
  const threads = Math.max(1, Math.min(run.threads ?? defaultThreads(), run.replications));
  const compile = run.compile ?? {};
  if (threads === 1) {
    const plant = compilePlant(run.scenario, compile);
    const results: ReplicationResult[] = [];
    for (let r = 0; r < run.replications; r += 1) {
      results.push(replicate(plant, run.seed, r));
      run.onProgress?.(r + 1);
    }
    return results;
  }
  const results: ReplicationResult[] = [];
  const jobs = Array.from({ length: threads }, (_, w) => {
    const replications: number[] = [];
    for (let r = w; r < run.replications; r += threads) replications.push(r);
    const job: WorkerJob = { scenario: run.scenario, compile, seed: run.seed, replications };
    return job;
  });
  await Promise.all(
    jobs.map(
      (job) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: job });
          let received = 0;
          worker.on('message', (result: ReplicationResult) => {
            results.push(result);
            received += 1;
            run.onProgress?.(results.length);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code === 0 && received === job.replications.length) resolve();
            else
              reject(
                new Error(
                  `replication worker stopped (exit code ${code}) after ${received} of ${job.replications.length}`,
                ),
              );
          });
        }),
    ),
  );
  return results.sort((a, b) => a.replication - b.replication);
}
