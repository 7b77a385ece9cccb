import type { LotStatus } from '../../domain/stock/index.ts';
import { lotRepository } from '../../store/repositories/lots.ts';
import {
  qualityRepository,
  type LotDecisionRecord,
  type SamplingInspectionRecord,
} from '../../store/repositories/quality.ts';
import { requireRole, type Actor } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { lotByNumber } from './lot-quality.ts';

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
    .map((lot): LotStatusRow => ({
      lotNumber: lot.lotNumber,
      productId: lot.productId,
      lineId: lot.lineId,
      status: current.get(lot.id) ?? 'pending',
    }))
    .sort((a, b) => (a.lotNumber < b.lotNumber ? -1 : a.lotNumber > b.lotNumber ? 1 : 0));
}

/** What quality recorded of one lot: its sample results (if sampled) and every decision, oldest first. */
export interface LotQualityHistory {
  readonly lotNumber: string;
  readonly status: LotStatus;
  readonly inspection: SamplingInspectionRecord | null;
  readonly decisions: readonly LotDecisionRecord[];
}

/**
 * The lot's recorded sample results and its decisions (release, hold, reject, with reason and
 * approver), for the lot page: the sampling plan says what to sample, this says what was found.
 *
 * @example
 * const h = await lotQualityHistory(app, auditor, 'HSP26A001-001');
 * h.inspection?.accepted; // true
 */
export async function lotQualityHistory(
  app: AppContext,
  actor: Actor,
  lotNumber: string,
): Promise<LotQualityHistory> {
  requireRole(actor, staff, 'see a lot’s quality records');
  const lot = await lotByNumber(app.store, lotNumber);
  const quality = qualityRepository(app.store);
  const decisions = await quality.decisions(lot.id);
  return {
    lotNumber,
    status: decisions[decisions.length - 1]?.status ?? 'pending',
    inspection: (await quality.inspectionOfLot(lot.id)) ?? null,
    decisions,
  };
}
