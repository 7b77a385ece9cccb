import { Worker } from 'node:worker_threads';
import { HeadstampError } from '../domain/errors.ts';
import type { TwinReporter } from './fast.ts';
import type { TwinTally } from './twin.ts';

/** What the worker is given: where the records are (as the environment says), and the run. */
export interface FillJob {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly admin: string;
  readonly seed: number;
  readonly minutes: number;
}

/** What the worker reports. */
export type FillMessage =
  | { readonly kind: 'progress-start'; readonly label: string; readonly total: number }
  | { readonly kind: 'progress'; readonly done: number }
  | { readonly kind: 'progress-finish' }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'done'; readonly tally: TwinTally; readonly stopped: boolean }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * `runTwinFast` in a worker thread of its own, on its own connection to the records. The first
 * fill of `headstamp start` runs here so that what it builds up (the twin's model and state, the
 * garbage of a month of simulated work, its connection's page cache) goes when the thread ends,
 * and the server that follows in this process starts from what serving needs alone. Progress and
 * log lines come back to `out`; aborting `signal` stops the run after the step under way.
 *
 * @example
 * const { tally, stopped } = await runTwinFastInThread({ env: process.env, cwd, admin: 'admin', seed: 1, minutes: 1440 });
 */
export async function runTwinFastInThread(
  job: FillJob,
  options: { readonly out?: TwinReporter; readonly signal?: AbortSignal } = {},
): Promise<{ readonly tally: TwinTally; readonly stopped: boolean }> {
  const worker = new Worker(new URL('./fill-worker-entry.js', import.meta.url), {
    workerData: { ...job, env: { ...job.env } },
  });
  const stop = (): void => worker.postMessage('stop');
  options.signal?.addEventListener('abort', stop, { once: true });
  let progress: ReturnType<TwinReporter['progress']> | undefined;
  try {
    return await new Promise((resolve, reject) => {
      worker.on('message', (message: FillMessage) => {
        switch (message.kind) {
          case 'progress-start':
            progress = options.out?.progress(message.label, message.total);
            break;
          case 'progress':
            progress?.tick(message.done);
            break;
          case 'progress-finish':
            progress?.finish();
            break;
          case 'note':
            options.out?.note(message.text);
            break;
          case 'done':
            resolve({ tally: message.tally, stopped: message.stopped });
            break;
          case 'failed':
            reject(new HeadstampError('twin.fill_failed', 'unavailable', `first fill: ${message.message}`));
            break;
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(
          new HeadstampError('twin.fill_failed', 'unavailable', `first fill: the thread ended (${code})`),
        ),
      );
    });
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await worker.terminate();
  }
}
