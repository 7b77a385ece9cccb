// Line-event ingest throughput: our batch-ingest use case (validation, idempotency, runs, lots,
// durable commits) beside raw inserts of the same rows through the bare driver, in one run.
//
//   node --import tsx bench/ingest/run.ts [--events 300000] [--batch 10000] [--dialect sqlite|postgres|both] [--repeat 3]
//
// SQLite: files in a temp directory with the records' own connection settings (WAL,
// synchronous=FULL: every commit durable). PostgreSQL: a fresh schema in HEADSTAMP_TEST_PG_URL
// (default postgres://postgres@127.0.0.1:5432/test). The raw baselines insert the same rows into
// a table made from the line_events table's own definition (same keys, index, checks, foreign
// key), in transactions of the same batch size. Each round runs ours and the baselines on fresh
// files, alternating which goes first; the median of the rounds is printed with the load average.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
import { applyPragmas, openSqlite } from '../../src/store/sqlite/open.ts';
import { CHUNK_ROWS } from '../../src/store/sqlite/line-events.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '300000' },
    batch: { type: 'string', default: '10000' },
    dialect: { type: 'string', default: 'both' },
    repeat: { type: 'string', default: '3' },
  },
});
const EVENTS = Number(values.events);
const BATCH = Number(values.batch);
const REPEAT = Number(values.repeat);
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
): Promise<{ seconds: number; cpu: number; lots: number; redeliveredMs: number }> {
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
  const timing = { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds(c0), lots };
  // At-least-once delivery: the last batch sent again, every event a duplicate (not in the rate).
  const last = events.slice(Math.max(0, events.length - BATCH));
  const tr = performance.now();
  const again = await ingestLineEvents(app, admin, last);
  const redeliveredMs = performance.now() - tr;
  if (again.duplicates !== last.length)
    throw new Error(`redelivery: ${again.duplicates} of ${last.length} taken as duplicates`);
  return { ...timing, redeliveredMs };
}

const COLUMNS =
  '(line_id, event_id, kind, at_ms, state, reason, processed, defective, counter_reset, ended_at, note, receipt_id)';
const WIDTH = 12;
/** The stored row of an event, its receipt left to fill in per batch (made before any clock starts). */
const row = (e: Event): unknown[] => [
  e.lineId,
  e.eventId,
  e.kind,
  Date.parse(e.at),
  e.state ?? null,
  e.reason ?? null,
  e.processed ?? null,
  e.defective ?? null,
  0,
  null,
  null,
  0,
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

/**
 * Raw inserts through the bare driver: copies of line_events' and line_event_receipts' own
 * definitions (read from the records' schema, foreign key to a lines table holding the same line
 * ids), the records' connection settings, one transaction and one receipt per batch; rows one
 * statement each (`rows = 1`) or `rows` to a statement.
 */
function rawSqlite(path: string, ddl: readonly string[], events: readonly Event[], rows: number): Timing {
  const db = new BetterSqlite3(path);
  applyPragmas(db);
  db.exec('create table lines (id text primary key)');
  const addLine = db.prepare('insert or ignore into lines (id) values (?)');
  for (const e of events.slice(0, 16)) addLine.run(e.lineId);
  for (const statement of ddl) db.exec(statement);
  const values = `(${Array.from({ length: WIDTH }, () => '?').join(', ')})`;
  const receipt = db.prepare('insert into line_event_receipts (received_at, actor, events) values (?, ?, ?)');
  const one = db.prepare(`insert into line_events ${COLUMNS} values ${values}`);
  const many = db.prepare(
    `insert into line_events ${COLUMNS} values ${Array.from({ length: rows }, () => values).join(', ')}`,
  );
  const receivedAt = new Date().toISOString();
  const stored = events.map(row);
  const params = new Array<unknown>(rows * WIDTH);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < stored.length; i += BATCH) {
    const batch = stored.slice(i, i + BATCH);
    db.transaction(() => {
      const receiptId = receipt.run(receivedAt, 'user:admin', batch.length).lastInsertRowid;
      let j = 0;
      if (rows > 1) {
        for (; j + rows <= batch.length; j += rows) {
          for (let k = 0; k < rows; k++) {
            const r = batch[j + k]!;
            r[WIDTH - 1] = receiptId;
            for (let c = 0; c < WIDTH; c++) params[k * WIDTH + c] = r[c];
          }
          many.run(params);
        }
      }
      for (; j < batch.length; j++) {
        const r = batch[j]!;
        r[WIDTH - 1] = receiptId;
        one.run(r);
      }
    })();
  }
  const timing = { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds(c0) };
  db.close();
  return timing;
}

/** line_event_receipts' and line_events' definitions and indexes as the records' schema has them. */
function lineEventsDdl(path: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true });
  const ddl = db
    .prepare(
      `select sql from sqlite_master where tbl_name in ('line_event_receipts', 'line_events') and sql is not null
        order by tbl_name = 'line_events', type desc`,
    )
    .pluck()
    .all() as string[];
  db.close();
  return ddl;
}

async function rawPostgres(url: string, schema: string, events: readonly Event[]): Promise<Timing> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${quoteIdent(schema)}` });
  await client.connect();
  // line_events' own columns, key, index and checks, and its foreign keys to the plant's lines
  // and to the batches' receipts (kept in a copy of line_event_receipts).
  await client.query(`drop table if exists raw_events; drop table if exists raw_receipts;
    create table raw_receipts (like line_event_receipts including all);
    create table raw_events (like line_events including all);
    alter table raw_events add foreign key (line_id) references lines (id);
    alter table raw_events add foreign key (receipt_id) references raw_receipts (id);`);
  const receivedAt = new Date().toISOString();
  const stored = events.map(row);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < stored.length; i += BATCH) {
    const rows = stored.slice(i, i + BATCH);
    const col = (k: number): unknown[] => rows.map((r) => r[k]);
    await client.query('begin');
    const receipt = await client.query<{ id: string }>(
      'insert into raw_receipts (received_at, actor, events) values ($1, $2, $3) returning id',
      [receivedAt, 'user:admin', rows.length],
    );
    await client.query(
      `insert into raw_events ${COLUMNS} select *, $12::bigint from unnest($1::text[], $2::text[], $3::text[],
        $4::bigint[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::integer[], $10::text[], $11::text[])`,
      [...Array.from({ length: WIDTH - 1 }, (_, k) => col(k)), receipt.rows[0]!.id],
    );
    await client.query('commit');
  }
  const timing = { seconds: (performance.now() - t0) / 1000, cpu: cpuSeconds(c0) };
  await client.end();
  return timing;
}

interface Round {
  ours: Timing & { lots: number; redeliveredMs: number };
  raw: Timing;
  rawChunked?: Timing;
  load: number;
}

const rate = (seconds: number): number => EVENTS / seconds;
const fmt = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en-US')}/s`;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** What the raw baseline is on each backend. */
const RAW_LABEL: Record<string, string> = { sqlite: 'raw, row by row  ', postgres: 'raw, unnest/batch ' };

function reportRound(dialect: string, n: number, r: Round): void {
  console.log(
    `${dialect} round ${n}: load ${r.load.toFixed(2)}, ${r.ours.lots} lots, the last batch delivered again ${r.ours.redeliveredMs.toFixed(0)} ms\n` +
      `  ingest use case    ${fmt(rate(r.ours.seconds)).padStart(10)} wall (${r.ours.seconds.toFixed(2)} s)  ${fmt(rate(r.ours.cpu)).padStart(10)} per CPU-s\n` +
      `  ${RAW_LABEL[dialect]} ${fmt(rate(r.raw.seconds)).padStart(10)} wall (${r.raw.seconds.toFixed(2)} s)  ${fmt(rate(r.raw.cpu)).padStart(10)} per CPU-s\n` +
      (r.rawChunked === undefined
        ? ''
        : `  raw, ${CHUNK_ROWS} rows a stmt ${fmt(rate(r.rawChunked.seconds)).padStart(10)} wall (${r.rawChunked.seconds.toFixed(2)} s)  ${fmt(rate(r.rawChunked.cpu)).padStart(10)} per CPU-s\n`) +
      `  ratio ingest/raw   ${(r.raw.seconds / r.ours.seconds).toFixed(2)} wall, ${(r.raw.cpu / r.ours.cpu).toFixed(2)} CPU`,
  );
}

function reportMedian(dialect: string, rounds: readonly Round[]): void {
  const m = (f: (r: Round) => number): number => median(rounds.map(f));
  const chunked = rounds.every((r) => r.rawChunked !== undefined);
  console.log(
    `${dialect} median of ${rounds.length} rounds (load ${rounds.map((r) => r.load.toFixed(1)).join(', ')}), ` +
      `${EVENTS.toLocaleString('en-US')} events, batches of ${BATCH.toLocaleString('en-US')}\n` +
      `  ingest use case    ${fmt(m((r) => rate(r.ours.seconds))).padStart(10)} wall  ${fmt(m((r) => rate(r.ours.cpu))).padStart(10)} per CPU-s\n` +
      `  ${RAW_LABEL[dialect]} ${fmt(m((r) => rate(r.raw.seconds))).padStart(10)} wall  ${fmt(m((r) => rate(r.raw.cpu))).padStart(10)} per CPU-s\n` +
      (chunked
        ? `  raw, ${CHUNK_ROWS} rows a stmt ${fmt(m((r) => rate(r.rawChunked!.seconds))).padStart(10)} wall  ${fmt(m((r) => rate(r.rawChunked!.cpu))).padStart(10)} per CPU-s\n`
        : '') +
      `  ratio ingest/raw (median of rounds) ${m((r) => r.raw.seconds / r.ours.seconds).toFixed(2)} wall, ${m((r) => r.raw.cpu / r.ours.cpu).toFixed(2)} CPU` +
      (chunked
        ? `; against ${CHUNK_ROWS}-row raw ${m((r) => r.rawChunked!.seconds / r.ours.seconds).toFixed(2)} wall, ${m((r) => r.rawChunked!.cpu / r.ours.cpu).toFixed(2)} CPU`
        : ''),
  );
}

async function sqliteRound(n: number): Promise<Round> {
  const dir = mkdtempSync(join(tmpdir(), 'headstamp-bench-'));
  try {
    const store = openSqlite(join(dir, 'headstamp.db'));
    const { app, admin, lines } = await preparePlant(store);
    const events = makeEvents(lines, EVENTS);
    const ddl = lineEventsDdl(join(dir, 'headstamp.db'));
    const load = loadavg()[0]!;
    // Alternate which goes first: the machine is shared and the page cache remembers.
    let raw: Timing | undefined;
    let rawChunked: Timing | undefined;
    if (n % 2 === 1) {
      raw = rawSqlite(join(dir, 'raw.db'), ddl, events, 1);
      rawChunked = rawSqlite(join(dir, 'raw-chunked.db'), ddl, events, CHUNK_ROWS);
    }
    const ours = await runOurs(app, admin, events);
    await store.close();
    raw ??= rawSqlite(join(dir, 'raw.db'), ddl, events, 1);
    rawChunked ??= rawSqlite(join(dir, 'raw-chunked.db'), ddl, events, CHUNK_ROWS);
    return { ours, raw, rawChunked, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRound(url: string, n: number): Promise<Round> {
  const schema = `bench_${process.pid}_${n}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${quoteIdent(schema)}`);
  try {
    const store = openPostgres(url, schema);
    const plant = await preparePlant(store);
    const events = makeEvents(plant.lines, EVENTS);
    const load = loadavg()[0]!;
    let raw: Timing | undefined;
    if (n % 2 === 1) raw = await rawPostgres(url, schema, events);
    const ours = await runOurs(plant.app, plant.admin, events);
    await store.close();
    raw ??= await rawPostgres(url, schema, events);
    return { ours, raw, load };
  } finally {
    await admin.query(`drop schema ${quoteIdent(schema)} cascade`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}; ${EVENTS.toLocaleString('en-US')} line events over 4 lines, batches of ${BATCH}, ${REPEAT} rounds; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  if (values.dialect === 'sqlite' || values.dialect === 'both') {
    const rounds: Round[] = [];
    for (let n = 0; n < REPEAT; n++) {
      rounds.push(await sqliteRound(n));
      reportRound('sqlite', n + 1, rounds[n]!);
    }
    reportMedian('sqlite', rounds);
  }
  if (values.dialect === 'postgres' || values.dialect === 'both') {
    const url = process.env['HEADSTAMP_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
    const rounds: Round[] = [];
    for (let n = 0; n < REPEAT; n++) {
      rounds.push(await postgresRound(url, n));
      reportRound('postgres', n + 1, rounds[n]!);
    }
    reportMedian('postgres', rounds);
  }
}

await main();
