import type { Kysely } from 'kysely';

/**
 * Indexes for the paged list reads: a page of customer orders looks up the production orders made for
 * them and the good rounds their runs made, so both lookups go by index and cost with the page, not with
 * the records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('production_orders_by_customer_order')
    .on('production_orders')
    .column('customer_order_id')
    .execute();
  // With `good` in it, an order's rounds made are summed from the index alone.
  await db.schema
    .createIndex('production_runs_by_order')
    .on('production_runs')
    .columns(['production_order_id', 'good'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['production_orders_by_customer_order', 'production_runs_by_order'])
    await db.schema.dropIndex(index).execute();
}
