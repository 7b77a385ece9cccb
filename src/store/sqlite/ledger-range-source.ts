/**
 * The parallel verifier's entry source over a SQLite file (see `src/ledger/parallel/source.ts`).
 * Each worker thread loads this module and opens the file itself, read-only, with one cached
 * connection per thread: no event crosses between threads, only the file name.
 * Reads are by the primary key, `idx` in `[from, to)`, in index order: every column for a `full`
 * check, only what a `hashes` check reads (index, eventID, body, leaf hash) for that depth.
 *
 * @example
 * const source = { module: SQLITE_RANGE_SOURCE, config: { file: store.location }, size };
 * await verifyLogParallel(source, anchors, { threads: 2 });
 */
import BetterSqlite3 from 'better-sqlite3';
import type { CheckDepth, StoredEntry } from '../../ledger/entry.ts';
import { HASH_SIZE } from '../../ledger/merkle/hash.ts';

/** This module's URL, for `ParallelSource.module`. */
export const SQLITE_RANGE_SOURCE = new URL('./ledger-range-source.ts', import.meta.url).href;

type FullRow = [
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
type HashesRow = [idx: number, eventId: string, body: string, leafHash: string];

const WHERE = 'from ledger_events where idx >= ? and idx < ? order by idx';
const FULL = `select idx, event_id, declares_error, event_type, biz_step, event_time, record_time, body,
  leaf_hash ${WHERE}`;
const HASHES = `select idx, event_id, body, leaf_hash ${WHERE}`;

const opened = new Map<string, BetterSqlite3.Database>();

// One connection per file and thread.
function connection(file: string): BetterSqlite3.Database {
  let sqlite = opened.get(file);
  if (sqlite === undefined) {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    // Reads run through the file once; a larger page cache buys nothing, memory-mapping does.
    sqlite.pragma('mmap_size = 1073741824');
    opened.set(file, sqlite);
  }
  return sqlite;
}

/**
 * Stored leaf hashes, decoded from hex into shared slabs: one allocation per 4,096 entries
 * instead of a Buffer each (a Buffer per entry was a tenth of a `hashes` check). A stored hash
 * that is not 64 hex digits reads as an empty hash, which never equals a computed one.
 */
class LeafHashSlabs {
  private slab = Buffer.allocUnsafeSlow(0);
  private used = 0;

  decode(hex: unknown): Uint8Array {
    if (this.used + HASH_SIZE > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(4096 * HASH_SIZE);
      this.used = 0;
    }
    const at = this.used;
    this.used += HASH_SIZE;
    // A hand-edited cell may hold anything: what is not 64 hex digits is an empty hash.
    const whole =
      typeof hex === 'string' &&
      hex.length === HASH_SIZE * 2 &&
      this.slab.write(hex, at, HASH_SIZE, 'hex') === HASH_SIZE;
    return new Uint8Array(this.slab.buffer, this.slab.byteOffset + at, whole ? HASH_SIZE : 0);
  }
}

/** The stored entries with index in `[from, to)`, in index order, with what `depth` checks. */
export function* openRange(
  config: { file: string },
  from: number,
  to: number,
  depth: CheckDepth = 'full',
): Generator<StoredEntry> {
  const sqlite = connection(config.file);
  const hashes = new LeafHashSlabs();
  // A statement per range, not one per thread: a thread may have two ranges open at once (its
  // next job starts while the last one waits, and a gap looks past its range).
  if (depth === 'hashes') {
    for (const row of sqlite.prepare<[number, number], HashesRow>(HASHES).raw(true).iterate(from, to)) {
      yield { index: row[0], eventId: row[1], text: row[2], leafHash: hashes.decode(row[3]) };
    }
    return;
  }
  for (const row of sqlite.prepare<[number, number], FullRow>(FULL).raw(true).iterate(from, to)) {
    yield {
      index: row[0],
      eventId: row[1],
      text: row[7],
      leafHash: hashes.decode(row[8]),
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
