import type { Executor } from '../database.ts';
import { keysetPage, type Keyset, type KeysetPage } from '../keyset.ts';
import type { ApprovalRequestTable } from './tables.ts';

export interface ApprovalRequestRecord {
  readonly id: string;
  readonly requestNumber: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly summary: string;
  readonly status: 'pending' | 'approved' | 'withdrawn';
  readonly requestedAt: string;
  /** `user:NAME` of the requester. */
  readonly actor: string;
  readonly requesterRole: string;
  readonly approver: string | null;
  readonly decidedAt: string | null;
  readonly result: unknown;
}

const toRecord = (r: ApprovalRequestTable): ApprovalRequestRecord => ({
  id: r.id,
  requestNumber: r.request_number,
  kind: r.kind,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  summary: r.summary,
  status: r.status as ApprovalRequestRecord['status'],
  requestedAt: r.requested_at,
  actor: r.actor,
  requesterRole: r.requester_role,
  approver: r.approver,
  decidedAt: r.decided_at,
  result: r.result === null ? null : (JSON.parse(r.result) as unknown),
});

/**
 * Four-eyes approval requests: what the first person asked, and who approved it.
 *
 * @example
 * const waiting = await approvalRepository(store).list({ status: 'pending' });
 */
export function approvalRepository(ex: Executor) {
  const { db } = ex;
  return {
    async insert(r: ApprovalRequestRecord): Promise<void> {
      await db
        .insertInto('approval_requests')
        .values({
          id: r.id,
          request_number: r.requestNumber,
          kind: r.kind,
          payload: JSON.stringify(r.payload),
          summary: r.summary,
          status: r.status,
          requested_at: r.requestedAt,
          actor: r.actor,
          requester_role: r.requesterRole,
          approver: r.approver,
          decided_at: r.decidedAt,
          result: r.result === null ? null : JSON.stringify(r.result),
        })
        .execute();
    },
    async byNumber(number: string): Promise<ApprovalRequestRecord | undefined> {
      const r = await db
        .selectFrom('approval_requests')
        .selectAll()
        .where((eb) => eb.or([eb('request_number', '=', number), eb('id', '=', number)]))
        .executeTakeFirst();
      return r === undefined ? undefined : toRecord(r);
    },
    async list(filter: { status?: string; kind?: string } = {}): Promise<ApprovalRequestRecord[]> {
      let q = db.selectFrom('approval_requests').selectAll();
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
      return (await q.orderBy('requested_at').orderBy('request_number').execute()).map(toRecord);
    },
    /** One page of requests, newest number first, optionally of one status. */
    async page(page: Keyset, filter: { status?: string } = {}): Promise<KeysetPage<ApprovalRequestRecord>> {
      let q = db.selectFrom('approval_requests').selectAll();
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      if (page.after !== undefined) q = q.where('request_number', '<', page.after);
      const rows = await q
        .orderBy('request_number', 'desc')
        .limit(page.limit + 1)
        .execute();
      return keysetPage(rows.map(toRecord), page, (r) => r.requestNumber);
    },
    /** Marks a pending request decided; false when it was no longer pending (someone was first). */
    async decide(
      id: string,
      decision: { status: 'approved' | 'withdrawn'; approver: string | null; at: string; result: unknown },
    ): Promise<boolean> {
      const r = await db
        .updateTable('approval_requests')
        .set({
          status: decision.status,
          approver: decision.approver,
          decided_at: decision.at,
          result: JSON.stringify(decision.result ?? null),
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}

export type ApprovalRepository = ReturnType<typeof approvalRepository>;
