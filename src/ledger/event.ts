/**
 * The custody event: one change of quantity, place or custody of cartridges (or of the components
 * and crates that carry them), named in the GS1 EPCIS 2.0 / CBV 2.0 vocabulary so that an outside
 * party can read the ledger with any EPCIS tool.
 *
 * The shape follows EPCIS 2.0 JSON field by field (`readPoint: { id }`, `quantityList`,
 * `bizTransactionList`, ...) so that export is a near-identity mapping. Three fields are ours and
 * travel as JSON-LD extensions (`hs:actor`, `hs:approver`, `hs:reason`, see `epcis/export.ts`):
 * who did it (a user or a device), the second person of a four-eyes act, and why.
 *
 * An event is never edited. A mistake is corrected by appending a new event that carries an
 * `errorDeclaration` naming what was wrong, plus the corrective event(s) it points at.
 *
 * @example
 * import { lotCommissioned } from './builders.ts';
 * const event: CustodyEvent = lotCommissioned(
 *   { eventID: 'event-000001', eventTime: '2026-11-22T06:00:00.000Z', actor: lineDevice('L1') },
 *   { product: '762x39-PS', lot: '0042-26', quantity: 500_000, line: 'L1', location: 'quarantine' },
 * );
 */

/** The five EPCIS 2.0 event types. */
export const EVENT_TYPES = [
  'ObjectEvent',
  'AggregationEvent',
  'TransformationEvent',
  'TransactionEvent',
  'AssociationEvent',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** ADD creates or links, OBSERVE sees without changing existence, DELETE ends or unlinks. */
export const ACTIONS = ['ADD', 'OBSERVE', 'DELETE'] as const;
export type Action = (typeof ACTIONS)[number];

/** A URI (absolute: a scheme, a colon, the rest). Every identifier in an event is one. */
export type Uri = `${string}:${string}`;

/** CBV 2.0 business steps, exactly as the EPCIS 2.0 JSON schema lists them. */
export const CBV_BIZ_STEPS = [
  'accepting',
  'arriving',
  'assembling',
  'collecting',
  'commissioning',
  'consigning',
  'creating_class_instance',
  'cycle_counting',
  'decommissioning',
  'departing',
  'destroying',
  'disassembling',
  'dispensing',
  'encoding',
  'entering_exiting',
  'holding',
  'inspecting',
  'installing',
  'killing',
  'loading',
  'other',
  'packing',
  'picking',
  'receiving',
  'removing',
  'repackaging',
  'repairing',
  'replacing',
  'reserving',
  'retail_selling',
  'shipping',
  'staging_outbound',
  'stock_taking',
  'stocking',
  'storing',
  'transporting',
  'unloading',
  'unpacking',
  'void_shipping',
  'sensor_reporting',
  'sampling',
] as const;
export type CbvBizStep = (typeof CBV_BIZ_STEPS)[number];

/** CBV 2.0 dispositions, exactly as the EPCIS 2.0 JSON schema lists them. */
export const CBV_DISPOSITIONS = [
  'active',
  'container_closed',
  'damaged',
  'destroyed',
  'dispensed',
  'disposed',
  'encoded',
  'expired',
  'in_progress',
  'in_transit',
  'inactive',
  'no_pedigree_match',
  'non_sellable_other',
  'partially_dispensed',
  'recalled',
  'reserved',
  'retail_sold',
  'returned',
  'sellable_accessible',
  'sellable_not_accessible',
  'stolen',
  'unknown',
  'available',
  'completeness_verified',
  'completeness_inferred',
  'conformant',
  'container_open',
  'mismatch_instance',
  'mismatch_class',
  'mismatch_quantity',
  'needs_replacement',
  'non_conformant',
  'unavailable',
] as const;
export type CbvDisposition = (typeof CBV_DISPOSITIONS)[number];

/**
 * A business step: a bare CBV word, or a URI of our own vocabulary (see `HS_BIZ_STEP`) or of a
 * trading partner's. The EPCIS schema accepts custom steps only in URI form.
 */
export type BizStep = CbvBizStep | Uri;
/** A disposition: a bare CBV word or a URI (see `HS_DISPOSITION`). */
export type Disposition = CbvDisposition | Uri;

/** CBV business transaction types (`po`, `desadv`, ...) or a URI of our own (`HS_BIZ_TRANSACTION`). */
export type BizTransactionType =
  | 'bol'
  | 'cert'
  | 'desadv'
  | 'inv'
  | 'pedigree'
  | 'po'
  | 'poc'
  | 'prodorder'
  | 'recadv'
  | 'rma'
  | 'testprd'
  | 'testres'
  | 'upevt'
  | Uri;

/** CBV source/destination types: who owns, who holds, or where. */
export type SourceDestType = 'owning_party' | 'possessing_party' | 'location' | Uri;

/** CBV error reasons for an error declaration. */
export type ErrorReason = 'did_not_occur' | 'incorrect_data' | Uri;

/**
 * A quantity of one lot class: `epcClass` names product + lot (see `lotClassUri`). Quantities are
 * integer counts of units (rounds, or components); `uom` is omitted for counts, as EPCIS 2.0 does
 * for a count of instances, and given (UN/ECE Rec 20 code, e.g. `KGM`) only for measured amounts.
 */
export interface QuantityElement {
  readonly epcClass: Uri;
  /** Absent only in imported observations of a whole class; our own events always give it. */
  readonly quantity?: number;
  readonly uom?: string;
}

export interface BizTransaction {
  readonly type?: BizTransactionType;
  readonly bizTransaction: Uri;
}

export interface Source {
  readonly type: SourceDestType;
  readonly source: Uri;
}

export interface Destination {
  readonly type: SourceDestType;
  readonly destination: Uri;
}

/**
 * Marks the event it sits on as erroneous, declared later: the record of the original act stays,
 * and the events named in `correctiveEventIDs` say what really happened.
 */
export interface ErrorDeclaration {
  readonly declarationTime: string;
  readonly reason?: ErrorReason;
  readonly correctiveEventIDs?: readonly Uri[];
}

/** Who did it: a person with a role, or a device (a line reporting its own counts). */
export interface Actor {
  readonly kind: 'user' | 'device';
  /** A user name, or a device id (a line's id). */
  readonly id: string;
  /** The role the actor acted in (`operator`, `quality`, `logistics`, ...; `line` for devices). */
  readonly role: string;
}

/** A JSON value, as stored in `ilmd` (instance/lot master data). */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Fields every event type has. */
export interface EventCommon {
  /** A URI that names this event for ever (see `eventUri`). */
  readonly eventID: Uri;
  /** When it happened, ISO 8601 UTC with milliseconds (`2026-11-22T06:00:00.000Z`). */
  readonly eventTime: string;
  /** The plant's local offset at `eventTime` (`+03:00`), as EPCIS requires. */
  readonly eventTimeZoneOffset: string;
  /** When the ledger recorded it; set by the ledger on append, absent before. */
  readonly recordTime?: string;
  readonly bizStep?: BizStep;
  readonly disposition?: Disposition;
  /** Where it was seen (a line, a gate): `{ id: lineUri(...) }`. */
  readonly readPoint?: { readonly id: Uri };
  /** Where the goods are afterwards (a store, quarantine, a consignee's site). */
  readonly bizLocation?: { readonly id: Uri };
  readonly bizTransactionList?: readonly BizTransaction[];
  readonly sourceList?: readonly Source[];
  readonly destinationList?: readonly Destination[];
  readonly errorDeclaration?: ErrorDeclaration;
  /** Who did it. Our extension (`hs:actor` in EPCIS). */
  readonly actor: Actor;
  /** The second person of a four-eyes act. Our extension (`hs:approver`). */
  readonly approver?: Actor;
  /** Why (required by our rules for adjustments, losses, corrections). Our extension (`hs:reason`). */
  readonly reason?: string;
  /**
   * Other EPCIS fields (`certificationInfo`, `persistentDisposition`, `sensorElementList`, ...)
   * and trading partners' extensions (`example:field`), carried verbatim from an imported
   * document so that nothing is lost on the way back out.
   */
  readonly extensions?: { readonly [field: string]: JsonValue };
}

/** Things seen, created (ADD, e.g. a lot commissioned) or ended (DELETE, e.g. destroyed). */
export interface ObjectEvent extends EventCommon {
  readonly type: 'ObjectEvent';
  readonly action: Action;
  readonly epcList?: readonly Uri[];
  readonly quantityList?: readonly QuantityElement[];
  /** Lot master data, given at commissioning (ADD) only. Keys are URIs or `hs:` names. */
  readonly ilmd?: { readonly [key: string]: JsonValue };
}

/** Things put into (ADD) or taken out of (DELETE) a container: rounds into a crate, crates onto a pallet. */
export interface AggregationEvent extends EventCommon {
  readonly type: 'AggregationEvent';
  readonly action: Action;
  /** The container's SSCC URI (`ssccUri`). */
  readonly parentID?: Uri;
  readonly childEPCs?: readonly Uri[];
  readonly childQuantityList?: readonly QuantityElement[];
}

/** Inputs consumed to make outputs: component lots into a cartridge lot (phase 2 genealogy). */
export interface TransformationEvent extends EventCommon {
  readonly type: 'TransformationEvent';
  readonly transformationID?: Uri;
  readonly inputEPCList?: readonly Uri[];
  readonly inputQuantityList?: readonly QuantityElement[];
  readonly outputEPCList?: readonly Uri[];
  readonly outputQuantityList?: readonly QuantityElement[];
  readonly ilmd?: { readonly [key: string]: JsonValue };
}

/** Things tied to (ADD) or released from (DELETE) a business transaction: crates to a shipment. */
export interface TransactionEvent extends EventCommon {
  readonly type: 'TransactionEvent';
  readonly action: Action;
  readonly bizTransactionList: readonly BizTransaction[];
  readonly parentID?: Uri;
  readonly epcList?: readonly Uri[];
  readonly quantityList?: readonly QuantityElement[];
}

/** Things associated with a physical asset (a device, a vehicle) rather than contained in it. */
export interface AssociationEvent extends EventCommon {
  readonly type: 'AssociationEvent';
  readonly action: Action;
  readonly parentID: Uri;
  readonly childEPCs?: readonly Uri[];
  readonly childQuantityList?: readonly QuantityElement[];
}

/** One ledger event: any of the five EPCIS event types, with our actor, approver and reason. */
export type CustodyEvent =
  ObjectEvent | AggregationEvent | TransformationEvent | TransactionEvent | AssociationEvent;

/** Our vocabulary's base; our own words are URIs under it (the EPCIS schema wants URIs). */
export const HS_VOC = 'https://headstamp.example/voc/';

/** Business steps of our own, for acts CBV has no word for. */
export const HS_BIZ_STEP = {
  /** Rounds fired in lot acceptance or proof testing: consumed in tests (DELETE). */
  proofFiring: 'https://headstamp.example/voc/bizstep/proof_firing',
  /** A stock count corrected, up (ADD) or down (DELETE), always with a reason. */
  adjusting: 'https://headstamp.example/voc/bizstep/adjusting',
  /** A shortfall found and written off as lost (DELETE), always with a reason. */
  writingOffLoss: 'https://headstamp.example/voc/bizstep/writing_off_loss',
  /** A lot released after acceptance sampling. */
  releasing: 'https://headstamp.example/voc/bizstep/releasing',
  /** A lot rejected after acceptance sampling. */
  rejecting: 'https://headstamp.example/voc/bizstep/rejecting',
  /** A lot recalled. */
  recalling: 'https://headstamp.example/voc/bizstep/recalling',
  /** A ledger signing key put into (ADD) or taken out of (DELETE) service. */
  keyRotating: 'https://headstamp.example/voc/bizstep/key_rotating',
} as const satisfies Record<string, Uri>;

/** Dispositions of our own. */
export const HS_DISPOSITION = {
  /** Made, waiting for acceptance sampling: may not be shipped. */
  quarantined: 'https://headstamp.example/voc/disp/quarantined',
  /** Missing and written off. */
  lost: 'https://headstamp.example/voc/disp/lost',
  /** Consumed in testing. */
  consumed: 'https://headstamp.example/voc/disp/consumed',
} as const satisfies Record<string, Uri>;

/** Business transaction types of our own (CBV's `po`, `prodorder`, `desadv`, `cert` cover the rest). */
export const HS_BIZ_TRANSACTION = {
  /** An end-user certificate / export or transfer authorisation covering consignee, product, quantity. */
  authorisation: 'https://headstamp.example/voc/btt/authorisation',
  /** A shipment (our shipment number). */
  shipment: 'https://headstamp.example/voc/btt/shipment',
  /** A recorded discrepancy (a shortfall found at a count). */
  discrepancy: 'https://headstamp.example/voc/btt/discrepancy',
} as const satisfies Record<string, Uri>;

/** Events whose type carries an `action`. */
export function actionOf(event: CustodyEvent): Action | undefined {
  return event.type === 'TransformationEvent' ? undefined : event.action;
}

/** True when the string is a bare CBV business step. */
export function isCbvBizStep(value: string): value is CbvBizStep {
  return (CBV_BIZ_STEPS as readonly string[]).includes(value);
}

/** True when the string is a bare CBV disposition. */
export function isCbvDisposition(value: string): value is CbvDisposition {
  return (CBV_DISPOSITIONS as readonly string[]).includes(value);
}
