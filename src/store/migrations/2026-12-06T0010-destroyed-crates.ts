import type { Kysely } from 'kysely';

// Crates (and pallets) destroyed whole: a destroyed crate keeps its row in `crates` (trace and
// the ledger name it) but is no longer stock. One row per crate, with why and who.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('destroyed_crates')
    .addColumn('crate_id', 'text', (c) => c.primaryKey().references('crates.id'))
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('rounds', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('destroyed_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('approver', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('destroyed_crates').execute();
}
