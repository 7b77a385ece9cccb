import { Worker } from 'node:worker_threads';

/**
 * Runs one worker per thread over a share of the log each, thread `t` given `from` and `to` (the
 * entries `[t * share, (t + 1) * share)`, cut at `total`) beside `data`, and answers every
 * thread's one message, in thread order.
 *
 * @example
 * const times = await onEachThread<{ ms: number }>(new URL('./hash-worker-entry.js', import.meta.url), {
 *   threads: 2, share: 500_000, total: 1_000_000, data: { tree: true },
 * });
 */
export function onEachThread<Message>(
  entry: URL,
  options: { threads: number; share: number; total: number; data?: Record<string, unknown> },
): Promise<Message[]> {
  const { threads, share, total, data } = options;
  return Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const worker = new Worker(entry, {
        workerData: { ...data, from: t * share, to: Math.min(total, (t + 1) * share) },
      });
      return new Promise<Message>((resolve, reject) => {
        worker.on('message', resolve);
        worker.on('error', reject);
      });
    }),
  );
}
