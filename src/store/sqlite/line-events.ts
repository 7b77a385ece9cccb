import type BetterSqlite3 from 'better-sqlite3';
import type { LineEventReceipt, NewLineEvent } from '../repositories/line-data.ts';

// The ingest hot path on SQLite: statements prepared once per connection and run inside the
// caller's transaction (better-sqlite3 is synchronous, so they join it). Rows go in by
// statements of many rows each: one call into SQLite, one bind and one step per chunk instead
// of per row; the rows are the same and so is the work on the B-trees.

const COLUMNS = `(line_id, event_id, kind, at_ms, state, reason, processed, defective, counter_reset, ended_at,
  note, receipt_id)`;
const WIDTH = 12;
/** Rows per multi-row statement (12 parameters a row, well under SQLite's limit). */
export const CHUNK_ROWS = 128;

const insertOf = (rows: number): string =>
  `insert into line_events ${COLUMNS} values ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
  on conflict do nothing`;

interface Statements {
  receipt: BetterSqlite3.Statement;
  insertOne: BetterSqlite3.Statement;
  insertChunk: BetterSqlite3.Statement;
  existing: BetterSqlite3.Statement;
  stored: BetterSqlite3.Statement;
  /** One parameter array reused for every chunk (SQLite copies the values while binding). */
  params: unknown[];
}

const cache = new WeakMap<BetterSqlite3.Database, Statements>();

function statements(sqlite: BetterSqlite3.Database): Statements {
  let s = cache.get(sqlite);
  if (s === undefined) {
    s = {
      receipt: sqlite.prepare(
        'insert into line_event_receipts (received_at, actor, events) values (?, ?, ?)',
      ),
      insertOne: sqlite.prepare(insertOf(1)),
      insertChunk: sqlite.prepare(insertOf(CHUNK_ROWS)),
      // One statement for a whole batch: the ids travel as one JSON array.
      existing: sqlite
        .prepare(
          'select event_id from line_events where line_id = ? and event_id in (select value from json_each(?))',
        )
        .pluck(),
      // The pairs as one JSON array of [line, id], each looked up by the primary key: two
      // json_each joined on their keys would pair them by a nested scan, n² for a batch.
      stored: sqlite.prepare(
        `select le.line_id, le.event_id from json_each(?) as p join line_events as le
          on le.line_id = json_extract(p.value, '$[0]') and le.event_id = json_extract(p.value, '$[1]')`,
      ),
      params: new Array<unknown>(WIDTH * CHUNK_ROWS),
    };
    cache.set(sqlite, s);
  }
  return s;
}

function put(params: unknown[], offset: number, r: NewLineEvent, receiptId: number | bigint): void {
  params[offset] = r.lineId;
  params[offset + 1] = r.eventId;
  params[offset + 2] = r.kind;
  params[offset + 3] = r.atMs;
  params[offset + 4] = r.state;
  params[offset + 5] = r.reason;
  params[offset + 6] = r.processed;
  params[offset + 7] = r.defective;
  params[offset + 8] = r.counterReset ? 1 : 0;
  params[offset + 9] = r.endedAt;
  params[offset + 10] = r.note;
  params[offset + 11] = receiptId;
}

/**
 * Records the batch's receipt, then inserts its line events by chunks of `CHUNK_ROWS` rows, the
 * rest row by row; rows whose key is stored already are skipped. Returns how many were inserted.
 */
export function sqliteInsertLineEvents(
  sqlite: BetterSqlite3.Database,
  receipt: LineEventReceipt,
  rows: readonly NewLineEvent[],
): number {
  const { receipt: insertReceipt, insertOne, insertChunk, params } = statements(sqlite);
  // The count is the batch's length; a shortfall fails the batch and rolls the receipt back too.
  const receiptId = insertReceipt.run(receipt.receivedAt, receipt.actor, rows.length).lastInsertRowid;
  let inserted = 0;
  let i = 0;
  for (; i + CHUNK_ROWS <= rows.length; i += CHUNK_ROWS) {
    for (let k = 0; k < CHUNK_ROWS; k++) put(params, k * WIDTH, rows[i + k]!, receiptId);
    inserted += insertChunk.run(params).changes;
  }
  const one = new Array<unknown>(WIDTH);
  for (; i < rows.length; i++) {
    put(one, 0, rows[i]!, receiptId);
    inserted += insertOne.run(one).changes;
  }
  return inserted;
}

/** The ids among `eventIds` already stored for the line. */
export function sqliteExistingEventIds(
  sqlite: BetterSqlite3.Database,
  lineId: string,
  eventIds: readonly string[],
): Set<string> {
  const { existing } = statements(sqlite);
  return new Set(existing.all(lineId, JSON.stringify(eventIds)) as string[]);
}

/** Which `(lineIds[i], eventIds[i])` pairs are stored, as event ids by line. */
export function sqliteStoredEventIds(
  sqlite: BetterSqlite3.Database,
  lineIds: readonly string[],
  eventIds: readonly string[],
): Map<string, Set<string>> {
  const { stored } = statements(sqlite);
  const pairs = JSON.stringify(lineIds.map((lineId, i) => [lineId, eventIds[i]]));
  const rows = stored.all(pairs) as {
    line_id: string;
    event_id: string;
  }[];
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.line_id) ?? new Set<string>();
    set.add(r.event_id);
    out.set(r.line_id, set);
  }
  return out;
}
