/**
 * The worker side of `runTwinFastInThread` (fill-thread.ts): opens the records itself, runs the
 * twin as fast as it can, and reports progress, log lines and the tally to the thread that
 * started it. A `stop` message stops the run after the step under way, as Ctrl-C does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openApp } from '../app/open.ts';
import { runTwinFast, type TwinReporter } from './fast.ts';
import type { FillJob, FillMessage } from './fill-thread.ts';

const port = parentPort;
if (port === null) throw new Error('fill-worker.ts runs as a worker thread');
const job = workerData as FillJob;
const post = (message: FillMessage): void => port.postMessage(message);
const stop = new AbortController();
port.on('message', (message: unknown) => {
  if (message === 'stop') stop.abort();
});

const reporter: TwinReporter = {
  progress: (label, total) => {
    post({ kind: 'progress-start', label, total });
    return {
      tick: (done) => post({ kind: 'progress', done }),
      finish: () => post({ kind: 'progress-finish' }),
    };
  },
  note: (text) => post({ kind: 'note', text }),
};

try {
  const app = await openApp(job.env, job.cwd);
  try {
    const tally = await runTwinFast({
      store: app.store,
      admin: job.admin,
      seed: job.seed,
      minutes: job.minutes,
      out: reporter,
      signal: stop.signal,
    });
    post({ kind: 'done', tally, stopped: stop.signal.aborted });
  } finally {
    await app.close();
  }
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
