import { approvalRefusals, isApprovalKind, type ApprovalKind } from '../../domain/custody/index.ts';
import { ConflictError, NotFoundError, RefusedError } from '../../domain/errors.ts';
import type { Tx } from '../../store/database.ts';
import { approvalRepository } from '../../store/custody/approvals.ts';
import { actorRef, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { withTransaction } from '../transaction.ts';
import { approvalView, type ApprovalView } from './approvals.ts';
import { insertAuthorisation, type AddAuthorisationInput } from './authorisations.ts';
import { userActor } from './common.ts';
import { destroyRoundsIn, type DestroyInput } from './destroy.ts';
import { dispatchShipmentIn } from './dispatch.ts';
import { decideLotIn } from '../quality/decide.ts';
import { countStockIn, type CountRequest } from '../packing/count.ts';

/**
 * How a kind of four-eyes act is done once approved: inside the approver's transaction, as the
 * requester, with the approver named. Adding a kind: one entry here (and its `ApprovalKind`,
 * approver roles and scenario switch in `src/domain/custody/approval.ts`).
 */
export type ApprovalAct = (
  tx: Tx,
  app: AppContext,
  requester: UserActor,
  approver: UserActor,
  payload: Readonly<Record<string, unknown>>,
) => Promise<unknown>;

export const APPROVAL_ACTS: Partial<Record<ApprovalKind, ApprovalAct>> = {
  'authorisation.add': (tx, app, requester, approver, payload) =>
    insertAuthorisation(tx, app, requester, approver, payload as unknown as AddAuthorisationInput),
  'shipment.dispatch': (tx, app, requester, approver, payload) =>
    dispatchShipmentIn(tx, app, requester, approver, String(payload['shipment'])),
  'lot.release': (tx, app, requester, approver, payload) =>
    decideLotIn(tx, app, requester, {
      lotNumber: String(payload['lotNumber']),
      decision: 'released',
      approver,
      ...(typeof payload['reason'] === 'string' ? { reason: payload['reason'] } : {}),
    }),
  'stock.adjust': (tx, app, requester, approver, payload) =>
    countStockIn(tx, app, requester, approver, payload as unknown as CountRequest),
  'stock.destroy': (tx, app, requester, approver, payload) =>
    destroyRoundsIn(tx, app, requester, approver, payload as unknown as DestroyInput),
};

/**
 * A second person approves a waiting request: in ONE transaction the request is checked (still
 * pending, not the requester, a role allowed for the kind), the act is done as the requester
 * with the approver named in its ledger events, and the request is marked approved with the
 * act's result. A refusal names each failed condition; if the act itself fails, nothing changes.
 *
 * @example
 * const { request, result } = await approveRequest(app, chief, 'AR-2027-0001');
 */
export async function approveRequest(
  app: AppContext,
  approver: UserActor,
  number: string,
): Promise<{ request: ApprovalView; result: unknown }> {
  return withTransaction(app.store, async (tx) => {
    const repo = approvalRepository(tx);
    const request = await repo.byNumber(number);
    if (request === undefined)
      throw new NotFoundError('approval.not_found', `no approval request ${number}`, { number });
    const kind = request.kind;
    const act = isApprovalKind(kind) ? APPROVAL_ACTS[kind] : undefined;
    if (!isApprovalKind(kind) || act === undefined) {
      throw new ConflictError(
        'approval.kind',
        `request ${request.requestNumber} is of kind ${kind}, which this version cannot carry out`,
      );
    }
    const requesterName = request.actor.replace(/^user:/, '');
    const reasons = approvalRefusals(
      {
        number: request.requestNumber,
        kind,
        status: request.status,
        requester: { name: requesterName, role: request.requesterRole },
      },
      { name: approver.id, role: approver.role },
    );
    if (reasons.length > 0) {
      throw new RefusedError(
        'approval.refused',
        `request ${request.requestNumber} cannot be approved by ${approver.id}`,
        reasons,
      );
    }
    const requester = await userActor(tx, requesterName);
    const result = await act(tx, app, requester, approver, request.payload);
    const at = app.clock.now().toISOString();
    if (!(await repo.decide(request.id, { status: 'approved', approver: actorRef(approver), at, result }))) {
      throw new ConflictError('approval.decided', `request ${request.requestNumber} was decided meanwhile`);
    }
    return {
      request: approvalView({
        ...request,
        status: 'approved',
        approver: actorRef(approver),
        decidedAt: at,
        result,
      }),
      result,
    };
  });
}

/**
 * The requester (or an admin) withdraws a waiting request; nothing is done.
 *
 * @example
 * await withdrawRequest(app, clerk, 'AR-2027-0001');
 */
export async function withdrawRequest(
  app: AppContext,
  actor: UserActor,
  number: string,
): Promise<ApprovalView> {
  return withTransaction(app.store, async (tx) => {
    const repo = approvalRepository(tx);
    const request = await repo.byNumber(number);
    if (request === undefined)
      throw new NotFoundError('approval.not_found', `no approval request ${number}`, { number });
    const reasons: string[] = [];
    if (request.status !== 'pending')
      reasons.push(`request ${request.requestNumber} is ${request.status}, not pending`);
    if (request.actor !== actorRef(actor) && actor.role !== 'admin')
      reasons.push(`only ${request.actor.replace(/^user:/, '')} or an admin may withdraw it`);
    if (reasons.length > 0)
      throw new RefusedError(
        'approval.withdraw_refused',
        `request ${request.requestNumber} cannot be withdrawn`,
        reasons,
      );
    const at = app.clock.now().toISOString();
    await repo.decide(request.id, { status: 'withdrawn', approver: null, at, result: null });
    return approvalView({ ...request, status: 'withdrawn', decidedAt: at });
  });
}
