/**
 * Builders for the plant's custody events, so that use cases name the act (`cratePacked`) and the
 * EPCIS wording (AggregationEvent, ADD, packing, container_closed) is decided here, once.
 *
 * Every builder takes an `EventOrigin` (id, time, actor, optional approver and reason) and the
 * act's facts in the plant's words (product, lot, SSCC, location, consignee) and returns a plain
 * `CustodyEvent` for `appendCustodyEvents`. Builders are pure: the id and time come from outside.
 *
 * @example
 * const origin = { eventID: ids.next('event'), eventTime: clock.now(), actor: user('ivanova', 'logistics') };
 * const event = cratePacked(origin, {
 *   sscc: '106141411234567897',
 *   contents: [{ product: '762x39-PS', lot: '0042-26', quantity: 1_120 }],
 *   location: 'packing-hall',
 * });
 */
import { ValidationError } from '../domain/errors.ts';
import {
  HS_BIZ_STEP,
  HS_BIZ_TRANSACTION,
  HS_DISPOSITION,
  type Actor,
  type AggregationEvent,
  type CustodyEvent,
  type ErrorReason,
  type ObjectEvent,
  type QuantityElement,
} from './event.ts';
import {
  consigneeUri,
  documentUri,
  eventUri,
  keyUri,
  lineUri,
  locationUri,
  lotClassUri,
  plantUri,
  ssccUri,
  supplierUri,
} from './identifiers.ts';

/** Who, when, and under which id: the part of every event that is not the act itself. */
export interface EventOrigin {
  /** A bare id (`event-000001`) or a URI; bare ids become `eventUri(id)`. */
  readonly eventID: string;
  readonly eventTime: Date | string;
  /** The plant's local UTC offset (`+03:00`); `+00:00` when not given. */
  readonly eventTimeZoneOffset?: string;
  readonly actor: Actor;
  readonly approver?: Actor;
  readonly reason?: string;
}

/** An amount of one lot. */
export interface LotQuantity {
  readonly product: string;
  readonly lot: string;
  readonly quantity: number;
}

/** A person acting in a role. */
export function user(id: string, role: string): Actor {
  return { kind: 'user', id, role };
}

/** A line (or other device) reporting on its own. */
export function lineDevice(lineId: string): Actor {
  return { kind: 'device', id: lineId, role: 'line' };
}

/** An instant as the ledger writes it: ISO 8601 UTC with milliseconds. */
export function toEventTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) {
    throw new ValidationError('ledger.time', `eventTime: not a valid instant: '${String(at)}'`, [
      { path: 'eventTime', problem: `not a valid instant: '${String(at)}'` },
    ]);
  }
  return date.toISOString();
}

/**
 * Only who acted goes into the ledger: kind, id and role. Callers often pass richer actor objects
 * (a user's record id, their consignee); those stay out of the hashed bytes.
 */
export function actorOf(actor: Actor): Actor {
  return { kind: actor.kind, id: actor.id, role: actor.role };
}

function common(origin: EventOrigin) {
  return {
    eventID: eventUri(origin.eventID),
    eventTime: toEventTime(origin.eventTime),
    eventTimeZoneOffset: origin.eventTimeZoneOffset ?? '+00:00',
    actor: actorOf(origin.actor),
    ...(origin.approver === undefined ? {} : { approver: actorOf(origin.approver) }),
    ...(origin.reason === undefined ? {} : { reason: origin.reason }),
  };
}

function requireReason(origin: EventOrigin, act: string): void {
  if (origin.reason === undefined || origin.reason.trim() === '') {
    throw new ValidationError('ledger.reason_required', `reason: required for ${act}`, [
      { path: 'reason', problem: `required for ${act}` },
    ]);
  }
}

const quantityOf = (q: LotQuantity): QuantityElement => ({
  epcClass: lotClassUri(q.product, q.lot),
  quantity: q.quantity,
});

/** A new lot of good rounds comes off a line into a location (usually quarantine). */
export function lotCommissioned(
  origin: EventOrigin,
  act: LotQuantity & { line: string; location: string; productionOrder?: string },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: 'ADD',
    ...common(origin),
    quantityList: [quantityOf(act)],
    bizStep: 'commissioning',
    disposition: 'active',
    readPoint: { id: lineUri(act.line) },
    bizLocation: { id: locationUri(act.location) },
    ...(act.productionOrder === undefined
      ? {}
      : {
          bizTransactionList: [
            { type: 'prodorder', bizTransaction: documentUri('production-order', act.productionOrder) },
          ],
        }),
    ilmd: { 'hs:product': act.product, 'hs:lotNumber': act.lot, 'hs:line': act.line },
  };
}

/** A lot of bought-in components (counted units) arrives into a store. */
export function componentLotReceived(
  origin: EventOrigin,
  act: LotQuantity & { location: string; supplier?: string },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: 'ADD',
    ...common(origin),
    quantityList: [quantityOf(act)],
    bizStep: 'receiving',
    disposition: 'active',
    bizLocation: { id: locationUri(act.location) },
    ...(act.supplier === undefined
      ? {}
      : { sourceList: [{ type: 'owning_party', source: supplierUri(act.supplier) }] }),
  };
}

/** The outcome of acceptance sampling, or a hold or recall, on a whole lot (no quantity change). */
export function lotStatusChanged(
  origin: EventOrigin,
  act: {
    product: string;
    lot: string;
    status: 'released' | 'rejected' | 'held' | 'recalled';
    inspection?: string;
  },
): ObjectEvent {
  const step = {
    released: [HS_BIZ_STEP.releasing, 'conformant'],
    rejected: [HS_BIZ_STEP.rejecting, 'non_conformant'],
    held: ['holding', HS_DISPOSITION.quarantined],
    recalled: [HS_BIZ_STEP.recalling, 'recalled'],
  } as const;
  const [bizStep, disposition] = step[act.status];
  if (act.status !== 'released') requireReason(origin, `a lot ${act.status}`);
  return {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    ...common(origin),
    quantityList: [{ epcClass: lotClassUri(act.product, act.lot) }],
    bizStep,
    disposition,
    ...(act.inspection === undefined
      ? {}
      : {
          bizTransactionList: [
            { type: 'testres', bizTransaction: documentUri('inspection', act.inspection) },
          ],
        }),
  };
}

/** Rounds taken from a lot and fired in acceptance or proof testing: consumed in tests. */
export function roundsConsumedInTest(
  origin: EventOrigin,
  act: LotQuantity & { location: string; inspection?: string },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: 'DELETE',
    ...common(origin),
    quantityList: [quantityOf(act)],
    bizStep: HS_BIZ_STEP.proofFiring,
    disposition: HS_DISPOSITION.consumed,
    bizLocation: { id: locationUri(act.location) },
    ...(act.inspection === undefined
      ? {}
      : {
          bizTransactionList: [
            { type: 'testres', bizTransaction: documentUri('inspection', act.inspection) },
          ],
        }),
  };
}

/** Rounds of one or more lots packed into a crate (identified by its SSCC). */
export function cratePacked(
  origin: EventOrigin,
  act: { sscc: string; contents: readonly LotQuantity[]; location: string; line?: string },
): AggregationEvent {
  return {
    type: 'AggregationEvent',
    action: 'ADD',
    ...common(origin),
    parentID: ssccUri(act.sscc),
    childQuantityList: act.contents.map(quantityOf),
    bizStep: 'packing',
    disposition: 'container_closed',
    ...(act.line === undefined ? {} : { readPoint: { id: lineUri(act.line) } }),
    bizLocation: { id: locationUri(act.location) },
  };
}

/** A crate opened and its rounds taken out (the rounds stay in the location, loose). */
export function crateUnpacked(
  origin: EventOrigin,
  act: { sscc: string; contents: readonly LotQuantity[]; location: string },
): AggregationEvent {
  return {
    type: 'AggregationEvent',
    action: 'DELETE',
    ...common(origin),
    parentID: ssccUri(act.sscc),
    childQuantityList: act.contents.map(quantityOf),
    bizStep: 'unpacking',
    disposition: 'container_open',
    bizLocation: { id: locationUri(act.location) },
  };
}

/** Crates stacked onto a pallet (both SSCCs). */
export function palletBuilt(
  origin: EventOrigin,
  act: { sscc: string; crates: readonly string[]; location: string },
): AggregationEvent {
  return {
    type: 'AggregationEvent',
    action: 'ADD',
    ...common(origin),
    parentID: ssccUri(act.sscc),
    childEPCs: act.crates.map(ssccUri),
    bizStep: 'packing',
    disposition: 'container_closed',
    bizLocation: { id: locationUri(act.location) },
  };
}

/** Crates (or pallets) moved from one location to another inside the plant. */
export function crateMoved(
  origin: EventOrigin,
  act: { ssccs: readonly string[]; from: string; to: string },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    ...common(origin),
    epcList: act.ssccs.map(ssccUri),
    bizStep: 'storing',
    disposition: 'active',
    bizLocation: { id: locationUri(act.to) },
    sourceList: [{ type: 'location', source: locationUri(act.from) }],
    destinationList: [{ type: 'location', destination: locationUri(act.to) }],
  };
}

/** Crates dispatched to a consignee under a shipment and its authorisation: custody leaves the plant. */
export function cratesShipped(
  origin: EventOrigin,
  act: {
    ssccs: readonly string[];
    plant: string;
    from: string;
    consignee: string;
    shipment: string;
    authorisation: string;
  },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    ...common(origin),
    epcList: act.ssccs.map(ssccUri),
    bizStep: 'shipping',
    disposition: 'in_transit',
    bizTransactionList: [
      { type: HS_BIZ_TRANSACTION.shipment, bizTransaction: documentUri('shipment', act.shipment) },
      {
        type: HS_BIZ_TRANSACTION.authorisation,
        bizTransaction: documentUri('authorisation', act.authorisation),
      },
    ],
    sourceList: [
      { type: 'owning_party', source: plantUri(act.plant) },
      { type: 'location', source: locationUri(act.from) },
    ],
    destinationList: [{ type: 'owning_party', destination: consigneeUri(act.consignee) }],
  };
}

/** The consignee confirms receipt of shipped crates: delivered. */
export function cratesReceived(
  origin: EventOrigin,
  act: { ssccs: readonly string[]; consignee: string; shipment: string },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    ...common(origin),
    epcList: act.ssccs.map(ssccUri),
    bizStep: 'receiving',
    disposition: 'active',
    bizLocation: { id: consigneeUri(act.consignee) },
    bizTransactionList: [
      { type: HS_BIZ_TRANSACTION.shipment, bizTransaction: documentUri('shipment', act.shipment) },
    ],
    destinationList: [{ type: 'owning_party', destination: consigneeUri(act.consignee) }],
  };
}

/** Rounds of a lot destroyed (rejected lot, damaged stock). */
export function roundsDestroyed(origin: EventOrigin, act: LotQuantity & { location: string }): ObjectEvent {
  requireReason(origin, 'destroying rounds');
  return {
    type: 'ObjectEvent',
    action: 'DELETE',
    ...common(origin),
    quantityList: [quantityOf(act)],
    bizStep: 'destroying',
    disposition: 'destroyed',
    bizLocation: { id: locationUri(act.location) },
  };
}

/** A stock count corrected by `delta` rounds (positive or negative); needs a reason. */
export function stockAdjusted(
  origin: EventOrigin,
  act: { product: string; lot: string; delta: number; location: string },
): ObjectEvent {
  requireReason(origin, 'a stock adjustment');
  return {
    type: 'ObjectEvent',
    action: act.delta >= 0 ? 'ADD' : 'DELETE',
    ...common(origin),
    quantityList: [{ epcClass: lotClassUri(act.product, act.lot), quantity: Math.abs(act.delta) }],
    bizStep: HS_BIZ_STEP.adjusting,
    disposition: 'active',
    bizLocation: { id: locationUri(act.location) },
  };
}

/** A shortfall written off as lost, with a reason and the discrepancy record it closes. */
export function lossWrittenOff(
  origin: EventOrigin,
  act: LotQuantity & { location: string; discrepancy?: string },
): ObjectEvent {
  requireReason(origin, 'writing off a loss');
  return {
    type: 'ObjectEvent',
    action: 'DELETE',
    ...common(origin),
    quantityList: [quantityOf(act)],
    bizStep: HS_BIZ_STEP.writingOffLoss,
    disposition: HS_DISPOSITION.lost,
    bizLocation: { id: locationUri(act.location) },
    ...(act.discrepancy === undefined
      ? {}
      : {
          bizTransactionList: [
            {
              type: HS_BIZ_TRANSACTION.discrepancy,
              bizTransaction: documentUri('discrepancy', act.discrepancy),
            },
          ],
        }),
  };
}

/**
 * A ledger signing key taken into service (`ADD`) or retired (`DELETE`). A rotation is the
 * retirement of the old key and the commissioning of the new one, appended together, so that the
 * log itself says which key signs which checkpoints.
 */
export function signingKeyChanged(
  origin: EventOrigin,
  act: { change: 'commissioned' | 'retired'; name: string; keyIdHex: string; publicKeyBase64: string },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: act.change === 'commissioned' ? 'ADD' : 'DELETE',
    ...common(origin),
    epcList: [keyUri(act.name, act.keyIdHex)],
    bizStep: HS_BIZ_STEP.keyRotating,
    disposition: act.change === 'commissioned' ? 'active' : 'inactive',
    ...(act.change === 'commissioned'
      ? { ilmd: { 'hs:keyName': act.name, 'hs:keyID': act.keyIdHex, 'hs:publicKey': act.publicKeyBase64 } }
      : {}),
  };
}

/**
 * The error declaration for an event already in the ledger: the same event (as EPCIS 2.0 asks),
 * with an `errorDeclaration`, made by the declaring person and with their reason. Append it with
 * the corrective events it names; the original is never touched.
 */
export function errorDeclared<E extends CustodyEvent>(
  original: E,
  declaration: {
    origin: Omit<EventOrigin, 'eventID' | 'eventTimeZoneOffset'>;
    reason: ErrorReason;
    correctiveEventIDs: readonly string[];
  },
): E {
  requireReason(declaration.origin as EventOrigin, 'an error declaration');
  const { recordTime: _recorded, approver: _approver, reason: _reason, ...rest } = original;
  return {
    ...rest,
    actor: actorOf(declaration.origin.actor),
    ...(declaration.origin.approver === undefined ? {} : { approver: actorOf(declaration.origin.approver) }),
    reason: declaration.origin.reason,
    errorDeclaration: {
      declarationTime: toEventTime(declaration.origin.eventTime),
      reason: declaration.reason,
      correctiveEventIDs: declaration.correctiveEventIDs.map(eventUri),
    },
  } as unknown as E; // the spread keeps E's own fields; TypeScript cannot follow that through Omit
}
