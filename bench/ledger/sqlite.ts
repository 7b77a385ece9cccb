// Ledger benchmark on a SQLite file, each figure beside its baseline measured in the same run:
//   node --import tsx bench/ledger/sqlite.ts --events 1000000 [--after 10000] [--threads 2] [--append 100000]
// 1. append through `appendCustodyEvents` (transactions of 1,000; canonical bytes, leaf hashes,
//    tree nodes, tree head), beside the SHA-256 of the same events' leaves on one thread and the
//    storage floor (the same rows, made beforehand, inserted and committed alike);
// 2. a log of --events synthetic plant events written straight to a second file, a checkpoint
//    signed --after events before its end; then the raw hashing limit (node:crypto SHA-256 of
//    the same leaves and tree on --threads threads) beside the whole verification (workers that
//    open the file read-only, `full` and `hashes` depths) and its storage floor (the same reads
//    with no check, then with the hashes and no check), the verification from the last
//    checkpoint, and inclusion proofs through the use case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/app/actor.ts';
import { appendCustodyEvents } from '../../src/app/ledger/append.ts';
import { signLedgerCheckpoint } from '../../src/app/ledger/checkpoint.ts';
import { ledgerInclusionProof } from '../../src/app/ledger/proofs.ts';
import { eventRowOf, ledgerRecords, nodeRowOf } from '../../src/app/ledger/records.ts';
import { verifyLedger } from '../../src/app/ledger/verify.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import { ManualClock, SequentialIds } from '../../src/domain/clock.ts';
import { entryLeafHash, entryText, toStoredEntry } from '../../src/ledger/entry.ts';
import { plantEvents } from '../../src/ledger/fixtures/plant-events.ts';
import { Frontier, type TreeNode } from '../../src/ledger/merkle/frontier.ts';
import type { Store } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { sqliteInsertLedgerRows } from '../../src/store/sqlite/ledger.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';
import { loadAverage } from '../support/host.ts';
import { meanEntryBytes, storedEntryAt } from './entries.ts';
import { onEachThread } from './threads.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const events = option('events', 1_000_000);
const after = option('after', 10_000);
const threads = option('threads', 2);
const appendCount = option('append', 100_000);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const admin: Actor = { kind: 'user', id: 'olga', role: 'admin', userId: 'user-1', consigneeId: null };
const at = new Date('2026-11-22T08:00:00.000Z');
const app = (store: Store) => ({ store, clock: new ManualClock(at), ids: new SequentialIds() });
const dir = mkdtempSync(join(tmpdir(), 'headstamp-bench-ledger-sqlite-'));
console.log(`ledger on SQLite: Node ${process.version}, ${new Date().toISOString()}, load ${loadAverage()}`);

try {
  // 1. Append.
  {
    const store = openSqlite(join(dir, 'append.db'));
    await migrateToLatest(store);
    const list = plantEvents(appendCount, 3);
    const recordTime = at.toISOString();
    let started = performance.now();
    let cpu = process.cpuUsage();
    for (let i = 0; i < appendCount; i += 1000) {
      await withTransaction(store, (tx) => appendCustodyEvents(tx, list.slice(i, i + 1000), { recordTime }));
    }
    const ms = performance.now() - started;
    const used = cpuMs(cpu);
    started = performance.now();
    cpu = process.cpuUsage();
    for (let i = 0; i < appendCount; i += 1) entryLeafHash(entryText(i, { ...list[i]!, recordTime }));
    const hashMs = performance.now() - started;
    const hashCpu = cpuMs(cpu);
    console.log(
      `append, 1,000 a transaction:      ${fmt(appendCount)} events in ${(ms / 1000).toFixed(2)} s = ` +
        `${fmt(appendCount / (ms / 1000))}/s wall, ${fmt(appendCount / (used / 1000))}/s of CPU (goal >= 100,000/s); load ${loadAverage()}`,
    );
    console.log(
      `  baseline, canonical text + SHA-256 of the same events, 1 thread: ${fmt(appendCount / (hashMs / 1000))}/s wall, ` +
        `${fmt(appendCount / (hashCpu / 1000))}/s of CPU`,
    );
    await store.close();

    // The storage floor: the same rows and tree nodes, made before the clock starts, written by
    // the same statements in transactions of 1,000 with durable commits, and nothing else.
    const floor = openSqlite(join(dir, 'append-floor.db'));
    await migrateToLatest(floor);
    const frontier = Frontier.empty();
    const batches = [];
    for (let i = 0; i < appendCount; i += 1000) {
      const rows = [];
      const nodes: TreeNode[] = [];
      for (let k = i; k < Math.min(appendCount, i + 1000); k += 1) {
        const e = toStoredEntry(k, { ...list[k]!, recordTime });
        frontier.append(e.leafHash, (n) => nodes.push(n));
        rows.push(eventRowOf(e));
      }
      batches.push({ rows, nodes: nodes.map(nodeRowOf) });
    }
    if (floor.native.dialect !== 'sqlite') throw new Error('SQLite only');
    const sqlite = floor.native.sqlite;
    started = performance.now();
    for (const batch of batches) {
      sqlite.exec('begin immediate');
      sqliteInsertLedgerRows(sqlite, batch.rows, batch.nodes);
      sqlite.exec('commit');
    }
    const floorMs = performance.now() - started;
    console.log(
      `  storage floor, the same rows and nodes made beforehand, inserted and committed alike: ` +
        `${fmt(appendCount / (floorMs / 1000))}/s wall; load ${loadAverage()}`,
    );
    await floor.close();
  }

  // 2. A log of `events` entries on file: a key event at 0 (the first checkpoint), then synthetic entries.
  const file = join(dir, 'ledger.db');
  const store = openSqlite(file);
  await migrateToLatest(store);
  await signLedgerCheckpoint(app(store), admin, { keyFile: join(dir, 'ledger.key') });
  const fill = async (to: number): Promise<void> => {
    for (;;) {
      const head = await ledgerRecords(store).treeHead();
      if (head.size >= to) return;
      await withTransaction(store, async (tx) => {
        const frontier = head.frontier;
        const rows = [];
        const nodes: TreeNode[] = [];
        for (let i = head.size; i < Math.min(to, head.size + 20_000); i += 1) {
          const leaf = entryLeafHash(storedEntryAt(i, new Uint8Array(32)).text);
          const e = storedEntryAt(i, leaf);
          frontier.append(leaf, (n) => nodes.push(n));
          rows.push(eventRowOf(e));
        }
        if (tx.native.dialect !== 'sqlite') throw new Error('SQLite only');
        sqliteInsertLedgerRows(tx.native.sqlite, rows, nodes.map(nodeRowOf));
        await ledgerRecords(tx).writeTreeHead(tx, frontier.snapshot(), frontier.root(), at.toISOString());
      });
    }
  };
  let started = performance.now();
  await fill(events - after);
  await signLedgerCheckpoint(app(store), admin, { keyFile: join(dir, 'ledger.key') });
  await fill(events);
  console.log(
    `log written: ${fmt(events)} events (${meanEntryBytes()} bytes each), checkpoint at ${fmt(events - after)}, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s; load ${loadAverage()}`,
  );

  // The limit: node:crypto SHA-256 of the same leaves and tree, on every thread, timed in the threads.
  const share = Math.ceil(events / threads / 2 ** 14) * 2 ** 14;
  const raws = await onEachThread<{ ms: number; cpuMs: number }>(
    new URL('./hash-worker-entry.js', import.meta.url),
    { threads, share, total: events, data: { tree: true } },
  );
  const raw = Math.max(...raws.map((r) => r.ms));
  console.log(
    // Each thread reports the process's CPU time while it ran (Node 20 has no per-thread figure), so
    // the threads' figures overlap: the largest is the process's CPU time for the raw hashing.
    `raw SHA-256, leaves and tree (${threads} threads): ${(raw / 1000).toFixed(2)} s (process CPU ${(
      Math.max(...raws.map((r) => r.cpuMs)) / 1000
    ).toFixed(2)} s); load ${loadAverage()}`,
  );

  // The storage floor: the verifier's threads' reads of the same rows (same statement, same
  // blocks), with nothing checked; then the same reads with the leaf hashes and each block's tree.
  for (const hash of [false, true]) {
    const reads = await onEachThread<{ ms: number }>(new URL('./read-worker-entry.js', import.meta.url), {
      threads,
      share,
      total: events,
      data: { file, hash },
    });
    const ms = Math.max(...reads.map((r) => r.ms));
    console.log(
      `${hash ? 'read rows + SHA-256, no checks' : 'read rows only, nothing else  '} (${threads} threads): ` +
        `${(ms / 1000).toFixed(2)} s = ${(ms / raw).toFixed(2)} x raw; load ${loadAverage()}`,
    );
  }

  for (const depth of ['full', 'hashes'] as const) {
    started = performance.now();
    const cpu = process.cpuUsage();
    const result = await verifyLedger(app(store), admin, { depth, threads });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result.problem)}`);
    console.log(
      `verify ${depth.padEnd(6)} (${result.threads} threads from the file): ${(ms / 1000).toFixed(2)} s = ` +
        `${(ms / raw).toFixed(2)} x raw (goal <= 1.5); process CPU ${(cpuMs(cpu) / 1000).toFixed(2)} s; load ${loadAverage()}`,
    );
  }

  started = performance.now();
  let cpu = process.cpuUsage();
  const since = await verifyLedger(app(store), admin, { since: 'checkpoint' });
  const sinceMs = performance.now() - started;
  if (!since.ok || since.from !== events - after)
    throw new Error(`since-checkpoint: ${JSON.stringify(since)}`);
  console.log(
    `verify from the last checkpoint (${fmt(after)} events after it): ${sinceMs.toFixed(0)} ms wall, ` +
      `${cpuMs(cpu).toFixed(0)} ms CPU (goal <= 1 s)`,
  );

  const proofs = 1000;
  let seed = 7;
  await ledgerInclusionProof(app(store), admin, { index: 1 });
  started = performance.now();
  cpu = process.cpuUsage();
  for (let p = 0; p < proofs; p += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    await ledgerInclusionProof(app(store), admin, { index: seed % events });
  }
  const each = (performance.now() - started) / proofs;
  console.log(
    `inclusion proof (use case: tree head, eventID, one statement for the nodes, checked): ${(each * 1000).toFixed(0)} µs wall, ` +
      `${((cpuMs(cpu) / proofs) * 1000).toFixed(0)} µs CPU each (goal <= 1 ms), ${Math.ceil(Math.log2(events))} hashes; load ${loadAverage()}`,
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
