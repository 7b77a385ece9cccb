import type { UserActor } from '../../app/actor.ts';
import type { AppContext } from '../../app/context.ts';
import { approveRequest } from '../../app/custody/approve.ts';
import { addAuthorisation, listAuthorisations } from '../../app/custody/authorisations.ts';
import { dispatchShipment } from '../../app/custody/dispatch.ts';
import { receiveShipment } from '../../app/custody/receive.ts';
import { createShipment, listShipments } from '../../app/custody/shipments.ts';
import { listOrders } from '../../app/orders.ts';
import { buildPallet, packLot } from '../../app/packing/pack.ts';
import { listCrates, moveStock } from '../../app/packing/stock.ts';
import { showLot } from '../../app/production/lots-query.ts';
import { traceShipmentBackward } from '../../app/custody/trace.ts';
import { ConflictError, RefusedError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Crew } from './crew.ts';

export interface LogisticsTally {
  packed: number;
  shipments: number;
  received: number;
  authorisations: number;
  /** Shipments tried without a valid authorisation and refused, with the reasons given. */
  refused: { consigneeId: string; citing: string; reasons: readonly string[] }[];
}

const NOTHING_TO_PACK = new Set(['packing.nothing_loose', 'packing.nothing_to_pack']);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function storageOf(scenario: Scenario, kind: string): string | undefined {
  return scenario.storage.find((s) => s.kind === kind)?.id;
}

/**
 * Every consignee holds a valid end-user certificate for today with room left; when one runs
 * short or out of date, logistics records the next one and the armoury officer approves it
 * (four eyes). Returns the certificate numbers in force by consignee.
 *
 * @example
 * await keepAuthorisations(app, crew, scenario, '2026-01-05', tally);
 */
export async function keepAuthorisations(
  app: AppContext,
  crew: Crew,
  scenario: Scenario,
  today: string,
  tally: LogisticsTally,
): Promise<Map<string, string>> {
  const inForce = new Map<string, string>();
  const all = await listAuthorisations(app, crew.logistics);
  const annual = scenario.demand?.annualRounds ?? scenario.plant.ratedOutputPerYear;
  for (const consignee of scenario.consignees) {
    const share = scenario.demand?.consignees?.[consignee.id] ?? 1 / scenario.consignees.length;
    const ceiling = Math.max(1_000_000, Math.round(annual * share * 1.25));
    const current = all.find(
      (a) =>
        a.consigneeId === consignee.id &&
        a.status === 'valid' &&
        a.validFrom <= today &&
        a.validTo >= addDays(today, 14) &&
        a.remaining > ceiling / 10,
    );
    if (current !== undefined) {
      inForce.set(consignee.id, current.number);
      continue;
    }
    const serial = all.filter((a) => a.consigneeId === consignee.id).length + 1;
    const number = `EUC-${today.slice(0, 4)}-${consignee.id.toUpperCase()}-${String(serial).padStart(3, '0')}`;
    const out = await addAuthorisation(app, crew.logistics, {
      number,
      authority: 'National arms control authority',
      consigneeId: consignee.id,
      country: consignee.country,
      products: scenario.products.map((p) => p.id),
      quantityCeiling: ceiling,
      validFrom: today,
      validTo: addDays(today, 365),
      documents: [`supply contract ${consignee.id}-${today.slice(0, 4)}`, `end-use statement ${number}`],
    });
    if (out.status === 'awaiting_approval')
      await approveRequest(app, crew.armoury, out.request.requestNumber);
    tally.authorisations += 1;
    inForce.set(consignee.id, number);
  }
  return inForce;
}

/**
 * Logistics packs a released lot where it lies (boxes, crates), puts its crates on pallets of
 * up to the product's crates per pallet, and moves the pallets to the magazine.
 *
 * @example
 * await packAndStore(app, crew, scenario, 'HSP26A001-001', tally);
 */
export async function packAndStore(
  app: AppContext,
  crew: Crew,
  scenario: Scenario,
  lotNumber: string,
  tally: LogisticsTally,
): Promise<void> {
  try {
    await packLot(app, crew.logistics, { lotNumber });
  } catch (error) {
    // Packed already (a previous run), or too few rounds for a box: nothing to do here.
    if (error instanceof RefusedError && NOTHING_TO_PACK.has(error.code)) return;
    throw error;
  }
  tally.packed += 1;
  const magazine = storageOf(scenario, 'magazine');
  const crates = (await listCrates(app, crew.logistics, { lotNumber })).filter((c) => c.palletId === null);
  const product = scenario.products.find((p) => p.id === crates[0]?.productId);
  const perPallet = product?.packaging.cratesPerPallet ?? 40;
  for (let i = 0; i < crates.length; i += perPallet) {
    const group = crates.slice(i, i + perPallet).map((c) => c.sscc);
    const pallet = await buildPallet(app, crew.logistics, { crates: group });
    if (magazine === undefined) continue;
    try {
      await moveStock(app, crew.logistics, { sscc: pallet.sscc, to: magazine });
    } catch (error) {
      // A full magazine: the pallet waits where it was packed and ships from there.
      if (!(error instanceof RefusedError)) throw error;
    }
  }
}

/** What logistics knows of its shipping: crates gone, and whose each lot is. */
export interface ShippingBook {
  loaded: boolean;
  readonly shipped: Set<string>;
  /** Lot number to consignee id (through the lot's production order). */
  readonly lotOwners: Map<string, string>;
}

/**
 * The day's shipments: each consignee gets the pallets and crates in store made for its orders, planned by logistics against its certificate, dispatched, and approved by the
 * armoury officer (four eyes). When `tryRefused` is set, logistics first tries to send one
 * pallet to another consignee under the owner's certificate: the use case refuses it, and the
 * refusal is kept in the tally with its reasons.
 *
 * @example
 * await shipDay(app, crew, scenario, inForce, book, '2026-01-06', false, tally);
 */
export async function shipDay(
  app: AppContext,
  crew: Crew,
  scenario: Scenario,
  inForce: ReadonlyMap<string, string>,
  book: ShippingBook,
  today: string,
  tryRefused: boolean,
  tally: LogisticsTally,
): Promise<void> {
  if (!book.loaded) {
    // Crates keep their last location in the stock records after they leave: the shipments say
    // which have gone. Read once per run; this run's shipments are added as they are made.
    for (const s of await listShipments(app, crew.logistics)) {
      const trace = await traceShipmentBackward(app, crew.logistics, s.shipmentNumber);
      for (const lot of trace.lots) for (const sscc of lot.ssccs) book.shipped.add(sscc);
    }
    book.loaded = true;
  }
  const crates = (await listCrates(app, crew.logistics)).filter((c) => !book.shipped.has(c.sscc));
  const lotOwners = book.lotOwners;
  if (crates.length === 0) return;
  const orders = await ordersByProductionOrder(app, crew.planner);
  const byConsignee = new Map<string, Set<string>>();
  const cratesOf = new Map<string, string[]>();
  for (const crate of crates) {
    let owner = lotOwners.get(crate.lotNumber);
    if (owner === undefined) {
      const lot = await showLot(app, crew.logistics, crate.lotNumber);
      owner = lot.productionOrderNumber === null ? undefined : orders.get(lot.productionOrderNumber);
      if (owner === undefined) continue;
      lotOwners.set(crate.lotNumber, owner);
    }
    const units = byConsignee.get(owner) ?? new Set<string>();
    units.add(crate.palletSscc ?? crate.sscc);
    byConsignee.set(owner, units);
    cratesOf.set(owner, [...(cratesOf.get(owner) ?? []), crate.sscc]);
  }
  if (tryRefused) await tryWithoutAuthorisation(app, crew, scenario, inForce, byConsignee, today, tally);
  let n = 0;
  for (const [consigneeId, units] of byConsignee) {
    n += 1;
    const ref = `${today}-${consigneeId}-${n}`;
    const shipment = await createShipment(app, crew.logistics, {
      consigneeId,
      ssccs: [...units],
      transportRef: `TR-${ref}`,
      invoiceRef: `INV-${ref}`,
    });
    const out = await dispatchShipment(app, crew.logistics, shipment.shipmentNumber);
    if (out.status === 'awaiting_approval')
      await approveRequest(app, crew.armoury, out.request.requestNumber);
    for (const sscc of cratesOf.get(consigneeId) ?? []) book.shipped.add(sscc);
    tally.shipments += 1;
  }
}

async function ordersByProductionOrder(app: AppContext, actor: UserActor): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const o of await listOrders(app, actor))
    if (o.productionOrderNumber !== null) map.set(o.productionOrderNumber, o.consigneeId);
  return map;
}

async function tryWithoutAuthorisation(
  app: AppContext,
  crew: Crew,
  scenario: Scenario,
  inForce: ReadonlyMap<string, string>,
  byConsignee: ReadonlyMap<string, Set<string>>,
  today: string,
  tally: LogisticsTally,
): Promise<void> {
  const [owner, units] = [...byConsignee][0] ?? [];
  const other = scenario.consignees.find((c) => c.id !== owner);
  const citing = owner === undefined ? undefined : inForce.get(owner);
  const unit = units === undefined ? undefined : [...units][0];
  if (owner === undefined || other === undefined || citing === undefined || unit === undefined) return;
  try {
    await createShipment(app, crew.logistics, {
      consigneeId: other.id,
      ssccs: [unit],
      authorisation: citing,
      transportRef: `TR-${today}-${other.id}-x`,
      invoiceRef: `INV-${today}-${other.id}-x`,
    });
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    tally.refused.push({ consigneeId: other.id, citing, reasons: error.reasons });
    return;
  }
  throw new ConflictError(
    'twin.unguarded_shipment',
    `a shipment to ${other.id} under ${citing} was accepted: the authorisation check let it through`,
  );
}

/**
 * Consignees confirm receipt of what has been in transit for at least `transitHours`.
 *
 * @example
 * await confirmReceipts(app, crew, new Date('2026-01-07T12:00:00Z'), 20, tally);
 */
export async function confirmReceipts(
  app: AppContext,
  crew: Crew,
  now: Date,
  transitHours: number,
  tally: LogisticsTally,
): Promise<void> {
  for (const consignee of crew.consignees.values()) {
    for (const s of await listShipments(app, consignee)) {
      if (s.status !== 'in_transit' || s.dispatchedAt === null) continue;
      if (Date.parse(s.dispatchedAt) + transitHours * 3_600_000 > now.getTime()) continue;
      await receiveShipment(app, consignee, s.shipmentNumber);
      tally.received += 1;
    }
  }
}
