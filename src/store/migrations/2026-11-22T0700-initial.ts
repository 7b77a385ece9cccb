import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { positive, sqlIn, sqlRaw } from './sql.ts';

// The core records: plant and its configuration versions, people, lines and catalogue, orders,
// schedules, line data, runs, lots and component lots. Column types are the portable subset
// (text, integer, bigint) so that one migration serves SQLite and PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('clock_mode', 'text', (c) => c.notNull().check(sqlIn('clock_mode', ['real', 'simulated'])))
    .addColumn('simulated_now', 'text')
    .addColumn('config_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('plant_config_versions')
    .addColumn('plant_id', 'text', (c) => c.notNull().references('plant.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plant_config_versions_pk', ['plant_id', 'version'])
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('consignee_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  for (const table of ['lines', 'products', 'storage_locations', 'consignees', 'components']) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plant_id', 'text', (c) => c.notNull().references('plant.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('config_version', 'integer', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull());
    if (table === 'lines')
      builder = builder.addColumn('commissioned', 'integer', (c) => c.notNull().defaultTo(0));
    if (table === 'products') builder = builder.addColumn('lot_size', 'integer', (c) => c.notNull());
    await builder.execute();
  }

  await db.schema
    .createTable('customer_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_number', 'text', (c) => c.notNull().unique())
    .addColumn('consignee_id', 'text', (c) => c.notNull().references('consignees.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull().check(positive('quantity')))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('production_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_order_id', 'text', (c) => c.references('customer_orders.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull().check(positive('quantity')))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('schedule_placements')
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('production_order_id', 'text', (c) => c.notNull().references('production_orders.id'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('changeover_minutes', 'integer', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedule_placements_pk', ['schedule_id', 'seq'])
    .execute();

  await db.schema
    .createTable('line_events')
    .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['state', 'count', 'stop'])))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('reason', 'text')
    .addColumn('processed', 'bigint')
    .addColumn('defective', 'bigint')
    .addColumn('counter_reset', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_at', 'text')
    .addColumn('note', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('line_events_pk', ['line_id', 'event_id'])
    // The busiest table: in SQLite, stored in its primary-key tree alone (no separate rowid
    // tree), one B-tree fewer to write per event.
    .$call((b) => (isSqlite(db) ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema.createIndex('line_events_by_time').on('line_events').columns(['line_id', 'at']).execute();
  await db.schema
    .createTable('line_status')
    .addColumn('line_id', 'text', (c) => c.primaryKey().references('lines.id'))
    .addColumn('state', 'text')
    .addColumn('state_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('processed', 'bigint', (c) => c.notNull())
    .addColumn('defective', 'bigint', (c) => c.notNull())
    .addColumn('count_at', 'text')
    .execute();
  await db.schema
    .createTable('production_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('production_order_id', 'text', (c) => c.notNull().references('production_orders.id'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('processed', 'bigint', (c) => c.notNull())
    .addColumn('good', 'bigint', (c) => c.notNull())
    .addColumn('defective', 'bigint', (c) => c.notNull())
    .addColumn('lotted', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addCheckConstraint('production_runs_balance', sqlRaw('processed = good + defective'))
    .addCheckConstraint('production_runs_lotted', sqlRaw('lotted >= 0 and lotted <= good'))
    .execute();
  await db.schema
    .createIndex('production_runs_by_line')
    .on('production_runs')
    .columns(['line_id', 'started_at'])
    .execute();
  await db.schema
    .createTable('lots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plant_id', 'text', (c) => c.notNull().references('plant.id'))
    .addColumn('lot_number', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull().references('production_runs.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull().check(positive('quantity')))
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('component_shortfall', 'text', (c) => c.notNull())
    .addColumn('commissioned_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addUniqueConstraint('lots_number_per_plant', ['plant_id', 'lot_number'])
    .execute();
  await db.schema
    .createTable('sequences')
    .addColumn('plant_id', 'text', (c) => c.notNull().references('plant.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sequences_pk', ['plant_id', 'scope'])
    .execute();
  await db.schema
    .createTable('component_lots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
    .addColumn('lot_number', 'text', (c) => c.notNull().unique())
    .addColumn('supplier', 'text', (c) => c.notNull())
    .addColumn('supplier_lot', 'text', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull().check(positive('received')))
    .addColumn('remaining', 'bigint', (c) => c.notNull().check(sqlRaw('remaining >= 0')))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addUniqueConstraint('component_lots_supplier_lot', ['component_id', 'supplier', 'supplier_lot'])
    .execute();
  await db.schema
    .createTable('lot_components')
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('component_lot_id', 'text', (c) => c.notNull().references('component_lots.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull().check(positive('quantity')))
    .addPrimaryKeyConstraint('lot_components_pk', ['lot_id', 'component_lot_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'lot_components',
    'component_lots',
    'sequences',
    'lots',
    'production_runs',
    'line_status',
    'line_events',
    'schedule_placements',
    'schedules',
    'production_orders',
    'customer_orders',
    'components',
    'consignees',
    'storage_locations',
    'products',
    'lines',
    'users',
    'plant_config_versions',
    'plant',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
