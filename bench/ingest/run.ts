// Line-event ingest throughput: our batch-ingest use case (validation, idempotency, runs, lots,
// durable commits) beside raw inserts of the same rows through the bare driver, in one run.
//
//   node --import tsx bench/ingest/run.ts [--events 1000000] [--batch 10000] [--dialect sqlite|postgres|both]
//
// SQLite: a file in a temp directory, WAL, synchronous=FULL (every commit durable).
// PostgreSQL: a fresh schema in HEADSTAMP_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { ManualClock, SequentialIds } from '../../src/domain/clock.ts';
import type { UserActor } from '../../src/app/actor.ts';
import type { AppContext } from '../../src/app/context.ts';
import { addOrder } from '../../src/app/orders.ts';
import { setUpPlant, plantScenario } from '../../src/app/plant-setup.ts';
import { ingestLineEvents } from '../../src/app/production/ingest.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import { actorFor } from '../../src/app/users.ts';
import type { Store } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { openPostgres, quoteIdent } from '../../src/store/postgres/open.ts';
import { scheduleRepository, type PlacementRecord } from '../../src/store/repositories/schedules.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '10000' },
    dialect: { type: 'string', default: 'both' },
  },
});
const EVENTS = Number(values.events);
const BATCH = Number(values.batch);
const START = Date.UTC(2026, 0, 5, 11, 0);
const source = readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8');

interface Event {
  eventId: string;
  kind: 'state' | 'count';
  lineId: string;
  at: string;
  state?: string;
  reason?: string;
  processed?: number;
  defective?: number;
}

/** Four lines, one event each per 250 ms of line time: cumulative counts, a hold every 500 events. */
function makeEvents(lines: readonly string[], n: number): Event[] {
  const out: Event[] = [];
  const counters = lines.map(() => ({ processed: 0, defective: 0 }));
  for (let i = 0; i < n; i++) {
    const li = i % lines.length;
    const lineId = lines[li]!;
    const seq = Math.floor(i / lines.length);
    const at = new Date(START + seq * 250).toISOString();
    const c = counters[li]!;
    if (seq === 0) {
      out.push({ eventId: `${lineId}-${seq}`, kind: 'state', lineId, at, state: 'Execute' });
    } else if (seq % 500 === 250) {
      out.push({ eventId: `${lineId}-${seq}`, kind: 'state', lineId, at, state: 'Held', reason: 'starved' });
    } else if (seq % 500 === 260) {
      out.push({ eventId: `${lineId}-${seq}`, kind: 'state', lineId, at, state: 'Execute' });
    } else {
      c.processed += 28;
      if (seq % 50 === 0) c.defective += 1;
      out.push({
        eventId: `${lineId}-${seq}`,
        kind: 'count',
        lineId,
        at,
        processed: c.processed,
        defective: c.defective,
      });
    }
  }
  return out;
}

async function preparePlant(store: Store): Promise<{ app: AppContext; admin: UserActor; lines: string[] }> {
  await migrateToLatest(store);
  const clock = new ManualClock(new Date(START + 10 * 86_400_000));
  const app: AppContext = { store, clock, ids: new SequentialIds() };
  await setUpPlant(app, undefined, { source });
  const admin = await actorFor(app, 'admin');
  const scenario = await plantScenario(store);
  const lines = scenario.lines.filter((l) => l.kind === 'assembly').map((l) => l.id);
  const placements: PlacementRecord[] = [];
  for (const line of scenario.lines.filter((l) => l.kind === 'assembly')) {
    const productId = line.products[0]!;
    const { productionOrder } = await addOrder(app, admin, {
      consigneeId: scenario.consignees[0]!.id,
      productId,
      quantity: 1_000_000_000,
      dueDate: '2026-12-31',
    });
    placements.push({
      seq: placements.length + 1,
      productionOrderId: productionOrder.id,
      lineId: line.id,
      productId,
      quantity: productionOrder.quantity,
      startsAt: new Date(START).toISOString(),
      endsAt: new Date(START).toISOString(),
      changeoverMinutes: 0,
      late: false,
    });
  }
  const now = clock.now().toISOString();
  await withTransaction(store, (tx) =>
    scheduleRepository(tx).insert(
      { id: 'schedule-bench', createdAt: now, startsAt: now, reason: 'bench', actor: 'user:admin' },
      placements,
    ),
  );
  return { app, admin, lines };
}

async function runOurs(
  app: AppContext,
  admin: UserActor,
  events: readonly Event[],
): Promise<{ seconds: number; cpu: number; lots: number }> {
  let lots = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    const tb = performance.now();
    const r = await ingestLineEvents(app, admin, events.slice(i, i + BATCH));
    if (process.env['BENCH_TRACE'])
      console.log('batch', i / BATCH, (performance.now() - tb).toFixed(0), 'ms');
    if (r.refused > 0)
      throw new Error(`refused: ${JSON.stringify(r.results.find((x) => x.status === 'refused'))}`);
    lots += r.lotsCommissioned.length;
  }
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds(c0), lots };
}

const COLUMNS =
  '(line_id, event_id, kind, at, state, reason, processed, defective, counter_reset, ended_at, note, received_at, actor)';
const row = (e: Event, receivedAt: string): unknown[] => [
  e.lineId,
  e.eventId,
  e.kind,
  e.at,
  e.state ?? null,
  e.reason ?? null,
  e.processed ?? null,
  e.defective ?? null,
  0,
  null,
  null,
  receivedAt,
  'user:admin',
];

/** CPU seconds (user + system) this process used since `start`: the machine is shared, the wall clock is not ours. */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

interface Timing {
  seconds: number;
  cpu: number;
}

function rawSqlite(path: string, events: readonly Event[]): Timing {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table raw_events (line_id text not null, event_id text not null, kind text not null, at text not null,
    state text, reason text, processed bigint, defective bigint, counter_reset integer not null, ended_at text, note text,
    received_at text not null, actor text not null, primary key (line_id, event_id)) without rowid;
    create index raw_events_by_time on raw_events (line_id, at);`);
  const insert = db.prepare(
    `insert into raw_events ${COLUMNS} values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const receivedAt = new Date().toISOString();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    const batch = events.slice(i, i + BATCH);
    db.transaction(() => {
      for (const e of batch) insert.run(...row(e, receivedAt));
    })();
  }
  const timing = { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds(c0) };
  db.close();
  return timing;
}

async function rawPostgres(url: string, schema: string, events: readonly Event[]): Promise<Timing> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${quoteIdent(schema)}` });
  await client.connect();
  await client.query(`create table raw_events (line_id text not null, event_id text not null, kind text not null, at text not null,
    state text, reason text, processed bigint, defective bigint, counter_reset integer not null, ended_at text, note text,
    received_at text not null, actor text not null, primary key (line_id, event_id));
    create index raw_events_by_time on raw_events (line_id, at);`);
  const receivedAt = new Date().toISOString();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    const rows = events.slice(i, i + BATCH).map((e) => row(e, receivedAt));
    const col = (k: number): unknown[] => rows.map((r) => r[k]);
    await client.query('begin');
    await client.query(
      `insert into raw_events ${COLUMNS} select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
        $6::text[], $7::bigint[], $8::bigint[], $9::integer[], $10::text[], $11::text[], $12::text[], $13::text[])`,
      Array.from({ length: 13 }, (_, k) => col(k)),
    );
    await client.query('commit');
  }
  const timing = { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds(c0) };
  await client.end();
  return timing;
}

function report(dialect: string, ours: Timing & { lots: number }, raw: Timing, n: number): void {
  const rate = (seconds: number): string => `${Math.round(n / seconds).toLocaleString('en-US')}/s`;
  console.log(
    `${dialect.padEnd(8)} ${n.toLocaleString('en-US')} events, batches of ${BATCH.toLocaleString('en-US')}, ${ours.lots} lots\n` +
      `  ingest use case  ${rate(ours.seconds).padStart(10)} wall (${ours.seconds.toFixed(2)} s)  ${rate(ours.cpu).padStart(10)} per CPU-second of this process\n` +
      `  raw inserts      ${rate(raw.seconds).padStart(10)} wall (${raw.seconds.toFixed(2)} s)  ${rate(raw.cpu).padStart(10)} per CPU-second of this process\n` +
      `  ratio ingest/raw ${(raw.seconds / ours.seconds).toFixed(2)} wall, ${(raw.cpu / ours.cpu).toFixed(2)} CPU`,
  );
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}; ${EVENTS.toLocaleString('en-US')} line events over 4 lines, batches of ${BATCH}`,
  );
  if (values.dialect === 'sqlite' || values.dialect === 'both') {
    const dir = mkdtempSync(join(tmpdir(), 'headstamp-bench-'));
    try {
      const store = openSqlite(join(dir, 'headstamp.db'));
      const { app, admin, lines } = await preparePlant(store);
      const events = makeEvents(lines, EVENTS);
      const ours = await runOurs(app, admin, events);
      await store.close();
      const raw = rawSqlite(join(dir, 'raw.db'), events);
      report('sqlite', ours, raw, EVENTS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values.dialect === 'postgres' || values.dialect === 'both') {
    const url = process.env['HEADSTAMP_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${quoteIdent(schema)}`);
    try {
      const store = openPostgres(url, schema);
      const plant = await preparePlant(store);
      const events = makeEvents(plant.lines, EVENTS);
      const ours = await runOurs(plant.app, plant.admin, events);
      await store.close();
      const raw = await rawPostgres(url, schema, events);
      report('postgres', ours, raw, EVENTS);
    } finally {
      await admin.query(`drop schema ${quoteIdent(schema)} cascade`);
      await admin.end();
    }
  }
}

await main();
