/**
 * Trace benchmark: generates N plant-years of the reference plant (default 10: ~6,600 lots,
 * ~530,000 crates, ~13,000 pallets, ~6,600 shipments) into a SQLite file, then times each trace
 * query on random lots, crates and shipments and prints p50/p95/p99.
 *
 *   node --import tsx bench/trace/run.ts [--years 10] [--samples 300] [--db /tmp/trace-bench.db] [--json]
 *
 * An existing file with the same number of years is reused (generation takes a while).
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setUpPlant } from '../../src/app/plant-setup.ts';
import { traceRecovered } from '../../src/app/custody/recovered.ts';
import { traceCrateBackward, traceLotForward, traceShipmentBackward } from '../../src/app/custody/trace.ts';
import { actorFor, addUser } from '../../src/app/users.ts';
import { fixedClock, SequentialIds } from '../../src/domain/clock.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';
import { readFileSync } from 'node:fs';
import { generateTraceData } from './generate.ts';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '10' },
    samples: { type: 'string', default: '300' },
    db: { type: 'string', default: '/tmp/headstamp-trace-bench.db' },
    json: { type: 'boolean', default: false },
  },
});
const years = Number(values.years);
const samples = Number(values.samples);
const file = `${values.db}.${years}y`;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fresh = !existsSync(file);
const store = openSqlite(file);
await migrateToLatest(store);
const app = { store, clock: fixedClock(new Date('2036-01-01T00:00:00Z')), ids: new SequentialIds() };
if (fresh) {
  const started = performance.now();
  const source = readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8');
  await setUpPlant(app, undefined, { source });
  const admin = await actorFor(app, 'admin');
  await addUser(app, admin, { name: 'audrey', role: 'auditor' });
  const { summary } = await generateTraceData(store, {
    years,
    roundsPerYear: 70_000_000,
    seed: 20261122,
    onYear: (year, s) =>
      process.stderr.write(`year ${year}: ${s.lots} lots, ${s.crates} crates, ${s.shipments} shipments\n`),
  });
  process.stderr.write(
    `generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}\n`,
  );
}
const auditor = await actorFor(app, 'audrey');
const lots = (await store.db.selectFrom('lots').select('lot_number').execute()).map((r) => r.lot_number);
const crates = (
  await store.db.selectFrom('crates').select('sscc').where('id', 'like', 'bench-crate-%').execute()
).map((r) => r.sscc);
const shipments = (await store.db.selectFrom('shipments').select('shipment_number').execute()).map(
  (r) => r.shipment_number,
);
const rand = random(7);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

async function time(name: string, query: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await query(); // warm-up: statement caches, page cache
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < samples; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await query();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  // Wall time suffers when other work shares the cores; CPU time of this process does not wait.
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const q = (list: number[], p: number) =>
    +(list[Math.min(list.length - 1, Math.floor(p * list.length))] ?? 0).toFixed(2);
  return {
    query: name,
    samples,
    p50: q(ms, 0.5),
    p95: q(ms, 0.95),
    p99: q(ms, 0.99),
    cpuP50: q(cpu, 0.5),
    cpuP99: q(cpu, 0.99),
  };
}

const results = [
  await time('trace lot (forward)', () => traceLotForward(app, auditor, pick(lots))),
  await time('trace crate (backward)', () => traceCrateBackward(app, auditor, pick(crates))),
  await time('trace shipment (backward)', () => traceShipmentBackward(app, auditor, pick(shipments))),
  await time('trace headstamp + lot part', () => {
    const lot = pick(lots);
    return traceRecovered(app, auditor, {
      headstamp: `${lot.slice(0, 3)} ${lot.slice(3, 5)}`,
      lot: lot.slice(5),
    });
  }),
  await time('trace headstamp only (a year)', () => {
    const lot = pick(lots);
    return traceRecovered(app, auditor, { headstamp: `${lot.slice(0, 3)} ${lot.slice(3, 5)}` });
  }),
];
const size = { lots: lots.length, crates: crates.length, shipments: shipments.length };
if (values.json === true) process.stdout.write(`${JSON.stringify({ size, results }, null, 2)}\n`);
else {
  process.stdout.write(
    `${size.lots} lots, ${size.crates} crates, ${size.shipments} shipments (${years} plant-years)\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `${r.query.padEnd(32)} wall p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms | cpu p50 ${r.cpuP50} ms  p99 ${r.cpuP99} ms\n`,
    );
  }
}
await store.close();
if (process.env['HEADSTAMP_BENCH_KEEP'] === '0') rmSync(file, { force: true });
