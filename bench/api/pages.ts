/**
 * The list pages in process, without HTTP: CPU time per page of 20 for the order, lot and stock
 * pages, the SQLite fast path beside the same query through Kysely, interleaved in rounds so that
 * both see the same load. Records as bench/api/records.ts makes them (seed plant, 400 orders, 300
 * lots).
 *
 *   node --import tsx bench/api/pages.ts [--rounds 5] [--calls 500]
 */
import { rmSync } from 'node:fs';
import { quarantineLocation } from '../../src/app/packing/lot-stock.ts';
import type { Executor } from '../../src/store/database.ts';
import { lotRepository } from '../../src/store/repositories/lots.ts';
import { orderRepository } from '../../src/store/repositories/orders.ts';
import { stockRepository } from '../../src/store/repositories/stock.ts';
import { numberArg } from '../support/args.ts';
import { loadAverage } from '../support/host.ts';
import { benchRecords } from './records.ts';

const rounds = numberArg('rounds', 5);
const calls = numberArg('calls', 500);

const { dir, store, scenario } = await benchRecords();

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
console.log(`list pages in process: ${rounds} rounds of ${calls} calls, load ${loadAverage(2)}`);
console.log('| read | CPU µs per call (best round) |\n|---|---|');
for (const [name, us] of best) console.log(`| ${name} | ${us.toFixed(0)} |`);
await store.close();
rmSync(dir, { recursive: true, force: true });
