/**
 * Trace benchmark: generates N plant-years of the reference plant (default 10: ~6,600 lots,
 * ~530,000 crates, ~13,000 pallets, ~6,600 shipments) into a SQLite file (or a PostgreSQL
 * schema), then times each trace query on random lots, crates and shipments and prints
 * p50/p95/p99 of wall time and of this process's CPU time, with the load average. Beside the
 * recovered-cartridge query it times, in the same run, the same query summing the crates
 * (`shipment_crates`) as it did before `shipment_lots`: the baseline.
 *
 *   node --import tsx bench/trace/run.ts [--years 10] [--samples 300] [--db /tmp/trace-bench.db] [--json]
 *   node --import tsx bench/trace/run.ts --postgres postgres://postgres@127.0.0.1:5432/test [--schema trace_bench_10y]
 *
 * An existing file (or schema) with the same number of years is reused (generation takes a while).
 */
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { rankRecovered } from '../../src/domain/custody/index.ts';
import { traceRepository } from '../../src/store/custody/trace.ts';
import { openPostgres } from '../../src/store/postgres/open.ts';
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
    postgres: { type: 'string' },
    schema: { type: 'string' },
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

const pgUrl = values.postgres;
const schema = values.schema ?? `trace_bench_${years}y`;
async function openBench() {
  if (pgUrl === undefined) return { fresh: !existsSync(file), store: openSqlite(file) };
  const admin = openPostgres(pgUrl);
  const found = await sql<{
    n: number;
  }>`select count(*)::int as n from information_schema.schemata where schema_name = ${schema}`.execute(
    admin.db,
  );
  await sql`create schema if not exists ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  return { fresh: (found.rows[0]?.n ?? 0) === 0, store: openPostgres(pgUrl, schema) };
}
const { fresh, store } = await openBench();
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
// Fresh tables of half a million rows: PostgreSQL plans by statistics, so gather them now
// rather than wait for autovacuum to (a run on an existing schema has them).
if (pgUrl !== undefined) await sql`analyze`.execute(store.db);
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

/**
 * The recovered-cartridge query as it was before `shipment_lots`: every lot of the year, its
 * deliveries summed from the crates, ranked in JS. Timed beside the query as it is now.
 */
async function baselineRecovered(headstamp: string) {
  const repo = traceRepository(store);
  const candidateLots = await repo.lotsWithPrefix(headstamp.replace(' ', ''));
  const deliveries = await repo.deliveries(candidateLots.map((l) => l.id));
  const byLot = new Map<string, Map<string, number>>();
  for (const d of deliveries) {
    if (d.status === 'planned') continue;
    const m = byLot.get(d.lotId) ?? new Map<string, number>();
    m.set(d.consigneeId, (m.get(d.consigneeId) ?? 0) + d.rounds);
    byLot.set(d.lotId, m);
  }
  return rankRecovered(
    { headstamp },
    candidateLots.map((l) => ({
      lotNumber: l.lotNumber,
      productId: l.productId,
      headstamp: (JSON.parse(l.marking) as { headstamp?: string }).headstamp ?? headstamp,
      labelWords: [l.productId],
      consignees: [...(byLot.get(l.id) ?? [])].map(([consigneeId, rounds]) => ({ consigneeId, rounds })),
    })),
  ).slice(0, 20);
}

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

const load: { before: number[]; after?: number[] } = { before: loadavg().map((x) => +x.toFixed(2)) };
const headstampOf = (lot: string): string => `${lot.slice(0, 3)} ${lot.slice(3, 5)}`;
const results = [
  await time('trace lot (forward)', () => traceLotForward(app, auditor, pick(lots))),
  await time('trace crate (backward)', () => traceCrateBackward(app, auditor, pick(crates))),
  await time('trace shipment (backward)', () => traceShipmentBackward(app, auditor, pick(shipments))),
  await time('trace headstamp + lot part', () => {
    const lot = pick(lots);
    return traceRecovered(app, auditor, { headstamp: headstampOf(lot), lot: lot.slice(5) });
  }),
  await time('trace headstamp + label', () => {
    const lot = pick(lots);
    return traceRecovered(app, auditor, { headstamp: headstampOf(lot), label: '5.56 ball UN0012' });
  }),
  await time('trace headstamp only (a year)', () =>
    traceRecovered(app, auditor, { headstamp: headstampOf(pick(lots)) }),
  ),
  await time('baseline: headstamp only, summing crates', () => baselineRecovered(headstampOf(pick(lots)))),
];
load.after = loadavg().map((x) => +x.toFixed(2));
const size = { lots: lots.length, crates: crates.length, shipments: shipments.length };
const backend = pgUrl === undefined ? 'sqlite' : `postgres (schema ${schema})`;
if (values.json === true)
  process.stdout.write(
    `${JSON.stringify({ backend, node: process.version, load, size, results }, null, 2)}\n`,
  );
else {
  process.stdout.write(
    `${backend}, Node ${process.version}: ${size.lots} lots, ${size.crates} crates, ${size.shipments} shipments (${years} plant-years); load average ${load.before.join(' ')} before, ${(load.after ?? []).join(' ')} after\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `${r.query.padEnd(42)} wall p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms | cpu p50 ${r.cpuP50} ms  p99 ${r.cpuP99} ms\n`,
    );
  }
}
await store.close();
if (process.env['HEADSTAMP_BENCH_KEEP'] === '0' && pgUrl === undefined) rmSync(file, { force: true });
