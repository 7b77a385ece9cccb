/**
 * Worker thread of the parallel verifier. Each job is one block of the log, `[from, to)`: the
 * worker reads it itself from the entry source (its own database connection: no event crosses
 * between threads), checks every entry (sequence, canonical text, index, columns, leaf hash) and
 * hashes the block into its perfect subtree. Only the leaf hashes and the root go back.
 */
import { parentPort } from 'node:worker_threads';
import {
  checkEntryAt,
  entryLeafInput,
  hashLeafInput,
  type CheckDepth,
  type LedgerProblem,
} from '../entry.ts';
import { HASH_SIZE, isPowerOfTwo, perfectRoot } from '../merkle/hash.ts';
import { checkSequence, iteratorOf } from '../verify-log.ts';
import type { EntrySourceModule } from './source.ts';

export interface RangeJob {
  readonly id: number;
  readonly module: string;
  readonly config: unknown;
  readonly from: number;
  readonly to: number;
  readonly depth: CheckDepth;
}

export interface RangeResult {
  readonly id: number;
  readonly problem?: LedgerProblem;
  /** Leaf hashes of the entries checked before any problem, 32 bytes each. */
  readonly leaves: Uint8Array;
  /** The block's root, when it is whole and its size a power of two. */
  readonly root?: Uint8Array;
}

const modules = new Map<string, Promise<EntrySourceModule>>();

/** Checks one block of the log; exported so the main thread can run it without workers. */
export async function checkRange(job: RangeJob): Promise<RangeResult> {
  let loading = modules.get(job.module);
  if (loading === undefined) {
    loading = import(job.module) as Promise<EntrySourceModule>;
    modules.set(job.module, loading);
  }
  const source = await loading;
  const count = job.to - job.from;
  const leaves = new Uint8Array(count * HASH_SIZE);
  let checked = 0;
  const done = (problem?: LedgerProblem): RangeResult => ({
    id: job.id,
    leaves: leaves.subarray(0, checked * HASH_SIZE),
    ...(problem === undefined ? {} : { problem }),
  });
  const iterator = iteratorOf(source.openRange(job.config, job.from, job.to, job.depth));
  try {
    for (;;) {
      // A database source answers synchronously: awaiting only a promise keeps the loop free of
      // a microtask per entry.
      const next = iterator.next();
      const item = next instanceof Promise ? await next : next;
      if (item.done === true) break;
      const entry = item.value;
      const position = job.from + checked;
      if (position >= job.to) break;
      const input = entryLeafInput(entry.text);
      const leaf = hashLeafInput(input);
      const outOfPlace = checkSequence(entry, position, iterator);
      const problem =
        (outOfPlace === undefined ? undefined : await outOfPlace) ??
        checkEntryAt(job.depth, entry, leaf, input);
      if (problem !== undefined) return done(problem);
      leaves.set(leaf, checked * HASH_SIZE);
      checked += 1;
    }
  } finally {
    // A range left half-read must let go of its reader (a database statement stays busy otherwise).
    await iterator.return?.();
  }
  if (checked < count) {
    // The range ended early: name the gap by the next stored event, as the one-thread verifier does.
    const index = job.from + checked;
    const after = iteratorOf(source.openRange(job.config, index, Number.MAX_SAFE_INTEGER, job.depth));
    try {
      const next = await after.next();
      if (next.done !== true) {
        const problem = await checkSequence(next.value, index, after);
        if (problem !== undefined) return done(problem);
      }
    } finally {
      await after.return?.();
    }
    return done({ kind: 'missing', index, what: `no event is stored at index ${index}` });
  }
  if (!isPowerOfTwo(count)) return done();
  return { ...done(), root: perfectRoot(leaves, count) };
}

parentPort?.on('message', (job: RangeJob) => {
  checkRange(job).then(
    (result) => parentPort?.postMessage(result, [result.leaves.buffer as ArrayBuffer]),
    (error: unknown) =>
      parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
