/**
 * The list pages in process, without HTTP: CPU time per page of 20 for the order, lot and stock
 * pages, the SQLite fast path beside the same query through Kysely, interleaved in rounds so that
 * both see the same load. Records as bench/api/server.ts makes them (seed plant, 400 orders, 300
 * lots).
 *
 *   node --import tsx bench/api/pages.ts [--rounds 5] [--calls 500]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { addOrder } from '../../src/app/orders.ts';
import { plantScenario, setUpPlant } from '../../src/app/plant-setup.ts';
import { quarantineLocation } from '../../src/app/packing/lot-stock.ts';
import { commissionLot } from '../../src/app/production/lots.ts';
import { randomIds, systemClock } from '../../src/app/runtime.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import { actorFor } from '../../src/app/users.ts';
import type { Executor } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { lotRepository } from '../../src/store/repositories/lots.ts';
import { orderRepository } from '../../src/store/repositories/orders.ts';
import { runRepository, type RunRecord } from '../../src/store/repositories/runs.ts';
import { stockRepository } from '../../src/store/repositories/stock.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const rounds = arg('rounds', 5);
const calls = arg('calls', 500);

const dir = mkdtempSync(join(tmpdir(), 'headstamp-pages-'));
const store = openSqlite(join(dir, 'headstamp.db'));
await migrateToLatest(store);
const app = { store, clock: systemClock, ids: randomIds };
await setUpPlant(app, undefined, {
  source: readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8'),
});
const admin = await actorFor(app, 'admin');
const scenario = await plantScenario(store);
for (let i = 0; i < 400; i++) {
  const { productionOrder } = await addOrder(app, admin, {
    consigneeId: i % 2 === 0 ? 'army' : 'police',
    productId: 'ball-ps',
    quantity: 100_000 + i,
    dueDate: '2027-06-30',
  });
  if (i % 4 === 3) continue;
  const at = new Date().toISOString();
  await withTransaction(store, async (tx) => {
    const run: RunRecord = {
      ...{ id: randomIds.next('run'), productionOrderId: productionOrder.id, lineId: 'L1' },
      ...{ productId: 'ball-ps', startedAt: at, endedAt: at, actor: 'user:admin' },
      ...{ processed: 50_000, good: 50_000, defective: 0, lotted: 50_000 },
    };
    await runRepository(tx).insert(run);
    await commissionLot(tx, app, scenario, admin, { run, quantity: 50_000, at });
  });
}

// The same SQLite records seen through Kysely only: the repositories take their PostgreSQL path.
const viaKysely = { ...store, native: { dialect: 'postgres' } } as unknown as Executor;
const page = { limit: 20 };
const quarantine = quarantineLocation(scenario);
const packaging = scenario.products.map((p) => ({
  productId: p.id,
  roundsPerBox: p.packaging.roundsPerBox,
  roundsPerCrate: p.packaging.roundsPerBox * p.packaging.boxesPerCrate,
}));
const cases: [string, () => Promise<unknown>][] = [
  ['orders page, prepared', () => orderRepository(store).customerOrderPage(page)],
  ['orders page, Kysely', () => orderRepository(viaKysely).customerOrderPage(page)],
  ['lots page, prepared', () => lotRepository(store).page(page)],
  ['lots page, Kysely', () => lotRepository(viaKysely).page(page)],
  ['stock: location use, one aggregate', () => stockRepository(store).locationUse(quarantine, packaging)],
  ['stock: every stock line (the old summary read)', () => stockRepository(store).stockLines(quarantine)],
];
const best = new Map<string, number>();
for (let r = 0; r < rounds; r++) {
  for (const [name, f] of cases) {
    for (let i = 0; i < 50; i++) await f();
    const c = process.cpuUsage();
    for (let i = 0; i < calls; i++) await f();
    const cpu = process.cpuUsage(c);
    const us = (cpu.user + cpu.system) / calls;
    best.set(name, Math.min(best.get(name) ?? Infinity, us));
  }
}
console.log(
  `list pages in process: ${rounds} rounds of ${calls} calls, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log('| read | CPU µs per call (best round) |\n|---|---|');
for (const [name, us] of best) console.log(`| ${name} | ${us.toFixed(0)} |`);
await store.close();
rmSync(dir, { recursive: true, force: true });
