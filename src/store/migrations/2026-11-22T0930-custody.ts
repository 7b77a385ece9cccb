import type { Kysely } from 'kysely';
import { positive, sqlIn, sqlRaw } from './sql.ts';

// Custody: authorisations (end-user certificates), shipments and their crates, discrepancies at
// receipt, four-eyes approval requests, recalls. Plus the indexes that trace and recall walk:
// crates by pallet, lots by run and number, genealogy by component lot.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authorisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('consignee_id', 'text', (c) => c.notNull().references('consignees.id'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('products', 'text', (c) => c.notNull())
    .addColumn('quantity_ceiling', 'bigint', (c) => c.notNull().check(positive('quantity_ceiling')))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['valid', 'suspended', 'revoked'])))
    .addColumn('status_reason', 'text')
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('approver', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('authorisations_dates', sqlRaw('valid_to >= valid_from'))
    .execute();
  await db.schema
    .createIndex('authorisations_by_consignee')
    .on('authorisations')
    .column('consignee_id')
    .execute();

  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_number', 'text', (c) => c.notNull().unique())
    .addColumn('consignee_id', 'text', (c) => c.notNull().references('consignees.id'))
    .addColumn('authorisation_id', 'text', (c) => c.notNull().references('authorisations.id'))
    .addColumn('transport_ref', 'text', (c) => c.notNull())
    .addColumn('invoice_ref', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['planned', 'in_transit', 'received'])),
    )
    .addColumn('quantity', 'bigint', (c) => c.notNull().check(sqlRaw('quantity >= 0')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text')
    .addColumn('dispatched_by', 'text')
    .addColumn('dispatch_approver', 'text')
    .addColumn('received_at', 'text')
    .addColumn('received_by', 'text')
    .execute();
  await db.schema
    .createIndex('shipments_by_authorisation')
    .on('shipments')
    .column('authorisation_id')
    .execute();
  await db.schema
    .createIndex('shipments_by_consignee')
    .on('shipments')
    .columns(['consignee_id', 'dispatched_at'])
    .execute();
  await db.schema.createIndex('shipments_by_dispatch').on('shipments').column('dispatched_at').execute();

  await db.schema
    .createTable('shipment_crates')
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('crate_id', 'text', (c) => c.notNull().references('crates.id'))
    .addColumn('sscc', 'text', (c) => c.notNull())
    .addColumn('pallet_sscc', 'text')
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('rounds', 'bigint', (c) => c.notNull().check(positive('rounds')))
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sqlIn('outcome', ['listed', 'shipped', 'received', 'missing', 'surplus'])),
    )
    .addPrimaryKeyConstraint('shipment_crates_pk', ['shipment_id', 'crate_id'])
    .execute();
  await db.schema.createIndex('shipment_crates_by_crate').on('shipment_crates').column('crate_id').execute();
  await db.schema
    .createIndex('shipment_crates_by_lot')
    .on('shipment_crates')
    // Covering: a lot's deliveries are summed from the index alone.
    .columns(['lot_id', 'shipment_id', 'outcome', 'rounds'])
    .execute();

  await db.schema
    .createTable('shipment_discrepancies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['shortfall', 'surplus'])))
    .addColumn('sscc', 'text', (c) => c.notNull())
    .addColumn('lot_id', 'text')
    .addColumn('rounds', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('shipment_discrepancies_by_shipment')
    .on('shipment_discrepancies')
    .column('shipment_id')
    .execute();

  await db.schema
    .createTable('approval_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['pending', 'approved', 'withdrawn'])),
    )
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('requester_role', 'text', (c) => c.notNull())
    .addColumn('approver', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('result', 'text')
    .execute();
  await db.schema
    .createIndex('approval_requests_by_status')
    .on('approval_requests')
    .column('status')
    .execute();

  await db.schema
    .createTable('recalls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recall_number', 'text', (c) => c.notNull().unique())
    .addColumn('origin_kind', 'text', (c) =>
      c.notNull().check(sqlIn('origin_kind', ['lot', 'component-lot', 'field-report'])),
    )
    .addColumn('origin_ref', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('recall_lots')
    .addColumn('recall_id', 'text', (c) => c.notNull().references('recalls.id'))
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('rounds_held', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('recall_lots_pk', ['recall_id', 'lot_id'])
    .execute();
  await db.schema
    .createTable('recall_notices')
    .addColumn('recall_id', 'text', (c) => c.notNull().references('recalls.id'))
    .addColumn('consignee_id', 'text', (c) => c.notNull().references('consignees.id'))
    .addColumn('rounds', 'bigint', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recall_notices_pk', ['recall_id', 'consignee_id'])
    .execute();

  // What trace and recall walk, beside the indexes their tables came with.
  await db.schema.createIndex('crates_by_pallet').on('crates').column('pallet_id').execute();
  await db.schema.createIndex('lots_by_run').on('lots').column('run_id').execute();
  await db.schema.createIndex('lots_by_number').on('lots').column('lot_number').execute();
  await db.schema
    .createIndex('lot_components_by_component_lot')
    .on('lot_components')
    .column('component_lot_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'crates_by_pallet',
    'lots_by_run',
    'lots_by_number',
    'lot_components_by_component_lot',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const table of [
    'recall_notices',
    'recall_lots',
    'recalls',
    'approval_requests',
    'shipment_discrepancies',
    'shipment_crates',
    'shipments',
    'authorisations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
