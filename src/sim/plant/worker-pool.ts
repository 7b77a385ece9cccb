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
  /**
   * Worker threads; 1 runs in this thread. When omitted: one per core, but only if the study is
   * long enough to pay for starting them (see `WORTH_A_WORKER_MS`); a short study runs here.
   */
  readonly threads?: number;
  /** Called after each finished replication with the count so far. */
  readonly onProgress?: (done: number) => void;
  /** With `threads` omitted: the remaining simulation time (ms) that justifies workers. */
  readonly worthAWorkerMs?: number;
}

/** The default thread count: one per core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

// Starting a worker (a thread, the TypeScript loader, the model's modules) costs a few hundred
// milliseconds; below about this much remaining simulation the study is faster in one thread.
const WORTH_A_WORKER_MS = 1500;

/** Runs the replications and returns their results in replication order. */
export async function runReplications(run: ReplicationRun): Promise<ReplicationResult[]> {
  const compile = run.compile ?? {};
  const plant = compilePlant(run.scenario, compile);
  const results: ReplicationResult[] = [];
  let next = 0;
  const runHere = (until: number): void => {
    for (; next < until; next += 1) {
      results.push(replicate(plant, run.seed, next));
      run.onProgress?.(next + 1);
    }
  };
  let threads = Math.max(1, Math.min(run.threads ?? defaultThreads(), run.replications));
  if (run.threads === undefined && threads > 1) {
    // Time the first replication here; it also counts towards the study.
    const started = performance.now();
    runHere(1);
    const remaining = (performance.now() - started) * (run.replications - 1);
    if (remaining < (run.worthAWorkerMs ?? WORTH_A_WORKER_MS)) threads = 1;
  }
  if (threads === 1) {
    runHere(run.replications);
    return results;
  }
  const first = next;
  const jobs = Array.from({ length: threads }, (_, w) => {
    const replications: number[] = [];
    for (let r = first + w; r < run.replications; r += threads) replications.push(r);
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
