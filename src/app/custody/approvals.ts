import { FOUR_EYES_SETTING, type ApprovalKind } from '../../domain/custody/index.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Tx } from '../../store/database.ts';
import { approvalRepository, type ApprovalRequestRecord } from '../../store/custody/approvals.ts';
import { mapPage, type Keyset, type KeysetPage } from '../../store/keyset.ts';
import { actorRef, requireRole, type Actor, type UserActor } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { nextNumber } from './common.ts';

/**
 * What a four-eyes act returns: done at once (the plant does not ask four eyes for it), or
 * recorded as a request that waits for a second person (`headstamp approve REQUEST`).
 */
export type FourEyesOutcome<T> =
  | { readonly status: 'done'; readonly result: T }
  | { readonly status: 'awaiting_approval'; readonly request: ApprovalRequestRecord };

/** Whether the plant's scenario asks a second person for this kind of act. */
export function needsSecondPerson(scenario: Scenario, kind: ApprovalKind): boolean {
  return scenario.plant.fourEyes[FOUR_EYES_SETTING[kind]];
}

/**
 * Records a request for a four-eyes act inside the requester's transaction: the kind, the act's
 * input (payload, JSON) and who asked. Nothing else changes until another person approves it.
 * Use cases check the act fully before they call this, so a request that waits is one that
 * can be done.
 *
 * @example
 * const request = await requestApproval(tx, app, scenario, clerk, { kind: 'shipment.dispatch', payload: { shipment: 'SH-2027-0001' }, summary: 'dispatch SH-2027-0001 to army' });
 */
export async function requestApproval(
  tx: Tx,
  app: AppContext,
  scenario: Scenario,
  requester: UserActor,
  input: { kind: ApprovalKind; payload: Record<string, unknown>; summary: string },
): Promise<ApprovalRequestRecord> {
  const now = app.clock.now();
  const record: ApprovalRequestRecord = {
    id: app.ids.next('approval'),
    requestNumber: await nextNumber(tx, scenario, 'AR', now),
    kind: input.kind,
    payload: input.payload,
    summary: input.summary,
    status: 'pending',
    requestedAt: now.toISOString(),
    actor: actorRef(requester),
    requesterRole: requester.role,
    approver: null,
    decidedAt: null,
    result: null,
  };
  await approvalRepository(tx).insert(record);
  return record;
}

/** A request as the list shows it: number, kind, what, who asked and when. */
export interface ApprovalView {
  readonly id: string;
  readonly requestNumber: string;
  readonly kind: string;
  readonly summary: string;
  readonly status: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly approvedBy: string | null;
  readonly decidedAt: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

export function approvalView(r: ApprovalRequestRecord): ApprovalView {
  return {
    id: r.id,
    requestNumber: r.requestNumber,
    kind: r.kind,
    summary: r.summary,
    status: r.status,
    requestedBy: r.actor.replace(/^user:/, ''),
    requestedAt: r.requestedAt,
    approvedBy: r.approver?.replace(/^user:/, '') ?? null,
    decidedAt: r.decidedAt,
    payload: r.payload,
  };
}

/**
 * The requests that wait for a second person (or every request, with `all`).
 *
 * @example
 * const waiting = await listApprovals(app, actor);
 */
export async function listApprovals(
  app: AppContext,
  actor: Actor,
  options: { all?: boolean } = {},
): Promise<ApprovalView[]> {
  requireRole(actor, staff, 'read approval requests');
  const rows = await approvalRepository(app.store).list(options.all === true ? {} : { status: 'pending' });
  return rows.map(approvalView);
}

/**
 * One page of requests, newest number first: those that wait for a second person (or every one,
 * with `all`).
 *
 * @example
 * const { items, nextKey } = await pageApprovals(app, actor, { all: true }, { limit: 50 });
 */
export async function pageApprovals(
  app: AppContext,
  actor: Actor,
  options: { all?: boolean | undefined },
  page: Keyset,
): Promise<KeysetPage<ApprovalView>> {
  requireRole(actor, staff, 'read approval requests');
  const rows = await approvalRepository(app.store).page(
    page,
    options.all === true ? {} : { status: 'pending' },
  );
  return mapPage(rows, approvalView);
}
