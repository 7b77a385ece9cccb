// Ledger append rate on SQLite: custody events appended through `appendCustodyEvents` inside
// transactions (canonical bytes, leaf hashes, tree nodes, tree head), as use cases append them.
//   node --import tsx bench/ledger/append.ts --events 200000 --batch 1000
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendCustodyEvents } from '../../src/app/ledger/append.ts';
import { withTransaction } from '../../src/app/transaction.ts';
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
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
