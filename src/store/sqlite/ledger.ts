import type BetterSqlite3 from 'better-sqlite3';
import type { LedgerEventTable, LedgerNodeTable } from '../tables/ledger.ts';

// The ledger's append hot path on SQLite: statements prepared once per connection, many rows a
// statement, run inside the caller's transaction (better-sqlite3 is synchronous, so they join it).

const EVENT_COLUMNS = 9;
const NODE_COLUMNS = 3;
const EVENT_CHUNK = 100;
const NODE_CHUNK = 300;

const placeholders = (rows: number, columns: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

const INSERT_EVENTS = `insert into ledger_events (idx, event_id, declares_error, event_type, biz_step, event_time,
  record_time, body, leaf_hash) values `;
const INSERT_NODES = 'insert into ledger_nodes (level, idx, hash) values ';

interface Statements {
  events: BetterSqlite3.Statement;
  event: BetterSqlite3.Statement;
  nodes: BetterSqlite3.Statement;
  node: BetterSqlite3.Statement;
}

const cache = new WeakMap<BetterSqlite3.Database, Statements>();

function statements(sqlite: BetterSqlite3.Database): Statements {
  let s = cache.get(sqlite);
  if (s === undefined) {
    s = {
      events: sqlite.prepare(INSERT_EVENTS + placeholders(EVENT_CHUNK, EVENT_COLUMNS)),
      event: sqlite.prepare(INSERT_EVENTS + placeholders(1, EVENT_COLUMNS)),
      nodes: sqlite.prepare(INSERT_NODES + placeholders(NODE_CHUNK, NODE_COLUMNS)),
      node: sqlite.prepare(INSERT_NODES + placeholders(1, NODE_COLUMNS)),
    };
    cache.set(sqlite, s);
  }
  return s;
}

function chunked<T>(
  rows: readonly T[],
  size: number,
  many: BetterSqlite3.Statement,
  one: BetterSqlite3.Statement,
  push: (out: unknown[], row: T) => void,
): void {
  const params: unknown[] = [];
  let i = 0;
  for (; i + size <= rows.length; i += size) {
    params.length = 0;
    for (let k = i; k < i + size; k += 1) push(params, rows[k] as T);
    many.run(params);
  }
  for (; i < rows.length; i += 1) {
    params.length = 0;
    push(params, rows[i] as T);
    one.run(params);
  }
}

/** Inserts ledger events and tree nodes, 100 and 300 rows a statement. */
export function sqliteInsertLedgerRows(
  sqlite: BetterSqlite3.Database,
  events: readonly LedgerEventTable[],
  nodes: readonly LedgerNodeTable[],
): void {
  const s = statements(sqlite);
  chunked(events, EVENT_CHUNK, s.events, s.event, (out, r) =>
    out.push(
      r.idx,
      r.event_id,
      r.declares_error,
      r.event_type,
      r.biz_step,
      r.event_time,
      r.record_time,
      r.body,
      r.leaf_hash,
    ),
  );
  chunked(nodes, NODE_CHUNK, s.nodes, s.node, (out, r) => out.push(r.level, r.idx, r.hash));
}

// Proof reads: one statement for any set of tree nodes. The keys go in as one JSON array of
// [level, index] pairs; level 0 is the event's leaf hash, higher levels come from ledger_nodes.
// One row comes back per key, in the order asked (json_each's key is the position).
const NODE_HASHES = `select j.key as position,
  case when json_extract(j.value, '$[0]') = 0
    then (select e.leaf_hash from ledger_events e where e.idx = json_extract(j.value, '$[1]'))
    else (select n.hash from ledger_nodes n
          where n.level = json_extract(j.value, '$[0]') and n.idx = json_extract(j.value, '$[1]'))
  end as hash
from json_each(?) j order by j.key`;

interface ReadStatements {
  nodeHashes: BetterSqlite3.Statement<[string], { position: number; hash: string | null }>;
  eventId: BetterSqlite3.Statement<[number], { event_id: string }>;
  head: BetterSqlite3.Statement<[], { size: number; root_hash: string }>;
  checkpointNote: BetterSqlite3.Statement<[number], { note: string }>;
}

const readCache = new WeakMap<BetterSqlite3.Database, ReadStatements>();

function readStatements(sqlite: BetterSqlite3.Database): ReadStatements {
  let s = readCache.get(sqlite);
  if (s === undefined) {
    s = {
      nodeHashes: sqlite.prepare(NODE_HASHES),
      eventId: sqlite.prepare('select event_id from ledger_events where idx = ?'),
      head: sqlite.prepare('select size, root_hash from ledger_tree_head where id = 1'),
      checkpointNote: sqlite.prepare('select note from ledger_checkpoints where size = ?'),
    };
    readCache.set(sqlite, s);
  }
  return s;
}

/** Hex hashes of the tree nodes `[level, index]`, in the order asked (null where none is stored). */
export function sqliteLedgerNodeHashes(
  sqlite: BetterSqlite3.Database,
  keys: readonly (readonly [level: number, index: number])[],
): (string | null)[] {
  return readStatements(sqlite)
    .nodeHashes.all(JSON.stringify(keys))
    .map((row) => row.hash);
}

/** The eventID stored at `index`, if any. */
export function sqliteLedgerEventId(sqlite: BetterSqlite3.Database, index: number): string | undefined {
  return readStatements(sqlite).eventId.get(index)?.event_id;
}

/** The tree head's size and root (hex), or undefined before the first event. */
export function sqliteLedgerHead(
  sqlite: BetterSqlite3.Database,
): { size: number; rootHex: string } | undefined {
  const row = readStatements(sqlite).head.get();
  return row === undefined ? undefined : { size: Number(row.size), rootHex: row.root_hash };
}

/** The signed note of the checkpoint of exactly `size` events, if any. */
export function sqliteLedgerCheckpointNote(sqlite: BetterSqlite3.Database, size: number): string | undefined {
  return readStatements(sqlite).checkpointNote.get(size)?.note;
}
