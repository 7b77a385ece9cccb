/**
 * Ledger events as an EPCIS 2.0 JSON-LD document. Our events already have EPCIS's shape; what
 * changes on the way out is that our own fields become JSON-LD extensions in the `hs:` namespace
 * (`hs:actor`, `hs:approver`, `hs:reason`, and `hs:ledgerIndex`, the event's place in the Merkle
 * log), so that anyone holding the document and a checkpoint can recompute the leaf hashes.
 *
 * @example
 * const doc = toEpcisDocument(entries, { creationDate: clock.now() });
 * validateEpcisDocument(doc); // []
 */
import type { Actor, CustodyEvent, JsonValue } from '../event.ts';

/** GS1's JSON-LD context for EPCIS 2.0 (a copy is in `src/ledger/data/epcis-context.jsonld`). */
export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** Our namespace for extension fields. */
export const HS_NAMESPACE = 'https://headstamp.example/voc/';
/** The `@context` of our documents: GS1's, plus the `hs:` prefix. */
export const EPCIS_DOCUMENT_CONTEXT: JsonValue = [EPCIS_CONTEXT_URL, { hs: HS_NAMESPACE }];

/** An event and, when it is in the ledger, its index there. */
export interface LedgerEvent {
  readonly index?: number;
  readonly event: CustodyEvent;
}

export type EpcisObject = { [key: string]: JsonValue };

export interface EpcisDocument {
  readonly '@context': JsonValue;
  readonly type: 'EPCISDocument';
  readonly schemaVersion: '2.0';
  readonly creationDate: string;
  readonly id?: string;
  readonly sender?: string;
  readonly receiver?: string;
  readonly epcisBody: { readonly eventList: EpcisObject[] };
}

function actorOut(actor: Actor): JsonValue {
  return { 'hs:kind': actor.kind, 'hs:id': actor.id, 'hs:role': actor.role };
}

/** One event in EPCIS 2.0 JSON form. */
export function toEpcisEvent(event: CustodyEvent, index?: number): EpcisObject {
  const { actor, approver, reason, extensions, ...fields } = event;
  const out: EpcisObject = {};
  // EPCIS readers do not care about order; people do: the usual EPCIS order first.
  const order = [
    'type',
    'eventTime',
    'eventTimeZoneOffset',
    'recordTime',
    'eventID',
    'errorDeclaration',
    'action',
  ];
  const record = fields as unknown as Record<string, JsonValue | undefined>;
  for (const key of [...order, ...Object.keys(record).filter((k) => !order.includes(k))]) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  for (const [key, value] of Object.entries(extensions ?? {})) out[key] = value;
  out['hs:actor'] = actorOut(actor);
  if (approver !== undefined) out['hs:approver'] = actorOut(approver);
  if (reason !== undefined) out['hs:reason'] = reason;
  if (index !== undefined) out['hs:ledgerIndex'] = index;
  return out;
}

/** An EPCIS 2.0 document holding the events, in the order given. */
export function toEpcisDocument(
  events: readonly LedgerEvent[],
  options: { creationDate: Date | string; id?: string; sender?: string; receiver?: string },
): EpcisDocument {
  const creationDate =
    typeof options.creationDate === 'string' ? options.creationDate : options.creationDate.toISOString();
  return {
    '@context': EPCIS_DOCUMENT_CONTEXT,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.sender === undefined ? {} : { sender: options.sender }),
    ...(options.receiver === undefined ? {} : { receiver: options.receiver }),
    epcisBody: { eventList: events.map(({ event, index }) => toEpcisEvent(event, index)) },
  };
}
