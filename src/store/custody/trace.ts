import type { Executor } from '../database.ts';

/** Where a lot's crates are: each crate with its place, pallet, and the shipment holding it. */
export interface CrateTrace {
  readonly crateId: string;
  readonly sscc: string;
  readonly rounds: number;
  readonly locationId: string;
  readonly palletSscc: string | null;
  readonly shipmentNumber: string | null;
  readonly consigneeId: string | null;
  readonly outcome: string | null;
  /** When the crate was destroyed whole, if it was (it is then no longer stock). */
  readonly destroyedAt: string | null;
}

export interface LotDelivery {
  readonly lotId: string;
  readonly shipmentId: string;
  readonly shipmentNumber: string;
  readonly consigneeId: string;
  readonly status: string;
  readonly dispatchedAt: string | null;
  readonly receivedAt: string | null;
  readonly crates: number;
  readonly rounds: number;
}

export interface LotOrigin {
  readonly lotId: string;
  readonly lotNumber: string;
  readonly productId: string;
  readonly quantity: number;
  readonly marking: string;
  readonly commissionedAt: string;
  readonly runId: string;
  readonly lineId: string;
  readonly runStartedAt: string;
  readonly runEndedAt: string | null;
  readonly productionOrderId: string;
}

export interface ComponentUse {
  readonly lotId: string;
  readonly componentLotId: string;
  readonly componentId: string;
  readonly lotNumber: string;
  readonly supplier: string;
  readonly supplierLot: string;
  readonly quantity: number;
}

const IN_CHUNK = 500;

async function chunked<T>(ids: readonly string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await run(ids.slice(i, i + IN_CHUNK))));
  return out;
}

/**
 * The queries trace and recall walk, each one indexed: lot → crates → shipments (forward),
 * crate or shipment → lots → run → line → component lots (backward), and the genealogy
 * between lots through their component lots.
 *
 * @example
 * const deliveries = await traceRepository(store).deliveries(['lot-000042']);
 */
export function traceRepository(ex: Executor) {
  const { db } = ex;
  return {
    async lotIdsByNumber(numbers: readonly string[]): Promise<Map<string, string>> {
      const rows = await chunked(numbers, (chunk) =>
        db.selectFrom('lots').select(['id', 'lot_number']).where('lot_number', 'in', chunk).execute(),
      );
      return new Map(rows.map((r) => [r.lot_number, r.id]));
    },
    /** Lots, with their run (line, start, end): where each came from. */
    async origins(lotIds: readonly string[]): Promise<LotOrigin[]> {
      const rows = await chunked(lotIds, (chunk) =>
        db
          .selectFrom('lots as l')
          .innerJoin('production_runs as r', 'r.id', 'l.run_id')
          .select([
            'l.id',
            'l.lot_number',
            'l.product_id',
            'l.quantity',
            'l.marking',
            'l.commissioned_at',
            'l.run_id',
            'l.line_id',
            'r.started_at',
            'r.ended_at',
            'r.production_order_id',
          ])
          .where('l.id', 'in', chunk)
          .execute(),
      );
      return rows
        .map((r) => ({
          lotId: r.id,
          lotNumber: r.lot_number,
          productId: r.product_id,
          quantity: Number(r.quantity),
          marking: r.marking,
          commissionedAt: r.commissioned_at,
          runId: r.run_id,
          lineId: r.line_id,
          runStartedAt: r.started_at,
          runEndedAt: r.ended_at,
          productionOrderId: r.production_order_id,
        }))
        .sort((a, b) => a.lotNumber.localeCompare(b.lotNumber));
    },
    /** Lots whose number starts with `prefix` (maker code and year: `HSP26`). */
    async lotsWithPrefix(
      prefix: string,
    ): Promise<{ id: string; lotNumber: string; productId: string; marking: string }[]> {
      // A range on the indexed column rather than LIKE: both dialects use the index for it.
      const rows = await db
        .selectFrom('lots')
        .select(['id', 'lot_number', 'product_id', 'marking'])
        .where('lot_number', '>=', prefix)
        .where('lot_number', '<', `${prefix}\u{10FFFF}`)
        .orderBy('lot_number')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        lotNumber: r.lot_number,
        productId: r.product_id,
        marking: r.marking,
      }));
    },
    /**
     * Lots whose number starts with `prefix`, each with the rounds it delivered (shipments not
     * planned, from `shipment_lots`): what the recovered-cartridge query narrows and ranks.
     */
    async lotsWithPrefixDelivered(
      prefix: string,
    ): Promise<{ id: string; lotNumber: string; productId: string; marking: string; delivered: number }[]> {
      const rows = await db
        .selectFrom('lots as l')
        .select((eb) => [
          'l.id',
          'l.lot_number',
          'l.product_id',
          'l.marking',
          eb
            .selectFrom('shipment_lots as sl')
            .innerJoin('shipments as s', 's.id', 'sl.shipment_id')
            .select((e) => e.fn.sum<number>('sl.rounds').as('r'))
            .whereRef('sl.lot_id', '=', 'l.id')
            .where('s.status', '!=', 'planned')
            .as('delivered'),
        ])
        .where('l.lot_number', '>=', prefix)
        .where('l.lot_number', '<', `${prefix}\u{10FFFF}`)
        .orderBy('l.lot_number')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        lotNumber: r.lot_number,
        productId: r.product_id,
        marking: r.marking,
        delivered: Number(r.delivered ?? 0),
      }));
    },
    async crates(lotId: string): Promise<CrateTrace[]> {
      const rows = await db
        .selectFrom('crates as c')
        .leftJoin('pallets as p', 'p.id', 'c.pallet_id')
        .leftJoin('shipment_crates as sc', (j) =>
          j.onRef('sc.crate_id', '=', 'c.id').on('sc.outcome', '!=', 'missing'),
        )
        .leftJoin('shipments as s', 's.id', 'sc.shipment_id')
        .leftJoin('destroyed_crates as dc', 'dc.crate_id', 'c.id')
        .select([
          'c.id',
          'c.sscc',
          'c.rounds',
          'c.location_id',
          'p.sscc as pallet_sscc',
          's.shipment_number',
          's.consignee_id',
          'sc.outcome',
          'dc.destroyed_at',
        ])
        .where('c.lot_id', '=', lotId)
        .orderBy('c.sscc')
        .execute();
      return rows.map((r) => ({
        crateId: r.id,
        sscc: r.sscc,
        rounds: Number(r.rounds),
        locationId: r.location_id,
        palletSscc: r.pallet_sscc,
        shipmentNumber: r.shipment_number,
        consigneeId: r.consignee_id,
        outcome: r.outcome,
        destroyedAt: r.destroyed_at,
      }));
    },
    async looseStock(lotId: string): Promise<{ locationId: string; form: string; quantity: number }[]> {
      const rows = await db
        .selectFrom('lot_stock')
        .select(['location_id', 'form', 'quantity'])
        .where('lot_id', '=', lotId)
        .where('quantity', '>', 0)
        .execute();
      return rows.map((r) => ({ locationId: r.location_id, form: r.form, quantity: Number(r.quantity) }));
    },
    /** What each lot's shipments took, per shipment (dispatched or planned; missing crates left out). */
    async deliveries(lotIds: readonly string[]): Promise<LotDelivery[]> {
      const rows = await chunked(lotIds, (chunk) =>
        db
          // Group the crates per lot and shipment first (from the covering index), then join the
          // few shipments: one lookup per shipment rather than one per crate.
          .selectFrom((eb) =>
            eb
              .selectFrom('shipment_crates')
              .select((e) => [
                'lot_id',
                'shipment_id',
                e.fn.countAll<number>().as('crates'),
                e.fn.sum<number>('rounds').as('rounds'),
              ])
              .where('lot_id', 'in', chunk)
              .where('outcome', '!=', 'missing')
              .groupBy(['lot_id', 'shipment_id'])
              .as('g'),
          )
          .innerJoin('shipments as s', 's.id', 'g.shipment_id')
          .select([
            'g.lot_id',
            's.id',
            's.shipment_number',
            's.consignee_id',
            's.status',
            's.dispatched_at',
            's.received_at',
            'g.crates',
            'g.rounds',
          ])
          .execute(),
      );
      return rows
        .map((r) => ({
          lotId: r.lot_id,
          shipmentId: r.id,
          shipmentNumber: r.shipment_number,
          consigneeId: r.consignee_id,
          status: r.status,
          dispatchedAt: r.dispatched_at,
          receivedAt: r.received_at,
          crates: Number(r.crates),
          rounds: Number(r.rounds),
        }))
        .sort((a, b) => a.shipmentNumber.localeCompare(b.shipmentNumber) || a.lotId.localeCompare(b.lotId));
    },
    /**
     * Rounds each lot delivered to each consignee (shipments dispatched, in transit or received;
     * missing crates left out), read from `shipment_lots` rather than the crates: for lots whose
     * number starts with `prefix`, or for the given lots.
     */
    async deliveredPerConsignee(
      lots: { prefix: string } | { ids: readonly string[] },
    ): Promise<{ lotId: string; consigneeId: string; rounds: number }[]> {
      const base = () =>
        db
          .selectFrom('shipment_lots as sl')
          .innerJoin('shipments as s', 's.id', 'sl.shipment_id')
          .where('s.status', '!=', 'planned');
      const query = (narrow: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
        narrow(base())
          .select((eb) => ['sl.lot_id', 's.consignee_id', eb.fn.sum<number>('sl.rounds').as('rounds')])
          .groupBy(['sl.lot_id', 's.consignee_id'])
          .execute();
      const rows =
        'prefix' in lots
          ? await query((q) =>
              q
                .innerJoin('lots as l', 'l.id', 'sl.lot_id')
                .where('l.lot_number', '>=', lots.prefix)
                .where('l.lot_number', '<', `${lots.prefix}\u{10FFFF}`),
            )
          : await chunked(lots.ids, (chunk) => query((q) => q.where('sl.lot_id', 'in', chunk)));
      return rows.map((r) => ({ lotId: r.lot_id, consigneeId: r.consignee_id, rounds: Number(r.rounds) }));
    },
    async palletSscc(palletId: string): Promise<string | undefined> {
      const r = await db.selectFrom('pallets').select('sscc').where('id', '=', palletId).executeTakeFirst();
      return r?.sscc;
    },
    /** The shipment holding a crate (not counting one it went missing from), if any. */
    async holderOf(
      crateId: string,
    ): Promise<{ shipmentNumber: string; consigneeId: string; palletSscc: string | null } | undefined> {
      const r = await db
        .selectFrom('shipment_crates as sc')
        .innerJoin('shipments as s', 's.id', 'sc.shipment_id')
        .select(['s.shipment_number', 's.consignee_id', 'sc.pallet_sscc'])
        .where('sc.crate_id', '=', crateId)
        .where('sc.outcome', '!=', 'missing')
        .executeTakeFirst();
      return r === undefined
        ? undefined
        : { shipmentNumber: r.shipment_number, consigneeId: r.consignee_id, palletSscc: r.pallet_sscc };
    },
    async components(lotIds: readonly string[]): Promise<ComponentUse[]> {
      const rows = await chunked(lotIds, (chunk) =>
        db
          .selectFrom('lot_components as lc')
          .innerJoin('component_lots as cl', 'cl.id', 'lc.component_lot_id')
          .select([
            'lc.lot_id',
            'cl.id',
            'cl.component_id',
            'cl.lot_number',
            'cl.supplier',
            'cl.supplier_lot',
            'lc.quantity',
          ])
          .where('lc.lot_id', 'in', chunk)
          .execute(),
      );
      return rows
        .map((r) => ({
          lotId: r.lot_id,
          componentLotId: r.id,
          componentId: r.component_id,
          lotNumber: r.lot_number,
          supplier: r.supplier,
          supplierLot: r.supplier_lot,
          quantity: Number(r.quantity),
        }))
        .sort((a, b) => a.componentId.localeCompare(b.componentId) || a.lotNumber.localeCompare(b.lotNumber));
    },
    /** Lots made with any of these component lots. */
    async lotsUsing(componentLotIds: readonly string[]): Promise<string[]> {
      const rows = await chunked(componentLotIds, (chunk) =>
        db
          .selectFrom('lot_components')
          .select('lot_id')
          .distinct()
          .where('component_lot_id', 'in', chunk)
          .execute(),
      );
      return [...new Set(rows.map((r) => r.lot_id))].sort();
    },
    async componentLotIdsByNumber(numbers: readonly string[]): Promise<Map<string, string>> {
      const rows = await chunked(numbers, (chunk) =>
        db
          .selectFrom('component_lots')
          .select(['id', 'lot_number', 'supplier_lot'])
          .where((eb) => eb.or([eb('lot_number', 'in', chunk), eb('supplier_lot', 'in', chunk)]))
          .execute(),
      );
      const out = new Map<string, string>();
      for (const r of rows) {
        out.set(r.lot_number, r.id);
        out.set(r.supplier_lot, r.id);
      }
      return out;
    },
    async shipmentLots(
      shipmentId: string,
    ): Promise<{ lotId: string; crates: number; rounds: number; ssccs: string[] }[]> {
      const rows = await db
        .selectFrom('shipment_crates')
        .select(['lot_id', 'sscc', 'rounds', 'outcome'])
        .where('shipment_id', '=', shipmentId)
        .orderBy('sscc')
        .execute();
      const byLot = new Map<string, { lotId: string; crates: number; rounds: number; ssccs: string[] }>();
      for (const r of rows) {
        const entry = byLot.get(r.lot_id) ?? { lotId: r.lot_id, crates: 0, rounds: 0, ssccs: [] };
        entry.crates += 1;
        entry.rounds += Number(r.rounds);
        entry.ssccs.push(r.sscc);
        byLot.set(r.lot_id, entry);
      }
      return [...byLot.values()];
    },
    /**
     * What the stock records hold of each lot in the plant: loose rounds and boxes, and rounds
     * in crates that have not left (a crate on a dispatched shipment is no longer the plant's).
     * `placed` lists the lots with any stock record at all.
     */
    async plantStock(): Promise<{
      loose: { lotId: string; form: string; quantity: number }[];
      crated: Map<string, number>;
      placed: Set<string>;
    }> {
      const loose = await db
        .selectFrom('lot_stock')
        .select((eb) => ['lot_id', 'form', eb.fn.sum<number>('quantity').as('quantity')])
        .groupBy(['lot_id', 'form'])
        .execute();
      const crated = await db
        .selectFrom('crates as c')
        .select((eb) => ['c.lot_id', eb.fn.sum<number>('c.rounds').as('rounds')])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('shipment_crates as sc')
                .select('sc.crate_id')
                .whereRef('sc.crate_id', '=', 'c.id')
                .where('sc.outcome', '!=', 'listed'),
            ),
          ),
        )
        // A crate destroyed whole is no longer stock either.
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('destroyed_crates as dc')
                .select('dc.crate_id')
                .whereRef('dc.crate_id', '=', 'c.id'),
            ),
          ),
        )
        .groupBy('c.lot_id')
        .execute();
      const anyCrate = await db.selectFrom('crates').select('lot_id').distinct().execute();
      return {
        loose: loose.map((r) => ({ lotId: r.lot_id, form: r.form, quantity: Number(r.quantity) })),
        crated: new Map(crated.map((r) => [r.lot_id, Number(r.rounds)])),
        placed: new Set([...loose.map((r) => r.lot_id), ...anyCrate.map((r) => r.lot_id)]),
      };
    },
  };
}

export type TraceRepository = ReturnType<typeof traceRepository>;
