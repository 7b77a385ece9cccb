import { SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { sqlIn } from './sql.ts';

/**
 * The busiest table made smaller. A line event's time becomes whole milliseconds since the epoch
 * (`at_ms`) instead of 24 characters of ISO text, in the row and in the time index; who sent a
 * batch and when it arrived are said once per batch, in `line_event_receipts`, instead of on every
 * event. The rows and the time index shrink by about half; raw inserts of the same rows run about
 * a fifth faster (bench/README.md). Reads still answer ISO instants.
 *
 * Existing events are copied over: one receipt for each (received_at, actor) pair they hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  await setAsideOld(db, sqlite, 'line_events');
  await db.schema
    .createTable('line_event_receipts')
    .$call((b) =>
      sqlite
        ? b.addColumn('id', 'integer', (c) => c.primaryKey())
        : b.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity()),
    )
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .execute();
  await createLineEvents(db, sqlite, 'new');
  await sql`insert into line_event_receipts (received_at, actor, events)
    select received_at, actor, count(*) from line_events_old
    group by received_at, actor order by received_at, actor`.execute(db);
  await sql`insert into line_events (line_id, event_id, kind, at_ms, state, reason, processed, defective,
      counter_reset, ended_at, note, receipt_id)
    select o.line_id, o.event_id, o.kind, ${msOf(sqlite, sql.ref('o.at'))}, o.state, o.reason, o.processed,
      o.defective, o.counter_reset, o.ended_at, o.note, r.id
    from line_events_old as o join line_event_receipts as r
      on r.received_at = o.received_at and r.actor = o.actor`.execute(db);
  await db.schema.dropTable('line_events_old').execute();
  await db.schema
    .createIndex('line_events_by_time')
    .on('line_events')
    .columns(['line_id', 'at_ms'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  await setAsideOld(db, sqlite, 'line_events');
  await createLineEvents(db, sqlite, 'old');
  await sql`insert into line_events (line_id, event_id, kind, at, state, reason, processed, defective,
      counter_reset, ended_at, note, received_at, actor)
    select o.line_id, o.event_id, o.kind, ${isoOf(sqlite, sql.ref('o.at_ms'))}, o.state, o.reason, o.processed,
      o.defective, o.counter_reset, o.ended_at, o.note, r.received_at, r.actor
    from line_events_old as o join line_event_receipts as r on r.id = o.receipt_id`.execute(db);
  await db.schema.dropTable('line_events_old').execute();
  await db.schema.dropTable('line_event_receipts').execute();
  await db.schema.createIndex('line_events_by_time').on('line_events').columns(['line_id', 'at']).execute();
}

/** Renames the table to `<name>_old`, with its key and index out of the way of the new ones' names. */
async function setAsideOld(db: Kysely<unknown>, sqlite: boolean, name: string): Promise<void> {
  await db.schema.dropIndex(`${name}_by_time`).execute();
  await db.schema.alterTable(name).renameTo(`${name}_old`).execute();
  // In PostgreSQL a key's name is its index's name, unique in the schema.
  if (!sqlite)
    await sql.raw(`alter table ${name}_old rename constraint ${name}_pk to ${name}_old_pk`).execute(db);
}

/** line_events in the new layout (time in ms, a receipt per batch) or the old one (for `down`). */
async function createLineEvents(db: Kysely<unknown>, sqlite: boolean, layout: 'new' | 'old'): Promise<void> {
  await db.schema
    .createTable('line_events')
    .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['state', 'count', 'stop'])))
    .$call((b) =>
      layout === 'new'
        ? b.addColumn('at_ms', 'bigint', (c) => c.notNull())
        : b.addColumn('at', 'text', (c) => c.notNull()),
    )
    .addColumn('state', 'text')
    .addColumn('reason', 'text')
    .addColumn('processed', 'bigint')
    .addColumn('defective', 'bigint')
    .addColumn('counter_reset', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_at', 'text')
    .addColumn('note', 'text')
    .$call((b) =>
      layout === 'new'
        ? b.addColumn('receipt_id', 'bigint', (c) => c.notNull().references('line_event_receipts.id'))
        : b
            .addColumn('received_at', 'text', (c) => c.notNull())
            .addColumn('actor', 'text', (c) => c.notNull()),
    )
    .addPrimaryKeyConstraint('line_events_pk', ['line_id', 'event_id'])
    // In SQLite, stored in its primary-key tree alone (no separate rowid tree): one B-tree fewer.
    .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
}

/** Milliseconds since the epoch of a stored instant (always `YYYY-MM-DDTHH:MM:SS.sssZ`), exactly. */
function msOf(sqlite: boolean, at: RawBuilder<unknown>): RawBuilder<unknown> {
  return sqlite
    ? sql`(cast(strftime('%s', substr(${at}, 1, 19)) as integer) * 1000 + cast(substr(${at}, 21, 3) as integer))`
    : sql`(extract(epoch from (substr(${at}, 1, 19) || 'Z')::timestamptz)::bigint * 1000 + substr(${at}, 21, 3)::bigint)`;
}

/** The stored ISO form of milliseconds since the epoch. */
function isoOf(sqlite: boolean, ms: RawBuilder<unknown>): RawBuilder<unknown> {
  return sqlite
    ? sql`(strftime('%Y-%m-%dT%H:%M:%S', ${ms} / 1000, 'unixepoch') || '.' || printf('%03d', ${ms} % 1000) || 'Z')`
    : sql`to_char(to_timestamp(${ms} / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
