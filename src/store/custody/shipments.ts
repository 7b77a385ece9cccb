import type { Executor } from '../database.ts';
import { keysetPage, type Keyset, type KeysetPage } from '../keyset.ts';
import type { ShipmentCrateTable, ShipmentTable } from './tables.ts';

export type ShipmentStatus = 'planned' | 'in_transit' | 'received';
export type CrateOutcome = 'listed' | 'shipped' | 'received' | 'missing' | 'surplus';

export interface ShipmentRecord {
  readonly id: string;
  readonly shipmentNumber: string;
  readonly consigneeId: string;
  readonly authorisationId: string;
  readonly transportRef: string;
  readonly invoiceRef: string;
  readonly status: ShipmentStatus;
  readonly quantity: number;
  readonly createdAt: string;
  readonly actor: string;
  readonly dispatchedAt: string | null;
  readonly dispatchedBy: string | null;
  readonly dispatchApprover: string | null;
  readonly receivedAt: string | null;
  readonly receivedBy: string | null;
}

export interface ShipmentCrateRecord {
  readonly shipmentId: string;
  readonly crateId: string;
  readonly sscc: string;
  readonly palletSscc: string | null;
  readonly lotId: string;
  readonly productId: string;
  readonly rounds: number;
  readonly outcome: CrateOutcome;
}

export interface DiscrepancyRecord {
  readonly id: string;
  readonly shipmentId: string;
  readonly kind: 'shortfall' | 'surplus';
  readonly sscc: string;
  readonly lotId: string | null;
  readonly rounds: number;
  readonly reason: string;
  readonly recordedAt: string;
  readonly actor: string;
}

const toShipment = (r: ShipmentTable): ShipmentRecord => ({
  id: r.id,
  shipmentNumber: r.shipment_number,
  consigneeId: r.consignee_id,
  authorisationId: r.authorisation_id,
  transportRef: r.transport_ref,
  invoiceRef: r.invoice_ref,
  status: r.status as ShipmentStatus,
  quantity: Number(r.quantity),
  createdAt: r.created_at,
  actor: r.actor,
  dispatchedAt: r.dispatched_at,
  dispatchedBy: r.dispatched_by,
  dispatchApprover: r.dispatch_approver,
  receivedAt: r.received_at,
  receivedBy: r.received_by,
});

const toCrate = (r: ShipmentCrateTable): ShipmentCrateRecord => ({
  shipmentId: r.shipment_id,
  crateId: r.crate_id,
  sscc: r.sscc,
  palletSscc: r.pallet_sscc,
  lotId: r.lot_id,
  productId: r.product_id,
  rounds: Number(r.rounds),
  outcome: r.outcome as CrateOutcome,
});

/**
 * Shipments, the crates on them with what became of each, and discrepancies found at receipt.
 *
 * @example
 * const shipment = await shipmentRepository(store).byNumber('SH-2027-0001');
 */
export function shipmentRepository(ex: Executor) {
  const { db } = ex;
  return {
    async insert(s: ShipmentRecord, crates: readonly ShipmentCrateRecord[]): Promise<void> {
      await db
        .insertInto('shipments')
        .values({
          id: s.id,
          shipment_number: s.shipmentNumber,
          consignee_id: s.consigneeId,
          authorisation_id: s.authorisationId,
          transport_ref: s.transportRef,
          invoice_ref: s.invoiceRef,
          status: s.status,
          quantity: s.quantity,
          created_at: s.createdAt,
          actor: s.actor,
          dispatched_at: s.dispatchedAt,
          dispatched_by: s.dispatchedBy,
          dispatch_approver: s.dispatchApprover,
          received_at: s.receivedAt,
          received_by: s.receivedBy,
        })
        .execute();
      await this.insertCrates(crates);
    },
    /**
     * Rebuilds these shipments' rows of `shipment_lots` (rounds per lot, missing crates left
     * out) from their crates: called after every change to a shipment's crates.
     */
    async summariseLots(shipmentIds: readonly string[]): Promise<void> {
      const ids = [...new Set(shipmentIds)];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await db.deleteFrom('shipment_lots').where('shipment_id', 'in', chunk).execute();
        await db
          .insertInto('shipment_lots')
          .columns(['lot_id', 'shipment_id', 'crates', 'rounds'])
          .expression(
            db
              .selectFrom('shipment_crates')
              .select((eb) => [
                'lot_id',
                'shipment_id',
                eb.fn.countAll<number>().as('crates'),
                eb.fn.sum<number>('rounds').as('rounds'),
              ])
              .where('shipment_id', 'in', chunk)
              .where('outcome', '!=', 'missing')
              .groupBy(['lot_id', 'shipment_id']),
          )
          .execute();
      }
    },
    async insertCrates(crates: readonly ShipmentCrateRecord[]): Promise<void> {
      await this.insertCrateRows(crates);
      await this.summariseLots(crates.map((c) => c.shipmentId));
    },
    async insertCrateRows(crates: readonly ShipmentCrateRecord[]): Promise<void> {
      // Chunks keep PostgreSQL's and SQLite's bound-parameter limits far away.
      for (let i = 0; i < crates.length; i += 500) {
        await db
          .insertInto('shipment_crates')
          .values(
            crates.slice(i, i + 500).map((c) => ({
              shipment_id: c.shipmentId,
              crate_id: c.crateId,
              sscc: c.sscc,
              pallet_sscc: c.palletSscc,
              lot_id: c.lotId,
              product_id: c.productId,
              rounds: c.rounds,
              outcome: c.outcome,
            })),
          )
          .execute();
      }
    },
    async byNumber(number: string): Promise<ShipmentRecord | undefined> {
      const r = await db
        .selectFrom('shipments')
        .selectAll()
        .where((eb) => eb.or([eb('shipment_number', '=', number), eb('id', '=', number)]))
        .executeTakeFirst();
      return r === undefined ? undefined : toShipment(r);
    },
    async list(filter: { consigneeId?: string; status?: ShipmentStatus } = {}): Promise<ShipmentRecord[]> {
      let q = db.selectFrom('shipments').selectAll();
      if (filter.consigneeId !== undefined) q = q.where('consignee_id', '=', filter.consigneeId);
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      return (await q.orderBy('created_at').orderBy('shipment_number').execute()).map(toShipment);
    },
    /** One page of shipments by number, optionally of one consignee. */
    async page(page: Keyset, filter: { consigneeId?: string } = {}): Promise<KeysetPage<ShipmentRecord>> {
      let q = db.selectFrom('shipments').selectAll();
      if (filter.consigneeId !== undefined) q = q.where('consignee_id', '=', filter.consigneeId);
      if (page.after !== undefined) q = q.where('shipment_number', '>', page.after);
      const rows = await q
        .orderBy('shipment_number')
        .limit(page.limit + 1)
        .execute();
      return keysetPage(rows.map(toShipment), page, (s) => s.shipmentNumber);
    },
    /** The crate entries of these shipments, in one read. */
    async cratesOf(shipmentIds: readonly string[]): Promise<ShipmentCrateRecord[]> {
      if (shipmentIds.length === 0) return [];
      const rows = await db
        .selectFrom('shipment_crates')
        .selectAll()
        .where('shipment_id', 'in', [...shipmentIds])
        .orderBy('sscc')
        .execute();
      return rows.map(toCrate);
    },
    async crates(shipmentId: string): Promise<ShipmentCrateRecord[]> {
      const rows = await db
        .selectFrom('shipment_crates')
        .selectAll()
        .where('shipment_id', '=', shipmentId)
        .orderBy('sscc')
        .execute();
      return rows.map(toCrate);
    },
    /** Every shipment entry of these crates (a crate goes on one shipment, once). */
    async holding(crateIds: readonly string[]): Promise<ShipmentCrateRecord[]> {
      if (crateIds.length === 0) return [];
      const out: ShipmentCrateRecord[] = [];
      for (let i = 0; i < crateIds.length; i += 500) {
        const rows = await db
          .selectFrom('shipment_crates')
          .selectAll()
          .where('crate_id', 'in', crateIds.slice(i, i + 500))
          .execute();
        out.push(...rows.map(toCrate));
      }
      return out;
    },
    async markDispatched(id: string, at: string, by: string, approver: string | null): Promise<boolean> {
      const r = await db
        .updateTable('shipments')
        .set({ status: 'in_transit', dispatched_at: at, dispatched_by: by, dispatch_approver: approver })
        .where('id', '=', id)
        .where('status', '=', 'planned')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await db
        .updateTable('shipment_crates')
        .set({ outcome: 'shipped' })
        .where('shipment_id', '=', id)
        .execute();
      return true;
    },
    async markReceived(id: string, at: string, by: string): Promise<boolean> {
      const r = await db
        .updateTable('shipments')
        .set({ status: 'received', received_at: at, received_by: by })
        .where('id', '=', id)
        .where('status', '=', 'in_transit')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async setOutcome(shipmentId: string, crateIds: readonly string[], outcome: CrateOutcome): Promise<void> {
      for (let i = 0; i < crateIds.length; i += 500) {
        await db
          .updateTable('shipment_crates')
          .set({ outcome })
          .where('shipment_id', '=', shipmentId)
          .where('crate_id', 'in', crateIds.slice(i, i + 500))
          .execute();
      }
      await this.summariseLots([shipmentId]);
    },
    async insertDiscrepancy(d: DiscrepancyRecord): Promise<void> {
      await db
        .insertInto('shipment_discrepancies')
        .values({
          id: d.id,
          shipment_id: d.shipmentId,
          kind: d.kind,
          sscc: d.sscc,
          lot_id: d.lotId,
          rounds: d.rounds,
          reason: d.reason,
          recorded_at: d.recordedAt,
          actor: d.actor,
        })
        .execute();
    },
    async discrepancies(shipmentId: string): Promise<DiscrepancyRecord[]> {
      const rows = await db
        .selectFrom('shipment_discrepancies')
        .selectAll()
        .where('shipment_id', '=', shipmentId)
        .orderBy('sscc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        shipmentId: r.shipment_id,
        kind: r.kind as DiscrepancyRecord['kind'],
        sscc: r.sscc,
        lotId: r.lot_id,
        rounds: Number(r.rounds),
        reason: r.reason,
        recordedAt: r.recorded_at,
        actor: r.actor,
      }));
    },
    /**
     * Rounds per shipment, consignee, product and lot of shipments dispatched in [from, to):
     * what the transfer report lists.
     */
    async transfers(window: { from?: string; to?: string }) {
      let q = db
        .selectFrom('shipments as s')
        .innerJoin('shipment_crates as c', 'c.shipment_id', 's.id')
        .innerJoin('authorisations as a', 'a.id', 's.authorisation_id')
        .select((eb) => [
          's.id',
          's.shipment_number',
          's.consignee_id',
          'a.country',
          'a.number as authorisation',
          'a.authority',
          'c.product_id',
          's.status',
          's.dispatched_at',
          's.received_at',
          's.transport_ref',
          's.invoice_ref',
          eb.fn.sum<number>('c.rounds').as('rounds'),
        ])
        .where('s.dispatched_at', 'is not', null)
        .where('c.outcome', 'in', ['shipped', 'received', 'surplus'])
        .groupBy([
          's.id',
          's.shipment_number',
          's.consignee_id',
          'a.country',
          'a.number',
          'a.authority',
          'c.product_id',
          's.status',
          's.dispatched_at',
          's.received_at',
          's.transport_ref',
          's.invoice_ref',
        ]);
      if (window.from !== undefined) q = q.where('s.dispatched_at', '>=', window.from);
      if (window.to !== undefined) q = q.where('s.dispatched_at', '<', window.to);
      const rows = await q.orderBy('s.dispatched_at').orderBy('s.shipment_number').execute();
      return rows.map((r) => ({ ...r, rounds: Number(r.rounds) }));
    },
  };
}

export type ShipmentRepository = ReturnType<typeof shipmentRepository>;
