/**
 * EPCIS 2.0 JSON-LD documents read back into custody events. The document is validated against
 * GS1's schema first; then each event is taken field by field: EPCIS fields we model become ours,
 * times are written in the ledger's form (UTC, milliseconds), our `hs:` extensions become actor,
 * approver and reason, and anything else (other EPCIS fields, partners' extensions) is kept
 * verbatim in `extensions`. A document from outside without `hs:actor` takes the importing actor;
 * an event without `eventID` gets one derived from its content.
 *
 * This is parsing only; whether the events fit the plant's records is for the import use case.
 *
 * @example
 * const { events } = fromEpcisDocument(JSON.parse(text), { actor: user('auditor-1', 'auditor') });
 */
import { createHash } from 'node:crypto';
import { ValidationError, type FieldProblem } from '../../domain/errors.ts';
import { toEventTime } from '../builders.ts';
import { canonicalJson } from '../canonical.ts';
import {
  EVENT_TYPES,
  type Actor,
  type CustodyEvent,
  type EventType,
  type JsonValue,
  type Uri,
} from '../event.ts';
import { eventUri } from '../identifiers.ts';
import type { LedgerEvent } from './export.ts';
import { epcisInvalid, validateEpcisDocument } from './validate.ts';

// The EPCIS fields our event type models, per type; anything else is carried in `extensions`.
const COMMON = [
  'type',
  'eventID',
  'eventTime',
  'eventTimeZoneOffset',
  'recordTime',
  'errorDeclaration',
  'bizStep',
  'disposition',
  'readPoint',
  'bizLocation',
  'bizTransactionList',
  'sourceList',
  'destinationList',
];
const MODELLED: Record<EventType, readonly string[]> = {
  ObjectEvent: [...COMMON, 'action', 'epcList', 'quantityList', 'ilmd'],
  AggregationEvent: [...COMMON, 'action', 'parentID', 'childEPCs', 'childQuantityList'],
  TransactionEvent: [...COMMON, 'action', 'parentID', 'epcList', 'quantityList'],
  TransformationEvent: [
    ...COMMON,
    'transformationID',
    'inputEPCList',
    'inputQuantityList',
    'outputEPCList',
    'outputQuantityList',
    'ilmd',
  ],
  AssociationEvent: [...COMMON, 'action', 'parentID', 'childEPCs', 'childQuantityList'],
};
const OURS = new Set(['hs:actor', 'hs:approver', 'hs:reason', 'hs:ledgerIndex']);

function actorIn(value: unknown, path: string, problems: FieldProblem[]): Actor | undefined {
  const v = value as Record<string, unknown> | null;
  const kind = v?.['hs:kind'];
  const id = v?.['hs:id'];
  const role = v?.['hs:role'];
  if (
    (kind === 'user' || kind === 'device') &&
    typeof id === 'string' &&
    typeof role === 'string' &&
    id !== ''
  ) {
    return { kind, id, role };
  }
  problems.push({
    path,
    problem: "must be { 'hs:kind': 'user'|'device', 'hs:id': string, 'hs:role': string }",
  });
  return undefined;
}

function eventIn(
  raw: Record<string, unknown>,
  path: string,
  defaultActor: Actor | undefined,
  problems: FieldProblem[],
): LedgerEvent | undefined {
  const type = raw['type'];
  if (!(EVENT_TYPES as readonly unknown[]).includes(type)) {
    problems.push({
      path: `${path}.type`,
      problem: `'${String(type)}' is not an event type the ledger records`,
    });
    return undefined;
  }
  const modelled = MODELLED[type as EventType];
  const event: Record<string, unknown> = {};
  const extensions: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (modelled.includes(key)) event[key] = value;
    else if (!OURS.has(key)) extensions[key] = value as JsonValue;
  }
  // EPCIS lets a capturing application leave eventID out; the ledger names every event, so one
  // is derived from the event's own canonical bytes: importing the same event twice gives the same id.
  const eventID =
    typeof raw['eventID'] === 'string'
      ? (raw['eventID'] as Uri)
      : eventUri(`sha256-${createHash('sha256').update(canonicalJson(raw)).digest('hex')}`);
  for (const field of ['eventTime', 'recordTime'] as const) {
    if (typeof event[field] === 'string') event[field] = toEventTime(event[field]);
  }
  const declaration = event['errorDeclaration'] as Record<string, unknown> | undefined;
  if (declaration !== undefined && typeof declaration['declarationTime'] === 'string') {
    event['errorDeclaration'] = {
      ...declaration,
      declarationTime: toEventTime(declaration['declarationTime']),
    };
  }
  const actor =
    raw['hs:actor'] === undefined ? defaultActor : actorIn(raw['hs:actor'], `${path}.hs:actor`, problems);
  if (actor === undefined && raw['hs:actor'] === undefined) {
    problems.push({
      path: `${path}.hs:actor`,
      problem: 'is required: who did it (or import as a named actor)',
    });
  }
  event['actor'] = actor;
  if (raw['hs:approver'] !== undefined)
    event['approver'] = actorIn(raw['hs:approver'], `${path}.hs:approver`, problems);
  if (raw['hs:reason'] !== undefined) {
    if (typeof raw['hs:reason'] === 'string') event['reason'] = raw['hs:reason'];
    else problems.push({ path: `${path}.hs:reason`, problem: 'must be a string' });
  }
  if (Object.keys(extensions).length > 0) event['extensions'] = extensions;
  const index = raw['hs:ledgerIndex'];
  if (index !== undefined && !(Number.isSafeInteger(index) && (index as number) >= 0)) {
    problems.push({ path: `${path}.hs:ledgerIndex`, problem: 'must be a whole number ≥ 0' });
  }
  return {
    ...(typeof index === 'number' ? { index } : {}),
    event: { ...(event as unknown as CustodyEvent), eventID },
  };
}

/**
 * The events of an EPCIS 2.0 document (an EPCISDocument or an EPCISQueryDocument), in order.
 * Refuses, with every problem named by event and field, a document that is not valid EPCIS or
 * whose events the ledger cannot record.
 */
export function fromEpcisDocument(
  doc: unknown,
  options: { actor?: Actor; source?: string } = {},
): { events: LedgerEvent[] } {
  const schemaProblems = validateEpcisDocument(doc);
  if (schemaProblems.length > 0) throw epcisInvalid(schemaProblems, options.source);
  const body = (
    doc as {
      epcisBody: { eventList?: unknown[]; queryResults?: { resultsBody?: { eventList?: unknown[] } } };
    }
  ).epcisBody;
  const inQuery = body.eventList === undefined;
  const list = body.eventList ?? body.queryResults?.resultsBody?.eventList ?? [];
  const base = inQuery ? 'epcisBody.queryResults.resultsBody.eventList' : 'epcisBody.eventList';
  const problems: FieldProblem[] = [];
  const events: LedgerEvent[] = [];
  list.forEach((raw, i) => {
    const event = eventIn(raw as Record<string, unknown>, `${base}[${i}]`, options.actor, problems);
    if (event !== undefined) events.push(event);
  });
  if (problems.length > 0) {
    throw new ValidationError(
      'epcis.unrecordable',
      `${options.source ?? 'document'}: ${problems.length} event field${problems.length === 1 ? '' : 's'} the ledger cannot record`,
      problems,
    );
  }
  return { events };
}
