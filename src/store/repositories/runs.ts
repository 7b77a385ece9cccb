import type { Executor } from '../database.ts';

/** A production run: one production order on one line over a period. processed = good + defective. */
export interface RunRecord {
  readonly id: string;
  readonly productionOrderId: string;
  readonly lineId: string;
  readonly productId: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly processed: number;
  readonly good: number;
  readonly defective: number;
  /** Good rounds already put into lots. */
  readonly lotted: number;
  readonly actor: string;
}

type RunRow = {
  id: string;
  production_order_id: string;
  line_id: string;
  product_id: string;
  started_at: string;
  ended_at: string | null;
  processed: number;
  good: number;
  defective: number;
  lotted: number;
  actor: string;
};

const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  productionOrderId: r.production_order_id,
  lineId: r.line_id,
  productId: r.product_id,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  processed: Number(r.processed),
  good: Number(r.good),
  defective: Number(r.defective),
  lotted: Number(r.lotted),
  actor: r.actor,
});

/**
 * Production runs.
 *
 * @example
 * const run = await runRepository(tx).openOnLine('L1');
 */
export function runRepository(ex: Executor) {
  const { db } = ex;
  return {
    async openOnLine(lineId: string): Promise<RunRecord | undefined> {
      const r = await db
        .selectFrom('production_runs')
        .selectAll()
        .where('line_id', '=', lineId)
        .where('ended_at', 'is', null)
        .orderBy('started_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r === undefined ? undefined : toRun(r);
    },
    async insert(run: RunRecord): Promise<void> {
      await db
        .insertInto('production_runs')
        .values({
          id: run.id,
          production_order_id: run.productionOrderId,
          line_id: run.lineId,
          product_id: run.productId,
          started_at: run.startedAt,
          ended_at: run.endedAt,
          processed: run.processed,
          good: run.good,
          defective: run.defective,
          lotted: run.lotted,
          actor: run.actor,
        })
        .execute();
    },
    async update(run: RunRecord): Promise<void> {
      await db
        .updateTable('production_runs')
        .set({
          ended_at: run.endedAt,
          processed: run.processed,
          good: run.good,
          defective: run.defective,
          lotted: run.lotted,
        })
        .where('id', '=', run.id)
        .execute();
    },
    async list(filter: { lineId?: string; productionOrderId?: string } = {}): Promise<RunRecord[]> {
      let q = db.selectFrom('production_runs').selectAll();
      if (filter.lineId !== undefined) q = q.where('line_id', '=', filter.lineId);
      if (filter.productionOrderId !== undefined)
        q = q.where('production_order_id', '=', filter.productionOrderId);
      return (await q.orderBy('started_at').orderBy('id').execute()).map(toRun);
    },
    async byId(id: string): Promise<RunRecord | undefined> {
      const r = await db.selectFrom('production_runs').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : toRun(r);
    },
    /** Good rounds made so far for a production order, over all its runs. */
    async goodForOrder(productionOrderId: string): Promise<number> {
      const r = await db
        .selectFrom('production_runs')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('good'), eb.lit(0)).as('good'))
        .where('production_order_id', '=', productionOrderId)
        .executeTakeFirstOrThrow();
      return Number(r.good);
    },
  };
}

export type RunRepository = ReturnType<typeof runRepository>;
