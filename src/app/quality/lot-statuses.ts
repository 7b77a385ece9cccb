import type { LotStatus } from '../../domain/stock/index.ts';
import { lotRepository } from '../../store/repositories/lots.ts';
import { qualityRepository } from '../../store/repositories/quality.ts';
import { requireRole, type Actor } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';

/** Where one lot stands with quality. */
export interface LotStatusRow {
  readonly lotNumber: string;
  readonly productId: string;
  readonly lineId: string;
  readonly status: LotStatus;
}

/**
 * Every lot's quality status (its latest decision, `pending` before any), by lot number: two
 * queries for the whole list, where asking each lot's sampling plan would be one per lot.
 *
 * @example
 * const rows = await lotStatuses(app, auditor);
 * rows.filter((r) => r.status === 'pending').length; // lots waiting for sampling
 */
export async function lotStatuses(app: AppContext, actor: Actor): Promise<LotStatusRow[]> {
  requireRole(actor, staff, 'list lot statuses');
  const lots = await lotRepository(app.store).list();
  const current = await qualityRepository(app.store).currentStatuses();
  return lots
    .map((lot) => ({
      lotNumber: lot.lotNumber,
      productId: lot.productId,
      lineId: lot.lineId,
      status: current.get(lot.id) ?? 'pending',
    }))
    .sort((a, b) => (a.lotNumber < b.lotNumber ? -1 : a.lotNumber > b.lotNumber ? 1 : 0));
}
