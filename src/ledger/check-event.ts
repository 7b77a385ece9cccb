/**
 * Checks a custody event before it goes into the ledger: what the EPCIS schema says of its
 * shape, plus our own rules (an actor on every event, whole non-negative counts, instants in
 * the ledger's form). Every problem is named by field, all at once.
 *
 * @example
 * const problems = checkCustodyEvent(event, 'events[3]');
 * if (problems.length > 0) throw new ValidationError('ledger.invalid_event', '...', problems);
 */
import type { FieldProblem } from '../domain/errors.ts';
import { EVENT_TYPES, type CustodyEvent, type QuantityElement } from './event.ts';

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
const OFFSET = /^[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00)$/;

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\d\dZ$/;

function isInstant(value: unknown): boolean {
  // The shape first (cheap), then one parse: the instant must write back as itself (no 30 Feb).
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
}

export function checkCustodyEvent(event: CustodyEvent, path = 'event'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: string, problem: string): void => {
    problems.push({ path: `${path}.${field}`, problem });
  };
  const e = event as Partial<Record<string, unknown>> & CustodyEvent;
  if (!(EVENT_TYPES as readonly string[]).includes(e.type))
    bad('type', `'${String(e.type)}' is not an EPCIS event type`);
  if (typeof e.eventID !== 'string' || !URI.test(e.eventID)) bad('eventID', 'must be a URI');
  if (!isInstant(e.eventTime))
    bad('eventTime', `must be an ISO 8601 UTC instant with milliseconds, got '${String(e.eventTime)}'`);
  if (typeof e.eventTimeZoneOffset !== 'string' || !OFFSET.test(e.eventTimeZoneOffset)) {
    bad('eventTimeZoneOffset', `must be like +03:00, got '${String(e.eventTimeZoneOffset)}'`);
  }
  if (e.type !== 'TransformationEvent' && !['ADD', 'OBSERVE', 'DELETE'].includes(String(e.action))) {
    bad('action', `must be ADD, OBSERVE or DELETE, got '${String(e.action)}'`);
  }
  for (const who of ['actor', 'approver'] as const) {
    const actor = e[who];
    if (actor === undefined && who === 'approver') continue;
    if (
      actor === undefined ||
      (actor.kind !== 'user' && actor.kind !== 'device') ||
      typeof actor.id !== 'string' ||
      actor.id === '' ||
      typeof actor.role !== 'string'
    ) {
      bad(who, 'must be { kind: user|device, id, role }');
    }
  }
  if (e.approver !== undefined && e.approver.kind === e.actor.kind && e.approver.id === e.actor.id) {
    bad('approver', 'must be a second person, not the actor');
  }
  for (const list of [
    'quantityList',
    'childQuantityList',
    'inputQuantityList',
    'outputQuantityList',
  ] as const) {
    const items = e[list] as readonly QuantityElement[] | undefined;
    items?.forEach((q, i) => {
      if (typeof q.epcClass !== 'string' || !URI.test(q.epcClass))
        bad(`${list}[${i}].epcClass`, 'must be a URI');
      if (q.quantity === undefined) return;
      const counted = q.uom === undefined;
      if (typeof q.quantity !== 'number' || !Number.isFinite(q.quantity) || q.quantity < 0) {
        bad(`${list}[${i}].quantity`, `must be a number ≥ 0, got ${String(q.quantity)}`);
      } else if (counted && !Number.isSafeInteger(q.quantity)) {
        bad(`${list}[${i}].quantity`, `a count must be a whole number, got ${q.quantity}`);
      }
    });
  }
  return problems;
}
