import { compareReceipt } from '../../domain/custody/index.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors.ts';
import { cratesReceived, lossWrittenOff } from '../../ledger/builders.ts';
import type { CustodyEvent } from '../../ledger/event.ts';
import { HS_BIZ_TRANSACTION } from '../../ledger/event.ts';
import { documentUri, isValidSscc, ssccUri } from '../../ledger/identifiers.ts';
import {
  shipmentRepository,
  type DiscrepancyRecord,
  type ShipmentCrateRecord,
} from '../../store/custody/shipments.ts';
import { lotRepository } from '../../store/repositories/lots.ts';
import { stockRepository } from '../../store/repositories/stock.ts';
import { actorRef, requireRole, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody } from '../custody.ts';
import { withTransaction } from '../transaction.ts';
import { entryOf, shipmentByNumber } from './shipments.ts';

export interface ReceiveInput {
  /** Crate or pallet SSCCs the consignee found; default: everything shipped. */
  readonly received?: readonly string[];
  /** Why the receipt differs from the shipment; required when it does. */
  readonly reason?: string;
}

export interface ReceiptResult {
  readonly id: string;
  readonly shipmentNumber: string;
  readonly received: readonly string[];
  readonly discrepancies: readonly DiscrepancyRecord[];
}

/** The place shortfalls in transit are written off from (goods between plant and consignee). */
export const IN_TRANSIT = 'in-transit';

/**
 * The consignee's own user confirms receipt of a shipment in transit. Crates shipped but not
 * found are a shortfall (written off as lost, with the reason, one event per lot); crates found
 * that were not shipped are a surplus (received as a discrepancy with its reason, and taken out
 * of the plant's stock records). Each discrepancy is a record and its own custody events.
 *
 * @example
 * await receiveShipment(app, armyClerk, 'SH-2027-0001', { received: ['106141410000000019'], reason: 'one crate missing at unloading' });
 */
export async function receiveShipment(
  app: AppContext,
  actor: UserActor,
  number: string,
  input: ReceiveInput = {},
): Promise<ReceiptResult> {
  requireRole(actor, ['consignee'], 'confirm receipt of a shipment');
  return withTransaction(app.store, async (tx) => {
    const repo = shipmentRepository(tx);
    const shipment = await shipmentByNumber(tx, number);
    if (actor.consigneeId !== shipment.consigneeId) {
      throw new ForbiddenError(
        'shipment.not_yours',
        `shipment ${shipment.shipmentNumber} is for ${shipment.consigneeId}, not for ${actor.consigneeId ?? 'you'}`,
      );
    }
    if (shipment.status !== 'in_transit') {
      throw new ConflictError(
        'shipment.status',
        `shipment ${shipment.shipmentNumber} is ${shipment.status}, not in transit`,
        { status: shipment.status },
      );
    }
    const entries = await repo.crates(shipment.id);
    // A pallet SSCC stands for its crates on the shipment.
    const byPallet = new Map<string, string[]>();
    for (const e of entries)
      if (e.palletSscc !== null) byPallet.set(e.palletSscc, [...(byPallet.get(e.palletSscc) ?? []), e.sscc]);
    const found = (input.received ?? entries.map((e) => e.sscc)).flatMap((s) => byPallet.get(s) ?? [s]);
    const bad = found.filter((s) => !isValidSscc(s));
    if (bad.length > 0) {
      throw new ValidationError(
        'receipt.sscc',
        `received: not SSCCs: ${bad.join(', ')}`,
        bad.map((s) => ({ path: 'received', problem: `'${s}' is not an SSCC (18 digits, check digit)` })),
      );
    }
    const outcome = compareReceipt(
      entries.map((e) => e.sscc),
      found,
    );
    const reason = input.reason?.trim() ?? '';
    if ((outcome.missing.length > 0 || outcome.surplus.length > 0) && reason === '') {
      throw new ValidationError(
        'receipt.reason',
        `reason: required: ${outcome.missing.length} crate(s) missing, ${outcome.surplus.length} not on the shipment`,
        [{ path: 'reason', problem: 'required when the receipt differs from the shipment' }],
      );
    }
    const at = app.clock.now().toISOString();
    const by = actorRef(actor);
    const lots = lotRepository(tx);
    const lotNumber = async (id: string): Promise<string> => (await lots.byId(id))?.lotNumber ?? id;
    const origin = (why?: string) => ({
      eventID: app.ids.next('event'),
      eventTime: at,
      actor,
      ...(why === undefined ? {} : { reason: why }),
    });
    const events: CustodyEvent[] = [];
    const discrepancies: DiscrepancyRecord[] = [];
    const receivedEntries = entries.filter((e) => outcome.received.includes(e.sscc));
    if (receivedEntries.length > 0) {
      events.push(
        cratesReceived(origin(), {
          ssccs: receivedEntries.map((e) => e.sscc),
          consignee: shipment.consigneeId,
          shipment: shipment.shipmentNumber,
        }),
      );
    }
    // Shortfall: per lot, the missing crates' rounds written off as lost on the way.
    const missing = entries.filter((e) => outcome.missing.includes(e.sscc));
    const missingByLot = new Map<string, ShipmentCrateRecord[]>();
    for (const e of missing) missingByLot.set(e.lotId, [...(missingByLot.get(e.lotId) ?? []), e]);
    for (const [lotId, group] of missingByLot) {
      const id = app.ids.next('discrepancy');
      for (const e of group) {
        discrepancies.push({
          id: group.length === 1 ? id : `${id}:${e.sscc}`,
          shipmentId: shipment.id,
          kind: 'shortfall',
          sscc: e.sscc,
          lotId,
          rounds: e.rounds,
          reason,
          recordedAt: at,
          actor: by,
        });
      }
      const loss = lossWrittenOff(origin(reason), {
        product: group[0]?.productId ?? '',
        lot: await lotNumber(lotId),
        quantity: group.reduce((s, e) => s + e.rounds, 0),
        location: IN_TRANSIT,
        discrepancy: id,
      });
      events.push({
        ...loss,
        epcList: group.map((e) => ssccUri(e.sscc)),
        bizTransactionList: [
          ...(loss.bizTransactionList ?? []),
          {
            type: HS_BIZ_TRANSACTION.shipment,
            bizTransaction: documentUri('shipment', shipment.shipmentNumber),
          },
        ],
      });
    }
    // Surplus: a crate of ours that left without being listed, or one we do not know.
    const stock = stockRepository(tx);
    const surplusEntries: ShipmentCrateRecord[] = [];
    for (const sscc of outcome.surplus) {
      const crate = await stock.crateBySscc(sscc);
      // A crate of ours on no shipment left the plant unrecorded; one on another shipment is not ours to add.
      const usable = crate !== undefined && (await repo.holding([crate.id])).length === 0;
      if (crate !== undefined && usable)
        surplusEntries.push(entryOf(shipment.id, { ...crate, palletSscc: null }, 'surplus'));
      discrepancies.push({
        id: app.ids.next('discrepancy'),
        shipmentId: shipment.id,
        kind: 'surplus',
        sscc,
        lotId: usable ? (crate?.lotId ?? null) : null,
        rounds: usable ? (crate?.rounds ?? 0) : 0,
        reason,
        recordedAt: at,
        actor: by,
      });
    }
    if (outcome.surplus.length > 0) {
      const received = cratesReceived(origin(reason), {
        ssccs: outcome.surplus,
        consignee: shipment.consigneeId,
        shipment: shipment.shipmentNumber,
      });
      events.push({
        ...received,
        bizTransactionList: [
          ...(received.bizTransactionList ?? []),
          {
            type: HS_BIZ_TRANSACTION.discrepancy,
            bizTransaction: documentUri(
              'discrepancy',
              discrepancies.find((d) => d.kind === 'surplus')?.id ?? 'surplus',
            ),
          },
        ],
      });
    }
    if (!(await repo.markReceived(shipment.id, at, by))) {
      throw new ConflictError(
        'shipment.status',
        `shipment ${shipment.shipmentNumber} changed meanwhile: try again`,
      );
    }
    await repo.setOutcome(
      shipment.id,
      receivedEntries.map((e) => e.crateId),
      'received',
    );
    await repo.setOutcome(
      shipment.id,
      missing.map((e) => e.crateId),
      'missing',
    );
    await repo.insertCrates(surplusEntries);
    for (const d of discrepancies) await repo.insertDiscrepancy(d);
    await appendCustody(tx, events);
    return {
      id: shipment.id,
      shipmentNumber: shipment.shipmentNumber,
      received: outcome.received,
      discrepancies,
    };
  });
}
