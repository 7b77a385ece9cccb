/**
 * The whole-log verifier on several threads. The log is cut into blocks of 2^k entries; each
 * worker thread reads its blocks itself from the source (see `source.ts`), checks every entry and
 * hashes the block into a perfect subtree; the main thread joins the subtree roots into the tree
 * in log order (a few hashes per block) and compares it with the checkpoints and the tree head.
 * Same answers as `verifyLog`, the first problem in log order included.
 *
 * @example
 * const result = await verifyLogParallel(source, { checkpoints, treeHead }, { threads: 2 });
 */
import { Worker } from 'node:worker_threads';
import type { LedgerProblem } from '../entry.ts';
import { HASH_SIZE } from '../merkle/hash.ts';
import { LogChecker, type LogAnchors, type LogVerification } from '../verify-log.ts';
import type { RangeJob, RangeResult } from './range-worker.ts';
import type { ParallelSource } from './source.ts';

export interface ParallelOptions {
  /** Worker threads (default 2). */
  readonly threads?: number;
  /** Entries per block as a power of two (default 2^14 = 16,384). */
  readonly blockLevel?: number;
}

type Reply = RangeResult & { readonly error?: string };

class Pool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve: (r: RangeResult) => void; reject: (e: unknown) => void }
  >();

  constructor(threads: number) {
    // A JavaScript entry registers the TypeScript loader in the thread, then loads the worker.
    const url = new URL('./range-worker-entry.js', import.meta.url);
    this.workers = Array.from({ length: threads }, () => new Worker(url));
    for (const worker of this.workers) {
      worker.on('message', (reply: Reply) => {
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if (reply.error !== undefined) waiter?.reject(new Error(reply.error));
        else waiter?.resolve(reply);
      });
      worker.on('error', (error) => {
        for (const w of this.waiting.values()) w.reject(error);
        this.waiting.clear();
      });
    }
  }

  run(job: RangeJob): Promise<RangeResult> {
    return new Promise((resolve, reject) => {
      this.waiting.set(job.id, { resolve, reject });
      (this.workers[job.id % this.workers.length] as Worker).postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Verifies the `size` entries of the source against the anchors, on worker threads. */
export async function verifyLogParallel(
  source: ParallelSource,
  anchors: LogAnchors = {},
  options: ParallelOptions = {},
): Promise<LogVerification> {
  const threads = options.threads ?? 2;
  const level = options.blockLevel ?? 14;
  const block = 2 ** level;
  if (anchors.start !== undefined && anchors.start.size > 0) {
    throw new Error('the parallel verifier reads the log from index 0: give no start');
  }
  const checker = new LogChecker(anchors);
  const early = checker.compareCheckpoints();
  if (early !== undefined) return checker.result(early);
  const pool = new Pool(threads);
  const blocks = Math.ceil(source.size / block);
  const started: Promise<RangeResult>[] = [];
  const start = (b: number): void => {
    const from = b * block;
    started[b] = pool.run({
      id: b,
      module: source.module,
      config: source.config,
      from,
      to: Math.min(source.size, from + block),
      depth: anchors.depth ?? 'full',
    });
  };

  // Joins one finished block into the tree, in log order.
  const join = async (b: number): Promise<LedgerProblem | undefined> => {
    const result = await (started[b] as Promise<RangeResult>);
    const count = result.leaves.length / HASH_SIZE;
    const from = b * block;
    const cp = checker.nextCheckpointSize();
    const checkpointInside = cp !== undefined && cp > from && cp < from + count;
    if (result.problem === undefined && result.root !== undefined && count === block && !checkpointInside) {
      return checker.addSubtree(level, result.root);
    }
    for (let i = 0; i < count; i += 1) {
      const problem = checker.addLeaf(result.leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
      if (problem !== undefined) return problem;
    }
    return result.problem;
  };

  try {
    // Two blocks queued per thread keeps every thread busy and the memory bounded.
    const ahead = threads * 2;
    for (let b = 0; b < Math.min(blocks, ahead); b += 1) start(b);
    for (let b = 0; b < blocks; b += 1) {
      const problem = await join(b);
      if (problem !== undefined) return checker.result(problem);
      if (b + ahead < blocks) start(b + ahead);
    }
    return checker.result(checker.finish());
  } finally {
    // A block still running when a problem was found is of no further use.
    await Promise.allSettled(started);
    await pool.close();
  }
}
