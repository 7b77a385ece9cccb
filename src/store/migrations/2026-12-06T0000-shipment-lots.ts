import { sql, type Kysely } from 'kysely';

// Rounds of each lot on each shipment, kept beside `shipment_crates` by the shipment repository
// (a missing crate counts for nothing). The recovered-cartridge query ranks every lot of a year
// by what it delivered: summing the crates read ~53,000 index entries a plant-year, this table
// holds about two rows a lot. Filled here from the crates already on shipments.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shipment_lots')
    .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('crates', 'integer', (c) => c.notNull())
    .addColumn('rounds', 'bigint', (c) => c.notNull())
    // Lot first: a lot's shipments (and a range of lots joined to them) are one index range.
    .addPrimaryKeyConstraint('shipment_lots_pk', ['lot_id', 'shipment_id'])
    .execute();
  await db.schema
    .createIndex('shipment_lots_by_shipment')
    .on('shipment_lots')
    .column('shipment_id')
    .execute();
  await sql`insert into shipment_lots (lot_id, shipment_id, crates, rounds)
    select lot_id, shipment_id, count(*), sum(rounds) from shipment_crates
    where outcome <> 'missing' group by lot_id, shipment_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shipment_lots').execute();
}
