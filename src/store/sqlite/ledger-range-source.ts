/**
 * The parallel verifier's entry source over a SQLite file (see `src/ledger/parallel/source.ts`).
 * Each worker thread loads this module and opens the file itself, read-only, with one cached
 * connection per thread: no event crosses between threads, only the file name.
 * Reads are by the primary key, `idx` in `[from, to)`, in index order, every column.
 *
 * @example
 * const source = { module: SQLITE_RANGE_SOURCE, config: { file: store.location }, size };
 * await verifyLogParallel(source, anchors, { threads: 2 });
 */
import BetterSqlite3 from 'better-sqlite3';
import type { StoredEntry } from '../../ledger/entry.ts';

/** This module's URL, for `ParallelSource.module`. */
export const SQLITE_RANGE_SOURCE = new URL('./ledger-range-source.ts', import.meta.url).href;

type Row = [
  idx: number,
  eventId: string,
  declaresError: number,
  eventType: string,
  bizStep: string | null,
  eventTime: string,
  recordTime: string,
  body: string,
  leafHash: string,
];

const RANGE = `select idx, event_id, declares_error, event_type, biz_step, event_time, record_time, body,
  leaf_hash from ledger_events where idx >= ? and idx < ? order by idx`;

const opened = new Map<string, BetterSqlite3.Database>();

// One connection per file and thread; a statement per range, since a thread may have two ranges
// open at once (its next job starts while the last one waits, and a gap looks past its range).
function rangeStatement(file: string): BetterSqlite3.Statement<[number, number], Row> {
  let sqlite = opened.get(file);
  if (sqlite === undefined) {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    // Reads run through the file once; a larger page cache buys nothing, memory-mapping does.
    sqlite.pragma('mmap_size = 1073741824');
    opened.set(file, sqlite);
  }
  return sqlite.prepare<[number, number], Row>(RANGE).raw(true);
}

/** The stored entries with index in `[from, to)`, in index order. */
export function* openRange(config: { file: string }, from: number, to: number): Generator<StoredEntry> {
  for (const row of rangeStatement(config.file).iterate(from, to)) {
    yield {
      index: row[0],
      eventId: row[1],
      text: row[7],
      leafHash: Buffer.from(row[8], 'hex'),
      eventType: row[3],
      eventTime: row[5],
      recordTime: row[6],
      bizStep: row[4],
      declaresError: row[2] === 1,
    };
  }
}

/** Closes this thread's connections (tests; worker threads simply end). */
export function closeRangeSources(): void {
  for (const sqlite of opened.values()) sqlite.close();
  opened.clear();
}
