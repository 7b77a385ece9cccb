import { RefusedError } from '../../domain/errors.ts';
import { qualityRepository } from '../../store/repositories/quality.ts';
import { requireRole, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber, lotStatus } from '../quality/lot-quality.ts';
import { withTransaction } from '../transaction.ts';
import { requestApproval } from './approvals.ts';
import type { ApprovalRequestRecord } from '../../store/custody/approvals.ts';

/**
 * Records a request to release a lot, for a second quality (or admin) person to approve with
 * `approveRequest`: the release itself is `decideLotIn`, done in the approver's transaction.
 * Checked now as the release will be: a pending or held lot with an accepted inspection.
 *
 * @example
 * const request = await requestLotRelease(app, inspector, { lotNumber: 'HSP26L001-001' });
 * await approveRequest(app, chief, request.requestNumber);
 */
export async function requestLotRelease(
  app: AppContext,
  actor: UserActor,
  input: { lotNumber: string; reason?: string },
): Promise<ApprovalRequestRecord> {
  requireRole(actor, ['quality', 'admin'], 'request a lot release');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const lot = await lotByNumber(tx, input.lotNumber);
    const status = await lotStatus(tx, lot.id);
    const inspection = await qualityRepository(tx).inspectionOfLot(lot.id);
    const reasons: string[] = [];
    if (status !== 'pending' && status !== 'held') reasons.push(`lot ${lot.lotNumber} is ${status}`);
    if (inspection === undefined) reasons.push(`lot ${lot.lotNumber} has no sampling inspection yet`);
    else if (!inspection.accepted) reasons.push(`lot ${lot.lotNumber} was not accepted on sampling`);
    if (reasons.length > 0)
      throw new RefusedError('lot_release.refused', `lot ${lot.lotNumber} cannot be released`, reasons);
    return requestApproval(tx, app, scenario, actor, {
      kind: 'lot.release',
      payload: { lotNumber: lot.lotNumber, ...(input.reason === undefined ? {} : { reason: input.reason }) },
      summary: `release lot ${lot.lotNumber} (${lot.productId}, ${lot.quantity} rounds)`,
    });
  });
}
