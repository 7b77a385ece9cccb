import type { Kysely } from 'kysely';
import { sqlIn, sqlRaw } from './sql.ts';

// Lot quality (sampling inspections, decisions, switching states) and packing and stock
// (loose stock by location, crates and pallets with SSCCs, count adjustments).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sampling_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lot_id', 'text', (c) => c.notNull().unique().references('lots.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('severity', 'text', (c) =>
      c.notNull().check(sqlIn('severity', ['normal', 'tightened', 'reduced'])),
    )
    .addColumn('inspection_level', 'text', (c) => c.notNull())
    .addColumn('code_letter', 'text', (c) => c.notNull())
    .addColumn('lot_size', 'bigint', (c) => c.notNull())
    .addColumn('classes', 'text', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('in_gap', 'integer', (c) => c.notNull())
    .addColumn('score_step', 'text', (c) => c.notNull())
    .addColumn('rounds_consumed', 'bigint', (c) => c.notNull().check(sqlRaw('rounds_consumed >= 0')))
    .addColumn('switched', 'text')
    .addColumn('inspected_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('lot_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['released', 'held', 'rejected'])))
    .addColumn('reason', 'text')
    .addColumn('inspection_id', 'text', (c) => c.references('sampling_inspections.id'))
    .addColumn('approver', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addUniqueConstraint('lot_decisions_seq', ['lot_id', 'seq'])
    .execute();
  await db.schema
    .createTable('sampling_states')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('products.id'))
    .addColumn('severity', 'text', (c) =>
      c.notNull().check(sqlIn('severity', ['normal', 'tightened', 'reduced', 'discontinued'])),
    )
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('recent', 'text', (c) => c.notNull())
    .addColumn('accepted_in_row', 'integer', (c) => c.notNull())
    .addColumn('not_accepted_on_tightened', 'integer', (c) => c.notNull())
    .addColumn('steady_production', 'integer', (c) => c.notNull())
    .addColumn('reduced_approved', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lot_stock')
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('storage_locations.id'))
    .addColumn('form', 'text', (c) => c.notNull().check(sqlIn('form', ['round', 'box'])))
    .addColumn('quantity', 'bigint', (c) => c.notNull().check(sqlRaw('quantity >= 0')))
    .addPrimaryKeyConstraint('lot_stock_pk', ['lot_id', 'location_id', 'form'])
    .execute();
  await db.schema
    .createTable('pallets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sscc', 'text', (c) => c.notNull().unique())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('storage_locations.id'))
    .addColumn('built_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('crates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sscc', 'text', (c) => c.notNull().unique())
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('boxes', 'integer', (c) => c.notNull().check(sqlRaw('boxes > 0')))
    .addColumn('rounds', 'bigint', (c) => c.notNull().check(sqlRaw('rounds > 0')))
    .addColumn('location_id', 'text', (c) => c.notNull().references('storage_locations.id'))
    .addColumn('pallet_id', 'text', (c) => c.references('pallets.id'))
    .addColumn('packed_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crates_by_lot').on('crates').column('lot_id').execute();
  await db.schema.createIndex('crates_by_location').on('crates').column('location_id').execute();
  await db.schema
    .createTable('stock_counts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull().references('storage_locations.id'))
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('recorded', 'bigint', (c) => c.notNull())
    .addColumn('counted', 'bigint', (c) => c.notNull())
    .addColumn('delta', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('counted_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'stock_counts',
    'crates',
    'pallets',
    'lot_stock',
    'sampling_states',
    'lot_decisions',
    'sampling_inspections',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
