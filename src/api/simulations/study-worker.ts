/**
 * One capacity study in a worker thread: runs the simulator's study on the scenario it is given (in this
 * thread only: the server already gave it a thread of its own) and posts its progress and its result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../domain/scenario/index.ts';
import { runStudy } from '../../sim/plant/study.ts';
import type { StudySummary } from '../../sim/plant/summary.ts';
import { judge, type Verdict } from '../../sim/plant/verdict.ts';

/** What the thread is started with. */
export interface StudyJob {
  readonly scenario: Scenario;
  readonly replications: number;
  readonly seed: number;
  /** Minutes. */
  readonly horizon: number;
}

/** What the thread posts back. */
export type StudyMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'result'; readonly summary: StudySummary; readonly verdict: Verdict };

const job = workerData as StudyJob;
const post = (message: StudyMessage): void => parentPort?.postMessage(message);
const summary = await runStudy(job.scenario, {
  replications: job.replications,
  seed: job.seed,
  horizon: job.horizon,
  threads: 1,
  onProgress: (done) => post({ type: 'progress', done }),
});
post({ type: 'result', summary, verdict: judge(job.scenario, summary) });
