import type { Store } from '../store/database.ts';
import { PlantTwin, type TwinTally } from './twin.ts';

/** Where a run reports: a progress bar (drawn on a terminal only) and log lines. */
export interface TwinReporter {
  progress(label: string, total: number): { tick(done: number): void; finish(): void };
  note(text: string): void;
}

export interface FastRunOptions {
  readonly store: Store;
  readonly admin: string;
  readonly seed: number;
  /** Simulated minutes to run. */
  readonly minutes: number;
  /** Progress (on a terminal) and the refusals' log lines. */
  readonly out?: TwinReporter;
  /** Stops the run after the step under way (Ctrl-C); the records keep the "now" reached. */
  readonly signal?: AbortSignal;
}

/**
 * Runs the twin as fast as it can for `minutes` of simulated time, with line data through the
 * batch ingest use case in process, and returns what it did.
 *
 * @example
 * const tally = await runTwinFast({ store, admin: 'admin', seed: 1, minutes: 3 * 1440 });
 */
export async function runTwinFast(options: FastRunOptions): Promise<TwinTally> {
  const out = options.out;
  const twin = await PlantTwin.open({
    store: options.store,
    admin: options.admin,
    seed: options.seed,
    ...(out === undefined ? {} : { log: (m: string) => out.note(m) }),
  });
  const days = Math.ceil(options.minutes / 1440);
  const progress = out?.progress(`twin: ${days} simulated day${days === 1 ? '' : 's'}`, options.minutes);
  await twin.advance(options.minutes, {
    onStep: (done) => progress?.tick(done),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  progress?.finish();
  return twin.tally;
}
