import { NotFoundError } from '../../domain/errors.ts';
import { lotRepository, type ComponentLotRecord, type LotRecord } from '../../store/repositories/lots.ts';
import { orderRepository } from '../../store/repositories/orders.ts';
import { runRepository, type RunRecord } from '../../store/repositories/runs.ts';
import { requireRole, type Actor } from '../actor.ts';
import type { Keyset, KeysetPage } from '../../store/keyset.ts';
import type { AppContext } from '../context.ts';

const readers = ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'] as const;

/**
 * Every lot, oldest first, optionally of one product or line.
 *
 * @example
 * const lots = await listLots(app, actor, { lineId: 'L1' });
 */
export async function listLots(
  app: AppContext,
  actor: Actor,
  filter: { productId?: string; lineId?: string } = {},
): Promise<LotRecord[]> {
  requireRole(actor, readers, 'list lots');
  return lotRepository(app.store).list(filter);
}

/**
 * One page of lots by lot number, optionally of one product or line, paged in the query itself.
 *
 * @example
 * const { items, nextKey } = await pageLots(app, actor, { lineId: 'L1' }, { limit: 20 });
 */
export async function pageLots(
  app: AppContext,
  actor: Actor,
  filter: { productId?: string | undefined; lineId?: string | undefined },
  page: Keyset,
): Promise<KeysetPage<LotRecord>> {
  requireRole(actor, readers, 'list lots');
  return lotRepository(app.store).page(page, filter);
}

export interface LotDetail extends LotRecord {
  readonly run: RunRecord | null;
  readonly productionOrderNumber: string | null;
  /** Genealogy: the component lots consumed, with how many of each. */
  readonly components: readonly (ComponentLotRecord & { quantity: number })[];
}

/**
 * One lot by its number, with its run, order and the component lots it consumed.
 *
 * @example
 * const lot = await showLot(app, actor, 'HSP26A001-001');
 */
export async function showLot(app: AppContext, actor: Actor, lotNumber: string): Promise<LotDetail> {
  requireRole(actor, readers, 'see a lot');
  const lots = lotRepository(app.store);
  const lot = await lots.byNumber(lotNumber);
  if (lot === undefined) throw new NotFoundError('lot.not_found', `no lot ${lotNumber}`, { lotNumber });
  const run = (await runRepository(app.store).byId(lot.runId)) ?? null;
  const order =
    run === null ? undefined : await orderRepository(app.store).productionOrder(run.productionOrderId);
  const components = (await lots.lotComponents(lot.id)).map((c) => ({
    id: c.id,
    componentId: c.componentId,
    lotNumber: c.lotNumber,
    supplier: c.supplier,
    supplierLot: c.supplierLot,
    received: c.received,
    remaining: c.remaining,
    receivedAt: c.receivedAt,
    actor: c.actor,
    quantity: c.quantity,
  }));
  return { ...lot, run, productionOrderNumber: order?.orderNumber ?? null, components };
}
