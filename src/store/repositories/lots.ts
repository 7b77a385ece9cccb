import { directReader } from '../sqlite/version.ts';
import { isTx, type Executor } from '../database.ts';
import { sqliteLotPage } from '../sqlite/list-pages.ts';
import { keysetPage, type Keyset, type KeysetPage } from '../keyset.ts';

export interface LotRecord {
  readonly id: string;
  readonly plantId: string;
  readonly lotNumber: string;
  readonly runId: string;
  readonly productId: string;
  readonly lineId: string;
  readonly quantity: number;
  /** Headstamp and label fields. */
  readonly marking: Readonly<Record<string, unknown>>;
  /** Components the bill asks for that no received lot could supply, by component id. */
  readonly componentShortfall: Readonly<Record<string, number>>;
  readonly commissionedAt: string;
  readonly actor: string;
}

export interface ComponentLotRecord {
  readonly id: string;
  readonly componentId: string;
  readonly lotNumber: string;
  readonly supplier: string;
  readonly supplierLot: string;
  readonly received: number;
  readonly remaining: number;
  readonly receivedAt: string;
  readonly actor: string;
}

export interface LotComponentRecord {
  readonly lotId: string;
  readonly componentLotId: string;
  readonly quantity: number;
}

type LotRow = {
  id: string;
  plant_id: string;
  lot_number: string;
  run_id: string;
  product_id: string;
  line_id: string;
  quantity: number;
  marking: string;
  component_shortfall: string;
  commissioned_at: string;
  actor: string;
};

const toLot = (r: LotRow): LotRecord => ({
  id: r.id,
  plantId: r.plant_id,
  lotNumber: r.lot_number,
  runId: r.run_id,
  productId: r.product_id,
  lineId: r.line_id,
  quantity: Number(r.quantity),
  marking: JSON.parse(r.marking) as Record<string, unknown>,
  componentShortfall: JSON.parse(r.component_shortfall) as Record<string, number>,
  commissionedAt: r.commissioned_at,
  actor: r.actor,
});

type ComponentLotRow = {
  id: string;
  component_id: string;
  lot_number: string;
  supplier: string;
  supplier_lot: string;
  received: number;
  remaining: number;
  received_at: string;
  actor: string;
};

const toComponentLot = (r: ComponentLotRow): ComponentLotRecord => ({
  id: r.id,
  componentId: r.component_id,
  lotNumber: r.lot_number,
  supplier: r.supplier,
  supplierLot: r.supplier_lot,
  received: Number(r.received),
  remaining: Number(r.remaining),
  receivedAt: r.received_at,
  actor: r.actor,
});

/**
 * Cartridge lots, component lots and the genealogy between them.
 *
 * @example
 * const lot = await lotRepository(store).byNumber('HSP-26-0001');
 */
export function lotRepository(ex: Executor) {
  const { db } = ex;
  return {
    async insert(lot: LotRecord): Promise<void> {
      await db
        .insertInto('lots')
        .values({
          id: lot.id,
          plant_id: lot.plantId,
          lot_number: lot.lotNumber,
          run_id: lot.runId,
          product_id: lot.productId,
          line_id: lot.lineId,
          quantity: lot.quantity,
          marking: JSON.stringify(lot.marking),
          component_shortfall: JSON.stringify(lot.componentShortfall),
          commissioned_at: lot.commissionedAt,
          actor: lot.actor,
        })
        .execute();
    },
    async list(filter: { productId?: string; lineId?: string } = {}): Promise<LotRecord[]> {
      let q = db.selectFrom('lots').selectAll();
      if (filter.productId !== undefined) q = q.where('product_id', '=', filter.productId);
      if (filter.lineId !== undefined) q = q.where('line_id', '=', filter.lineId);
      return (await q.orderBy('commissioned_at').orderBy('lot_number').execute()).map(toLot);
    },
    /** One page of lots by lot number, optionally of one product or line. */
    async page(
      page: Keyset,
      filter: { productId?: string | undefined; lineId?: string | undefined } = {},
    ): Promise<KeysetPage<LotRecord>> {
      // SQLite: the same query, prepared once per shape (see sqlite/list-pages.ts).
      const sqlite = directReader(ex.native, isTx(ex));
      if (sqlite !== undefined) {
        const rows = sqliteLotPage<LotRow>(sqlite, {
          ...filter,
          after: page.after,
          limit: page.limit + 1,
        });
        return keysetPage(rows.map(toLot), page, (l) => l.lotNumber);
      }
      let q = db.selectFrom('lots').selectAll();
      if (filter.productId !== undefined) q = q.where('product_id', '=', filter.productId);
      if (filter.lineId !== undefined) q = q.where('line_id', '=', filter.lineId);
      if (page.after !== undefined) q = q.where('lot_number', '>', page.after);
      const rows = await q
        .orderBy('lot_number')
        .limit(page.limit + 1)
        .execute();
      return keysetPage(rows.map(toLot), page, (l) => l.lotNumber);
    },
    async byNumber(lotNumber: string): Promise<LotRecord | undefined> {
      const r = await db
        .selectFrom('lots')
        .selectAll()
        .where('lot_number', '=', lotNumber)
        .executeTakeFirst();
      return r === undefined ? undefined : toLot(r);
    },
    async byId(id: string): Promise<LotRecord | undefined> {
      const r = await db.selectFrom('lots').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : toLot(r);
    },

    async insertComponentLot(lot: ComponentLotRecord): Promise<void> {
      await db
        .insertInto('component_lots')
        .values({
          id: lot.id,
          component_id: lot.componentId,
          lot_number: lot.lotNumber,
          supplier: lot.supplier,
          supplier_lot: lot.supplierLot,
          received: lot.received,
          remaining: lot.remaining,
          received_at: lot.receivedAt,
          actor: lot.actor,
        })
        .execute();
    },
    /** Component lots with stock left, oldest first (first in, first out). */
    async componentLotsInStock(componentId: string): Promise<ComponentLotRecord[]> {
      const rows = await db
        .selectFrom('component_lots')
        .selectAll()
        .where('component_id', '=', componentId)
        .where('remaining', '>', 0)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
      return rows.map(toComponentLot);
    },
    async componentLots(): Promise<ComponentLotRecord[]> {
      const rows = await db
        .selectFrom('component_lots')
        .selectAll()
        .orderBy('received_at')
        .orderBy('id')
        .execute();
      return rows.map(toComponentLot);
    },
    /** One page of component lots by lot number. */
    async componentLotPage(page: Keyset): Promise<KeysetPage<ComponentLotRecord>> {
      let q = db.selectFrom('component_lots').selectAll();
      if (page.after !== undefined) q = q.where('lot_number', '>', page.after);
      const rows = await q
        .orderBy('lot_number')
        .limit(page.limit + 1)
        .execute();
      return keysetPage(rows.map(toComponentLot), page, (l) => l.lotNumber);
    },
    async componentLot(id: string): Promise<ComponentLotRecord | undefined> {
      const r = await db.selectFrom('component_lots').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : toComponentLot(r);
    },
    /** Takes `quantity` from a component lot; refuses (returns false) rather than go negative. */
    async consume(componentLotId: string, quantity: number): Promise<boolean> {
      const result = await db
        .updateTable('component_lots')
        .set((eb) => ({ remaining: eb('remaining', '-', quantity) }))
        .where('id', '=', componentLotId)
        .where('remaining', '>=', quantity)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async insertLotComponents(rows: readonly LotComponentRecord[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('lot_components')
        .values(
          rows.map((r) => ({ lot_id: r.lotId, component_lot_id: r.componentLotId, quantity: r.quantity })),
        )
        .execute();
    },
    async lotComponents(lotId: string): Promise<(LotComponentRecord & ComponentLotRecord)[]> {
      const rows = await db
        .selectFrom('lot_components')
        .innerJoin('component_lots', 'component_lots.id', 'lot_components.component_lot_id')
        .selectAll('component_lots')
        .select(['lot_components.lot_id', 'lot_components.quantity'])
        .where('lot_components.lot_id', '=', lotId)
        .orderBy('component_lots.component_id')
        .execute();
      return rows.map((r) => ({
        ...toComponentLot(r),
        lotId: r.lot_id,
        componentLotId: r.id,
        quantity: Number(r.quantity),
      }));
    },
  };
}

export type LotRepository = ReturnType<typeof lotRepository>;
