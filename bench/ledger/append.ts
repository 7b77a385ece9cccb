// Ledger append rate on SQLite: custody events appended through `appendCustodyEvents` inside
// transactions (canonical bytes, leaf hashes, tree nodes, tree head), as use cases append them.
//   node --import tsx bench/ledger/append.ts --events 200000 --batch 1000
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendCustodyEvents } from '../../src/app/ledger/append.ts';
import { ledgerRecords, storedNodes } from '../../src/app/ledger/records.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import { inclusionProof } from '../../src/ledger/merkle/proof.ts';
import { verifyInclusion } from '../../src/ledger/merkle/verify.ts';
import { plantEvents } from '../../src/ledger/fixtures/plant-events.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const total = option('events', 200_000);
const batch = option('batch', 1000);
const dir = mkdtempSync(join(tmpdir(), 'headstamp-bench-ledger-'));
const store = openSqlite(join(dir, 'headstamp.db'));
try {
  await migrateToLatest(store);
  const events = plantEvents(total, 3);
  const recordTime = '2026-11-22T08:00:00.000Z';
  const started = performance.now();
  for (let i = 0; i < total; i += batch) {
    await withTransaction(store, (tx) => appendCustodyEvents(tx, events.slice(i, i + batch), { recordTime }));
  }
  const ms = performance.now() - started;
  console.log(
    `ledger append (SQLite file, WAL, synchronous=FULL, ${batch} events a transaction): ` +
      `${total.toLocaleString('en-US')} events in ${(ms / 1000).toFixed(2)} s = ` +
      `${Math.round(total / (ms / 1000)).toLocaleString('en-US')} events/s (goal >= 100,000/s)`,
  );

  // Inclusion proofs from the stored tree: nodes read from SQLite, proof built and checked.
  const head = await ledgerRecords(store).treeHead();
  const reader = storedNodes(store);
  const proofs = 1000;
  let seed = 7;
  const from = performance.now();
  for (let p = 0; p < proofs; p += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const index = seed % head.size;
    const [leaf] = await reader.nodes([{ level: 0, index }]);
    const proof = await inclusionProof(reader, index, head.size);
    if (!verifyInclusion({ index, size: head.size, leafHash: leaf!, proof, root: head.rootHash }).ok) {
      throw new Error(`proof of ${index} failed`);
    }
  }
  const each = (performance.now() - from) / proofs;
  console.log(`inclusion proof from SQLite + check: ${(each * 1000).toFixed(0)} µs each (goal <= 1 ms)`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
