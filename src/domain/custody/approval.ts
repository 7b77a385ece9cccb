/**
 * Four-eyes acts: a first person records a request, a second person (another user, with a role
 * allowed to approve that kind of act) approves it, and only then is the act done. Pure rules.
 */

export const APPROVAL_KINDS = [
  'lot.release',
  'stock.adjust',
  'stock.destroy',
  'authorisation.add',
  'shipment.dispatch',
] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** The scenario's `plant.fourEyes` switch that governs each kind of act. */
export const FOUR_EYES_SETTING = {
  'lot.release': 'releaseLot',
  'stock.adjust': 'adjustStock',
  'stock.destroy': 'destroy',
  'authorisation.add': 'addAuthorisation',
  'shipment.dispatch': 'dispatchShipment',
} as const satisfies Record<ApprovalKind, string>;

/** Who may request, and who may approve, each kind of act. */
export const APPROVAL_ROLES: Readonly<Record<ApprovalKind, readonly string[]>> = {
  'lot.release': ['quality', 'admin'],
  'stock.adjust': ['logistics', 'admin'],
  'stock.destroy': ['quality', 'logistics', 'admin'],
  'authorisation.add': ['logistics', 'admin'],
  'shipment.dispatch': ['logistics', 'admin'],
};

export type ApprovalStatus = 'pending' | 'approved' | 'withdrawn';

export interface ApprovalPerson {
  readonly name: string;
  readonly role: string;
}

export interface PendingApproval {
  readonly number: string;
  readonly kind: ApprovalKind;
  readonly status: ApprovalStatus;
  readonly requester: ApprovalPerson;
}

export function isApprovalKind(value: string): value is ApprovalKind {
  return (APPROVAL_KINDS as readonly string[]).includes(value);
}

/**
 * Each reason the approver may not approve this request, or none: the request must still wait,
 * the approver must be another person than the requester, with a role allowed for the kind.
 *
 * @example
 * approvalRefusals({ number: 'AR-1', kind: 'shipment.dispatch', status: 'pending', requester: { name: 'kolya', role: 'logistics' } }, { name: 'kolya', role: 'logistics' });
 * // ['kolya requested AR-1: a second person must approve it (no self-approval)']
 */
export function approvalRefusals(request: PendingApproval, approver: ApprovalPerson): string[] {
  const reasons: string[] = [];
  if (request.status !== 'pending')
    reasons.push(`request ${request.number} is ${request.status}, not pending`);
  if (approver.name === request.requester.name) {
    reasons.push(
      `${approver.name} requested ${request.number}: a second person must approve it (no self-approval)`,
    );
  }
  const allowed = APPROVAL_ROLES[request.kind];
  if (!allowed.includes(approver.role)) {
    reasons.push(
      `${approver.name} has role ${approver.role}; approving ${request.kind} needs ${allowed.join(' or ')}`,
    );
  }
  return reasons;
}
