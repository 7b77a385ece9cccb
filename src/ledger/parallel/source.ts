/**
 * Where the parallel verifier's worker threads read the log from. A source is a module that a
 * worker can load by URL and a plain (structured-cloneable) config, e.g. a database file name:
 * each thread opens its own reader, so the events never cross between threads.
 *
 * @example
 * // sqlite-source.ts
 * export function openRange(config: { file: string }, from: number, to: number) {
 *   return db(config.file).prepare('select ... where idx >= ? and idx < ? order by idx').iterate(from, to);
 * }
 * const source = { module: new URL('./sqlite-source.ts', import.meta.url).href, config: { file }, size };
 */
import type { CheckDepth, StoredEntry } from '../entry.ts';

/** What a source module exports. */
export interface EntrySourceModule {
  /**
   * The stored entries with index in `[from, to)`, in index order. `depth` says how they will be
   * checked: at `hashes` a source may leave out the columns other than the eventID (optional
   * columns are checked only when present).
   */
  openRange(
    config: unknown,
    from: number,
    to: number,
    depth?: CheckDepth,
  ): AsyncIterable<StoredEntry> | Iterable<StoredEntry>;
}

/** A log to verify in parallel: a source module, its config, and how many entries it holds. */
export interface ParallelSource {
  /** URL (file:// or module specifier) of a module exporting `openRange`. */
  readonly module: string;
  readonly config: unknown;
  /** Number of entries stored (the verifier reads indexes 0..size-1). */
  readonly size: number;
}
