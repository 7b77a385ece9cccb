// What two threads could give the ledger's append on SQLite at best, measured rather than argued:
//   node --import tsx bench/ledger/append-bound.ts [--events 100000]
// A second thread writes each batch's canonical texts and leaf hashes while this thread inserts
// the batch before it (the same rows and statements as the append, transactions of 1,000 with
// durable commits). Nothing is checked, no tree head is written: the figures are ceilings for
// any append built this way, beside the goal of 100,000 events/s.
//  1. with the Merkle nodes made on the writing thread (the frontier must follow the log's order);
//  2. with no Merkle work at all on it (the nodes left out: a ceiling even for moving them away);
//  3. as 1, on a leaner layout than ours (the index as SQLite's rowid, hashes as 32-byte blobs,
//     only every fourth level of nodes kept, in a WITHOUT ROWID table): what a migration to it
//     could buy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { nodeRowOf } from '../../src/app/ledger/records.ts';
import { plantEvents } from '../../src/ledger/fixtures/plant-events.ts';
import { Frontier, type TreeNode } from '../../src/ledger/merkle/frontier.ts';
import { HASH_SIZE, toHex } from '../../src/ledger/merkle/hash.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { sqliteInsertLedgerRows } from '../../src/store/sqlite/ledger.ts';
import type { LedgerEventTable } from '../../src/store/tables/ledger.ts';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../../src/store/sqlite/open.ts';
import { loadAverage } from '../support/host.ts';
import { numberArg } from '../support/args.ts';

const total = numberArg('events', 100_000);
const BATCH = 1000;
const recordTime = '2026-11-22T08:00:00.000Z';
const list = plantEvents(total, 3);
const dir = mkdtempSync(join(tmpdir(), 'headstamp-bench-append-bound-'));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(
  `ledger append ceilings: Node ${process.version}, ${new Date().toISOString()}, load ${loadAverage()}`,
);

interface Leaves {
  texts: string[];
  hashes: Uint8Array;
}

type Insert = (rows: LedgerEventTable[], nodes: TreeNode[]) => void;

/** Our rows and statements (`sqliteInsertLedgerRows`), as the append writes them. */
function ours(sqlite: BetterSqlite3.Database): Insert {
  return (rows, nodes) => sqliteInsertLedgerRows(sqlite, rows, nodes.map(nodeRowOf));
}

/**
 * The leaner layout, made here with plain SQL (the same 100 rows a statement). The rows it is
 * handed carry hex hashes, decoded here per row, so its ceiling is if anything low.
 */
function leaner(sqlite: BetterSqlite3.Database): Insert {
  sqlite.exec(`create table lean_events (idx integer primary key, event_id text not null,
    declares_error integer not null, event_type text not null, biz_step text, event_time text not null,
    record_time text not null, body text not null, leaf_hash blob not null, unique (event_id, declares_error));
    create index lean_events_time on lean_events (event_time);
    create table lean_nodes (level integer not null, idx integer not null, hash blob not null,
    primary key (level, idx)) without rowid;`);
  const rowsOf = (n: number): string =>
    Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  const many = sqlite.prepare(`insert into lean_events values ${rowsOf(100)}`);
  const one = sqlite.prepare(`insert into lean_events values ${rowsOf(1)}`);
  const node = sqlite.prepare('insert into lean_nodes values (?, ?, ?)');
  const params: unknown[] = [];
  return (rows, nodes) => {
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      params.length = 0;
      for (const r of chunk) {
        params.push(r.idx, r.event_id, r.declares_error, r.event_type, r.biz_step, r.event_time);
        params.push(r.record_time, r.body, Buffer.from(r.leaf_hash, 'hex'));
      }
      if (chunk.length === 100) many.run(params);
      else for (let k = 0; k < params.length; k += 9) one.run(params.slice(k, k + 9));
    }
    for (const n of nodes) if (n.level % 4 === 0) node.run(n.level, n.index, n.hash);
  };
}

async function pipelined(
  name: string,
  merkle: boolean,
  layout: (sqlite: BetterSqlite3.Database) => Insert,
): Promise<void> {
  const store = openSqlite(join(dir, `${name}.db`));
  await migrateToLatest(store);
  if (store.native.dialect !== 'sqlite') throw new Error('SQLite only');
  const sqlite = store.native.sqlite;
  const insert = layout(sqlite);
  const worker = new Worker(new URL('./leaf-worker-entry.js', import.meta.url));
  const replies: ((leaves: Leaves) => void)[] = [];
  worker.on('message', (leaves: Leaves) => replies.shift()?.(leaves));
  const ask = (from: number): Promise<Leaves> =>
    new Promise((resolve) => {
      replies.push(resolve);
      worker.postMessage({ from, events: list.slice(from, from + BATCH), recordTime });
    });
  // The second thread's first answer (and its start-up) before the clock.
  let next = ask(0);
  const first = await next;
  next = Promise.resolve(first);
  const frontier = Frontier.empty();
  const started = performance.now();
  for (let from = 0; from < total; from += BATCH) {
    const leaves = await next;
    if (from + BATCH < total) next = ask(from + BATCH);
    const rows: LedgerEventTable[] = [];
    const nodes: TreeNode[] = [];
    for (let k = 0; k < leaves.texts.length; k += 1) {
      const event = list[from + k]!;
      const leaf = leaves.hashes.subarray(k * HASH_SIZE, (k + 1) * HASH_SIZE);
      if (merkle) frontier.append(leaf, (node) => nodes.push(node));
      rows.push({
        idx: from + k,
        event_id: event.eventID,
        declares_error: event.errorDeclaration === undefined ? 0 : 1,
        event_type: event.type,
        biz_step: event.bizStep ?? null,
        event_time: event.eventTime,
        record_time: recordTime,
        body: leaves.texts[k]!,
        leaf_hash: toHex(leaf),
      });
    }
    sqlite.exec('begin immediate');
    insert(rows, nodes);
    sqlite.exec('commit');
  }
  const ms = performance.now() - started;
  await worker.terminate();
  await store.close();
  console.log(
    `${name}: ${fmt(total)} events in ${(ms / 1000).toFixed(2)} s = ${fmt(total / (ms / 1000))}/s ` +
      `(goal >= 100,000/s); load ${loadAverage()}`,
  );
}

try {
  await pipelined('two threads, Merkle nodes on the writing thread', true, ours);
  await pipelined('two threads, no Merkle work on the writing thread', false, ours);
  await pipelined('two threads, Merkle nodes on the writing thread, leaner layout', true, leaner);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
