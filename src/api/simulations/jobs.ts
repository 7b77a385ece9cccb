import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { systemClock } from '../../app/runtime.ts';
import type { Clock } from '../../domain/clock.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { StudySummary } from '../../sim/plant/summary.ts';
import type { Verdict } from '../../sim/plant/verdict.ts';
import type { StudyJob, StudyMessage } from './study-worker.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A capacity study as the server knows it. */
export interface SimulationJob {
  readonly id: string;
  status: JobStatus;
  readonly replications: number;
  readonly seed: number;
  readonly horizonDays: number;
  /** Whose study it is (`user:NAME`). */
  readonly requestedBy: string;
  /** Where the scenario came from: the plant's records or a posted file. */
  readonly source: 'records' | 'posted';
  done: number;
  readonly createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: { readonly summary: StudySummary; readonly verdict: Verdict } | null;
  error: string | null;
}

export interface StartStudy extends StudyJob {
  readonly horizonDays: number;
  readonly requestedBy: string;
  readonly source: 'records' | 'posted';
}

export interface SimulationJobsOptions {
  /** Studies running at once (default 1: the others queue; the machine's cores serve requests too). */
  readonly concurrency?: number;
  /** Finished studies kept for reading (default 50; the oldest are forgotten first). */
  readonly keep?: number;
  readonly clock?: Clock;
}

/**
 * Capacity studies run by the server in the background, each in a worker thread of its own, so that a
 * long study never stalls requests. Studies queue beyond `concurrency`; progress and results are kept in
 * memory (a study is a computation, not a record: it can be run again from its seed).
 *
 * @example
 * const jobs = new SimulationJobs();
 * const job = jobs.start({ scenario, replications: 200, seed: 1, horizon: 365 * 1440, horizonDays: 365, requestedBy: 'user:ana', source: 'records' });
 * jobs.get(job.id).status; // 'running'
 */
export class SimulationJobs {
  private readonly jobs = new Map<string, SimulationJob>();
  private readonly inputs = new Map<string, StudyJob>();
  private readonly workers = new Map<string, Worker>();
  private readonly queue: string[] = [];
  private readonly concurrency: number;
  private readonly keep: number;
  private readonly clock: Clock;

  constructor(options: SimulationJobsOptions = {}) {
    this.concurrency = options.concurrency ?? 1;
    this.keep = options.keep ?? 50;
    this.clock = options.clock ?? systemClock;
  }

  start(input: StartStudy): SimulationJob {
    const job: SimulationJob = {
      id: `sim-${randomUUID()}`,
      status: 'queued',
      replications: input.replications,
      seed: input.seed,
      horizonDays: input.horizonDays,
      requestedBy: input.requestedBy,
      source: input.source,
      done: 0,
      createdAt: this.clock.now().toISOString(),
      startedAt: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.inputs.set(job.id, {
      scenario: input.scenario,
      replications: input.replications,
      seed: input.seed,
      horizon: input.horizon,
    });
    this.queue.push(job.id);
    this.forgetOld();
    this.next();
    return job;
  }

  get(id: string): SimulationJob {
    const job = this.jobs.get(id);
    if (job === undefined) throw new NotFoundError('simulation.not_found', `id: no simulation ${id}`, { id });
    return job;
  }

  list(): SimulationJob[] {
    return [...this.jobs.values()];
  }

  /** Stops a queued or running study. */
  async cancel(id: string): Promise<SimulationJob> {
    const job = this.get(id);
    if (job.status !== 'queued' && job.status !== 'running')
      throw new ConflictError('simulation.finished', `simulation ${id} is ${job.status} already`, { id });
    const index = this.queue.indexOf(id);
    if (index >= 0) this.queue.splice(index, 1);
    this.finish(job, 'cancelled', null);
    const worker = this.workers.get(id);
    this.workers.delete(id);
    if (worker !== undefined) await worker.terminate();
    this.next();
    return job;
  }

  /** Stops every study (the server is closing). */
  async close(): Promise<void> {
    this.queue.length = 0;
    const running = [...this.workers.entries()];
    this.workers.clear();
    for (const [id] of running) {
      const job = this.jobs.get(id);
      if (job !== undefined) this.finish(job, 'cancelled', null);
    }
    await Promise.all(running.map(([, w]) => w.terminate()));
  }

  private next(): void {
    while (this.workers.size < this.concurrency && this.queue.length > 0) {
      const id = this.queue.shift();
      const job = id === undefined ? undefined : this.jobs.get(id);
      const input = id === undefined ? undefined : this.inputs.get(id);
      if (job === undefined || input === undefined || id === undefined) continue;
      this.run(job, input);
    }
  }

  private run(job: SimulationJob, input: StudyJob): void {
    job.status = 'running';
    job.startedAt = this.clock.now().toISOString();
    const worker = new Worker(new URL('./study-worker-entry.js', import.meta.url), { workerData: input });
    this.workers.set(job.id, worker);
    worker.on('message', (message: StudyMessage) => {
      if (message.type === 'progress') job.done = message.done;
      else {
        job.done = job.replications;
        job.result = { summary: message.summary, verdict: message.verdict };
        this.finish(job, 'done', null);
        // The study is over once its result is in: its place goes to the next one now, not
        // when the worker thread has wound down, so a study posted meanwhile does not wait.
        if (this.workers.get(job.id) === worker) this.workers.delete(job.id);
        this.next();
      }
    });
    worker.on('error', (error) => this.finish(job, 'failed', error.message));
    worker.on('exit', (code) => {
      if (this.workers.get(job.id) === worker) this.workers.delete(job.id);
      if (job.status === 'running')
        this.finish(job, 'failed', `the study stopped (exit code ${code}) before its result`);
      this.next();
    });
  }

  private finish(job: SimulationJob, status: JobStatus, error: string | null): void {
    if (job.status !== 'queued' && job.status !== 'running') return;
    job.status = status;
    job.error = error;
    job.finishedAt = this.clock.now().toISOString();
    this.inputs.delete(job.id);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    const excess = this.jobs.size - this.keep;
    for (const job of finished.slice(0, Math.max(0, excess))) this.jobs.delete(job.id);
  }
}
