import type BetterSqlite3 from 'better-sqlite3';
import type { LineEventRow } from '../repositories/line-data.ts';

// The ingest hot path on SQLite: statements prepared once per connection and run row by row
// inside the caller's transaction (better-sqlite3 is synchronous, so they join it).

const INSERT = `insert into line_events (line_id, event_id, kind, at, state, reason, processed, defective,
  counter_reset, ended_at, note, received_at, actor) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict do nothing`;

interface Statements {
  insertOne: BetterSqlite3.Statement;
  existing: BetterSqlite3.Statement;
}

const cache = new WeakMap<BetterSqlite3.Database, Statements>();

function statements(sqlite: BetterSqlite3.Database): Statements {
  let s = cache.get(sqlite);
  if (s === undefined) {
    s = {
      insertOne: sqlite.prepare(INSERT),
      // One statement for a whole batch: the ids travel as one JSON array.
      existing: sqlite
        .prepare(
          'select event_id from line_events where line_id = ? and event_id in (select value from json_each(?))',
        )
        .pluck(),
    };
    cache.set(sqlite, s);
  }
  return s;
}

/**
 * Inserts line events with one prepared statement, row by row (as fast as SQLite goes here);
 * rows whose key is stored already are skipped. Returns how many were inserted.
 */
export function sqliteInsertLineEvents(
  sqlite: BetterSqlite3.Database,
  rows: readonly LineEventRow[],
): number {
  const { insertOne } = statements(sqlite);
  let inserted = 0;
  for (const r of rows) {
    inserted += insertOne.run(
      r.lineId,
      r.eventId,
      r.kind,
      r.at,
      r.state,
      r.reason,
      r.processed,
      r.defective,
      r.counterReset ? 1 : 0,
      r.endedAt,
      r.note,
      r.receivedAt,
      r.actor,
    ).changes;
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
