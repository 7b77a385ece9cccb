/**
 * A replication worker: compiles the plant from the scenario it is given and runs the
 * replications it is told to, posting each result back as it finishes. Started by
 * `runReplications` (worker-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../domain/scenario/index.ts';
import { compilePlant, type CompileOptions } from './model.ts';
import { replicate } from './replicate.ts';

/** What a worker is started with. */
export interface WorkerJob {
  readonly scenario: Scenario;
  readonly compile: CompileOptions;
  readonly seed: number;
  readonly replications: readonly number[];
}

const job = workerData as WorkerJob;
const plant = compilePlant(job.scenario, job.compile);
for (const r of job.replications) parentPort?.postMessage(replicate(plant, job.seed, r));
