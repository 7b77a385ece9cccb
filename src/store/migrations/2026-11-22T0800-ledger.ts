import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { sqlIn, sqlRaw } from './sql.ts';

// The ledger: custody events (append-only), the Merkle tree's stored nodes (append-only), the
// tree head, signed checkpoints (append-only) and the signing keys' public halves.

const APPEND_ONLY = ['ledger_events', 'ledger_nodes', 'ledger_checkpoints'] as const;

/**
 * The SQLite statements that drop and re-create the append-only guards. For a test harness that
 * must empty every table between tests (SQLite has no way to switch a trigger off): drop, empty,
 * create. PostgreSQL needs nothing: TRUNCATE does not fire row triggers.
 *
 * @example
 * for (const s of SQLITE_LEDGER_GUARDS.drop) sqlite.exec(s);
 * // delete from ...
 * for (const s of SQLITE_LEDGER_GUARDS.create) sqlite.exec(s);
 */
export const SQLITE_LEDGER_GUARDS = {
  drop: APPEND_ONLY.flatMap((table) =>
    ['update', 'delete'].map((op) => `drop trigger if exists ${table}_no_${op}`),
  ),
  create: APPEND_ONLY.flatMap((table) =>
    ['update', 'delete'].map(
      (op) =>
        `create trigger ${table}_no_${op} before ${op} on ${table} ` +
        `begin select raise(abort, '${table} is append-only: ${op} refused'); end`,
    ),
  ),
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_events')
    .addColumn('idx', 'bigint', (c) => c.primaryKey().check(sqlRaw('idx >= 0')))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('declares_error', 'integer', (c) => c.notNull().check(sqlIn('declares_error', ['0', '1'])))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('biz_step', 'text')
    .addColumn('event_time', 'text', (c) => c.notNull())
    .addColumn('record_time', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    // An event once, and at most one error declaration of it.
    .addUniqueConstraint('ledger_events_event', ['event_id', 'declares_error'])
    .execute();
  await db.schema.createIndex('ledger_events_time').on('ledger_events').columns(['event_time']).execute();
  await db.schema
    .createTable('ledger_nodes')
    .addColumn('level', 'integer', (c) => c.notNull().check(sqlRaw('level >= 1')))
    .addColumn('idx', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'idx'])
    .execute();
  await db.schema
    .createTable('ledger_tree_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sqlRaw('id = 1')))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('frontier', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_checkpoints')
    .addColumn('size', 'bigint', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('verifier_key', 'text', (c) => c.notNull().unique())
    .addColumn('commissioned_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function ledger_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op;
      end $$`.execute(db);
    for (const table of APPEND_ONLY) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function ledger_refuse_change()`.execute(db);
    }
    return;
  }
  for (const statement of SQLITE_LEDGER_GUARDS.create) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'ledger_keys',
    'ledger_checkpoints',
    'ledger_tree_head',
    'ledger_nodes',
    'ledger_events',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function ledger_refuse_change()`.execute(db);
  }
}
