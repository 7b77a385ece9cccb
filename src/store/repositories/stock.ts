import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import { keysetPage, type Keyset, type KeysetPage } from '../keyset.ts';

/**
 * A crate that has left the plant (dispatched, received, or written off as missing on a
 * shipment), or was destroyed, is no longer stock: its last location is history, not occupancy.
 */
const inPlant = sql<boolean>`not exists (select 1 from shipment_crates sc where sc.crate_id = crates.id and sc.outcome <> 'listed') and not exists (select 1 from destroyed_crates dc where dc.crate_id = crates.id)`;

export type LooseForm = 'round' | 'box';

export interface LotStockRecord {
  readonly lotId: string;
  readonly locationId: string;
  readonly form: LooseForm;
  readonly quantity: number;
}

/** One line of stock: a lot's rounds, boxes or crates at one location, keyed `location:lot:form`. */
export interface StockLineRow {
  readonly key: string;
  readonly locationId: string;
  readonly lotId: string;
  readonly lotNumber: string;
  readonly productId: string;
  readonly form: 'round' | 'box' | 'crate';
  readonly quantity: number;
}

export interface CrateRecord {
  readonly id: string;
  readonly sscc: string;
  readonly lotId: string;
  readonly productId: string;
  readonly boxes: number;
  readonly rounds: number;
  readonly locationId: string;
  readonly palletId: string | null;
  readonly packedAt: string;
  readonly actor: string;
}

export interface PalletRecord {
  readonly id: string;
  readonly sscc: string;
  readonly productId: string;
  readonly locationId: string;
  readonly builtAt: string;
  readonly actor: string;
}

export interface StockCountRecord {
  readonly id: string;
  readonly locationId: string;
  readonly lotId: string;
  readonly form: string;
  readonly recorded: number;
  readonly counted: number;
  readonly delta: number;
  readonly reason: string | null;
  readonly note: string | null;
  readonly countedAt: string;
  readonly actor: string;
}

type CrateRow = {
  id: string;
  sscc: string;
  lot_id: string;
  product_id: string;
  boxes: number;
  rounds: number;
  location_id: string;
  pallet_id: string | null;
  packed_at: string;
  actor: string;
};

const toCrate = (r: CrateRow): CrateRecord => ({
  id: r.id,
  sscc: r.sscc,
  lotId: r.lot_id,
  productId: r.product_id,
  boxes: Number(r.boxes),
  rounds: Number(r.rounds),
  locationId: r.location_id,
  palletId: r.pallet_id,
  packedAt: r.packed_at,
  actor: r.actor,
});

/**
 * Stock by location: loose rounds and boxes per lot, crates and pallets, and counts.
 *
 * @example
 * const loose = await stockRepository(store).loose('lot-1', 'Q1', 'round'); // 105_600
 */
export function stockRepository(ex: Executor) {
  const { db } = ex;
  return {
    async loose(lotId: string, locationId: string, form: LooseForm): Promise<number> {
      const r = await db
        .selectFrom('lot_stock')
        .select('quantity')
        .where('lot_id', '=', lotId)
        .where('location_id', '=', locationId)
        .where('form', '=', form)
        .executeTakeFirst();
      return r === undefined ? 0 : Number(r.quantity);
    },
    /** Adds `delta` (may be negative) to a lot's loose stock; false (nothing written) when it would go negative. */
    async addLoose(lotId: string, locationId: string, form: LooseForm, delta: number): Promise<boolean> {
      if (delta >= 0) {
        await db
          .insertInto('lot_stock')
          .values({ lot_id: lotId, location_id: locationId, form, quantity: delta })
          .onConflict((oc) =>
            oc
              .columns(['lot_id', 'location_id', 'form'])
              .doUpdateSet((eb) => ({ quantity: eb('lot_stock.quantity', '+', delta) })),
          )
          .execute();
        return true;
      }
      const result = await db
        .updateTable('lot_stock')
        .set((eb) => ({ quantity: eb('quantity', '-', -delta) }))
        .where('lot_id', '=', lotId)
        .where('location_id', '=', locationId)
        .where('form', '=', form)
        .where('quantity', '>=', -delta)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async hasAnyStock(lotId: string): Promise<boolean> {
      const loose = await db
        .selectFrom('lot_stock')
        .select('lot_id')
        .where('lot_id', '=', lotId)
        .executeTakeFirst();
      if (loose !== undefined) return true;
      const crate = await db.selectFrom('crates').select('id').where('lot_id', '=', lotId).executeTakeFirst();
      return crate !== undefined;
    },
    /** Ids of the lots that have stock records (loose rows, even at zero, or crates). */
    async lotsWithStock(): Promise<Set<string>> {
      const loose = await db.selectFrom('lot_stock').select('lot_id').distinct().execute();
      const crated = await db.selectFrom('crates').select('lot_id').distinct().execute();
      return new Set([...loose, ...crated].map((r) => r.lot_id));
    },
    /**
     * Stock lines in key order (`location:lotNumber:form`), one page of them when `page` is given:
     * loose stock, crates still in the plant counted per lot and location, and lots never placed,
     * which are loose rounds in `quarantine` (as placing a commissioned lot will put them). One query.
     */
    async stockLines(quarantine: string, page?: Keyset): Promise<KeysetPage<StockLineRow>> {
      const key = sql<string>`location_id || ':' || lot_number || ':' || form`;
      const loose = db
        .selectFrom('lot_stock as s')
        .innerJoin('lots as l', 'l.id', 's.lot_id')
        .select(['s.location_id', 'l.lot_number', 'l.id as lot_id', 'l.product_id', 's.form', 's.quantity'])
        .where('s.quantity', '>', 0);
      const crated = db
        .selectFrom('crates')
        .innerJoin('lots as l', 'l.id', 'crates.lot_id')
        .select((eb) => [
          'crates.location_id',
          'l.lot_number',
          'l.id as lot_id',
          'l.product_id',
          sql<string>`'crate'`.as('form'),
          eb.fn.countAll<number>().as('quantity'),
        ])
        .where(inPlant)
        .groupBy(['crates.location_id', 'l.lot_number', 'l.id', 'l.product_id']);
      const unplaced = db
        .selectFrom('lots as l')
        .select([
          sql<string>`${quarantine}`.as('location_id'),
          'l.lot_number',
          'l.id as lot_id',
          'l.product_id',
          sql<string>`'round'`.as('form'),
          'l.quantity',
        ])
        .where((eb) =>
          eb.not(
            eb.exists(eb.selectFrom('lot_stock as x').select('x.lot_id').whereRef('x.lot_id', '=', 'l.id')),
          ),
        )
        .where((eb) =>
          eb.not(
            eb.exists(eb.selectFrom('crates as y').select('y.lot_id').whereRef('y.lot_id', '=', 'l.id')),
          ),
        );
      let q = db
        .selectFrom(loose.unionAll(crated).unionAll(unplaced).as('stock'))
        .select(['location_id', 'lot_number', 'lot_id', 'product_id', 'form', 'quantity', key.as('k')]);
      if (page?.after !== undefined) q = q.where(key, '>', page.after);
      const rows = await (
        page === undefined ? q.orderBy(key) : q.orderBy(key).limit(page.limit + 1)
      ).execute();
      const lines = rows.map((r): StockLineRow => ({
        key: r.k,
        locationId: r.location_id,
        lotId: r.lot_id,
        lotNumber: r.lot_number,
        productId: r.product_id,
        form: r.form as StockLineRow['form'],
        quantity: Number(r.quantity),
      }));
      return page === undefined ? { items: lines, nextKey: null } : keysetPage(lines, page, (l) => l.key);
    },
    /**
     * Each location's use of its limit in one aggregate query: its in-plant crates, plus each lot's
     * loose rounds and boxes there as crate equivalents (rounded up per lot), with lots not yet
     * placed counted loose in `quarantine`. `packaging` gives each product's rounds per box and
     * per crate; the sums stay in the database, so the cost does not grow with the rows returned.
     */
    async locationUse(
      quarantine: string,
      packaging: readonly { productId: string; roundsPerBox: number; roundsPerCrate: number }[],
    ): Promise<Map<string, number>> {
      const perProduct = (pick: (p: (typeof packaging)[number]) => number) =>
        packaging.length === 0
          ? sql<number>`null`
          : sql<number>`case l.product_id ${sql.join(
              packaging.map((p) => sql`when ${p.productId} then cast(${pick(p)} as bigint)`),
              sql` `,
            )} end`;
      const perBox = perProduct((p) => p.roundsPerBox);
      const perCrate = perProduct((p) => p.roundsPerCrate);
      // Loose rounds per lot and location (boxes in rounds); lots without any stock row loose in quarantine.
      const rows = await sql<{ location_id: string; n: number | string | bigint | null }>`
        select location_id, sum(n) as n from (
          select crates.location_id as location_id, count(*) as n
            from crates where ${inPlant} group by crates.location_id
          union all
          select location_id, (rounds + per_crate - 1) / per_crate as n from (
            select s.location_id as location_id,
                   cast(sum(case s.form when 'box' then s.quantity * ${perBox} else s.quantity end) as bigint) as rounds,
                   max(${perCrate}) as per_crate
              from lot_stock s join lots l on l.id = s.lot_id
              group by s.location_id, s.lot_id
          ) loose
          union all
          select ${quarantine} as location_id, (l.quantity + ${perCrate} - 1) / ${perCrate} as n
            from lots l
            where not exists (select 1 from lot_stock x where x.lot_id = l.id)
              and not exists (select 1 from crates y where y.lot_id = l.id)
        ) uses group by location_id`.execute(db);
      return new Map(rows.rows.map((r) => [r.location_id, Number(r.n ?? 0)]));
    },
    /** Crates per lot and location. */
    async crateCounts(): Promise<{ lotId: string; locationId: string; crates: number }[]> {
      const rows = await db
        .selectFrom('crates')
        .select(['lot_id', 'location_id', (eb) => eb.fn.countAll().as('n')])
        .where(inPlant)
        .groupBy(['lot_id', 'location_id'])
        .execute();
      return rows.map((r) => ({ lotId: r.lot_id, locationId: r.location_id, crates: Number(r.n) }));
    },
    async looseOfLot(lotId: string): Promise<LotStockRecord[]> {
      const rows = await db
        .selectFrom('lot_stock')
        .selectAll()
        .where('lot_id', '=', lotId)
        .orderBy('location_id')
        .orderBy('form')
        .execute();
      return rows.map((r) => ({
        lotId: r.lot_id,
        locationId: r.location_id,
        form: r.form as LooseForm,
        quantity: Number(r.quantity),
      }));
    },
    async allLoose(): Promise<LotStockRecord[]> {
      const rows = await db
        .selectFrom('lot_stock')
        .selectAll()
        .where('quantity', '>', 0)
        .orderBy('location_id')
        .orderBy('lot_id')
        .orderBy('form')
        .execute();
      return rows.map((r) => ({
        lotId: r.lot_id,
        locationId: r.location_id,
        form: r.form as LooseForm,
        quantity: Number(r.quantity),
      }));
    },

    async insertCrate(c: CrateRecord): Promise<void> {
      await db
        .insertInto('crates')
        .values({
          id: c.id,
          sscc: c.sscc,
          lot_id: c.lotId,
          product_id: c.productId,
          boxes: c.boxes,
          rounds: c.rounds,
          location_id: c.locationId,
          pallet_id: c.palletId,
          packed_at: c.packedAt,
          actor: c.actor,
        })
        .execute();
    },
    async crateBySscc(sscc: string): Promise<CrateRecord | undefined> {
      const r = await db.selectFrom('crates').selectAll().where('sscc', '=', sscc).executeTakeFirst();
      return r === undefined ? undefined : toCrate(r);
    },
    async crates(
      filter: { lotId?: string; locationId?: string; palletId?: string; inPlant?: boolean } = {},
    ): Promise<CrateRecord[]> {
      let q = db.selectFrom('crates').selectAll();
      if (filter.inPlant === true) q = q.where(inPlant);
      if (filter.lotId !== undefined) q = q.where('lot_id', '=', filter.lotId);
      if (filter.locationId !== undefined) q = q.where('location_id', '=', filter.locationId);
      if (filter.palletId !== undefined) q = q.where('pallet_id', '=', filter.palletId);
      return (await q.orderBy('sscc').execute()).map(toCrate);
    },
    /** Crates at a location (on pallets or not), the occupancy a limit counts. */
    async crateCount(locationId: string): Promise<number> {
      const r = await db
        .selectFrom('crates')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('location_id', '=', locationId)
        .where(inPlant)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async setCratesPallet(crateIds: readonly string[], palletId: string): Promise<void> {
      if (crateIds.length === 0) return;
      await db.updateTable('crates').set({ pallet_id: palletId }).where('id', 'in', crateIds).execute();
    },
    async moveCrates(crateIds: readonly string[], locationId: string): Promise<void> {
      if (crateIds.length === 0) return;
      await db.updateTable('crates').set({ location_id: locationId }).where('id', 'in', crateIds).execute();
    },

    async insertPallet(p: PalletRecord): Promise<void> {
      await db
        .insertInto('pallets')
        .values({
          id: p.id,
          sscc: p.sscc,
          product_id: p.productId,
          location_id: p.locationId,
          built_at: p.builtAt,
          actor: p.actor,
        })
        .execute();
    },
    async palletBySscc(sscc: string): Promise<PalletRecord | undefined> {
      const r = await db.selectFrom('pallets').selectAll().where('sscc', '=', sscc).executeTakeFirst();
      return r === undefined
        ? undefined
        : {
            id: r.id,
            sscc: r.sscc,
            productId: r.product_id,
            locationId: r.location_id,
            builtAt: r.built_at,
            actor: r.actor,
          };
    },
    async pallets(): Promise<PalletRecord[]> {
      const rows = await db.selectFrom('pallets').selectAll().orderBy('sscc').execute();
      return rows.map((r) => ({
        id: r.id,
        sscc: r.sscc,
        productId: r.product_id,
        locationId: r.location_id,
        builtAt: r.built_at,
        actor: r.actor,
      }));
    },
    async movePallet(palletId: string, locationId: string): Promise<void> {
      await db.updateTable('pallets').set({ location_id: locationId }).where('id', '=', palletId).execute();
    },

    async insertCount(c: StockCountRecord): Promise<void> {
      await db
        .insertInto('stock_counts')
        .values({
          id: c.id,
          location_id: c.locationId,
          lot_id: c.lotId,
          form: c.form,
          recorded: c.recorded,
          counted: c.counted,
          delta: c.delta,
          reason: c.reason,
          note: c.note,
          counted_at: c.countedAt,
          actor: c.actor,
        })
        .execute();
    },
  };
}

export type StockRepository = ReturnType<typeof stockRepository>;
