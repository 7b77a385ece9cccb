import { coverageRefusals, type Authorisation } from '../../domain/custody/index.ts';
import { NotFoundError, RefusedError, ValidationError } from '../../domain/errors.ts';
import type { Executor } from '../../store/database.ts';
import { authorisationRepository, type AuthorisationRecord } from '../../store/custody/authorisations.ts';
import {
  shipmentRepository,
  type ShipmentCrateRecord,
  type ShipmentRecord,
} from '../../store/custody/shipments.ts';
import { lotRepository } from '../../store/repositories/lots.ts';
import { destructionRepository } from '../../store/custody/destructions.ts';
import { stockRepository, type CrateRecord } from '../../store/repositories/stock.ts';
import { actorRef, requireRole, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotStatus } from '../quality/lot-quality.ts';
import { withTransaction } from '../transaction.ts';
import { mapPage, type Keyset, type KeysetPage } from '../../store/keyset.ts';
import { consigneeOf, nextNumber, plantDate } from './common.ts';

export interface CreateShipmentInput {
  readonly consigneeId: string;
  /** Crates and pallets, by SSCC (a pallet brings all its crates). */
  readonly ssccs: readonly string[];
  /** The authorisation to ship under; default: the first of the consignee's that covers it. */
  readonly authorisation?: string;
  readonly transportRef: string;
  readonly invoiceRef: string;
}

export interface ShipmentView extends ShipmentRecord {
  readonly authorisation: string;
  readonly crates: number;
  readonly products: Readonly<Record<string, number>>;
}

export type ShippedCrate = CrateRecord & { readonly palletSscc: string | null };

/** The crates behind a list of crate and pallet SSCCs, and why any of them cannot go. */
export async function resolveCrates(
  ex: Executor,
  ssccs: readonly string[],
): Promise<{ crates: ShippedCrate[]; reasons: string[] }> {
  const stock = stockRepository(ex);
  const pallets = new Map((await stock.pallets()).map((p) => [p.id, p.sscc]));
  const crates: ShippedCrate[] = [];
  const reasons: string[] = [];
  const missing: string[] = [];
  for (const sscc of new Set(ssccs)) {
    const crate = await stock.crateBySscc(sscc);
    if (crate !== undefined) {
      if (crate.palletId !== null) {
        reasons.push(
          `crate ${sscc} is on pallet ${pallets.get(crate.palletId) ?? crate.palletId}: ship the pallet`,
        );
      } else crates.push({ ...crate, palletSscc: null });
      continue;
    }
    const pallet = await stock.palletBySscc(sscc);
    if (pallet === undefined) missing.push(sscc);
    else
      for (const c of await stock.crates({ palletId: pallet.id }))
        crates.push({ ...c, palletSscc: pallet.sscc });
  }
  if (missing.length > 0) {
    throw new NotFoundError('sscc.not_found', `no crate or pallet with SSCC ${missing.join(', ')}`, {
      ssccs: missing,
    });
  }
  return { crates, reasons };
}

/**
 * Why these crates may not leave: a lot not released (held, recalled, rejected, pending), a
 * crate already on a shipment (other than `exceptShipment`), or a crate destroyed.
 */
export async function crateRefusals(
  ex: Executor,
  crates: readonly ShippedCrate[],
  exceptShipment?: string,
): Promise<string[]> {
  const reasons: string[] = [];
  const lots = lotRepository(ex);
  for (const lotId of new Set(crates.map((c) => c.lotId))) {
    const status = await lotStatus(ex, lotId);
    if (status !== 'released') {
      reasons.push(
        `lot ${(await lots.byId(lotId))?.lotNumber ?? lotId} is ${status}: only released lots are shipped`,
      );
    }
  }
  const shipments = shipmentRepository(ex);
  for (const entry of await shipments.holding(crates.map((c) => c.id))) {
    if (entry.shipmentId === exceptShipment) continue;
    const other = await shipments.byNumber(entry.shipmentId);
    reasons.push(`crate ${entry.sscc} is on shipment ${other?.shipmentNumber ?? entry.shipmentId} already`);
  }
  const destroyed = await destructionRepository(ex).destroyedOf(crates.map((c) => c.id));
  for (const c of crates) if (destroyed.has(c.id)) reasons.push(`crate ${c.sscc} was destroyed`);
  return reasons;
}

function quantitiesOf(crates: readonly { productId: string; rounds: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of crates) out.set(c.productId, (out.get(c.productId) ?? 0) + c.rounds);
  return out;
}

const asDomain = (a: AuthorisationRecord): Authorisation => a;

/**
 * The authorisation that covers a transfer on `dispatchDate`, or a refusal naming each failed
 * condition (of the named authorisation, or of each of the consignee's when none is named).
 */
export async function coveringAuthorisation(
  ex: Executor,
  input: {
    consigneeId: string;
    authorisation?: string;
    quantities: Map<string, number>;
    dispatchDate: string;
    exceptShipment?: string;
  },
): Promise<{ authorisation?: AuthorisationRecord; reasons: string[] }> {
  const repo = authorisationRepository(ex);
  const request = {
    consigneeId: input.consigneeId,
    quantities: input.quantities,
    dispatchDate: input.dispatchDate,
  };
  let candidates: AuthorisationRecord[];
  if (input.authorisation !== undefined) {
    const named = await repo.byNumber(input.authorisation);
    if (named === undefined) return { reasons: [`no authorisation ${input.authorisation} is recorded`] };
    candidates = [named];
  } else {
    candidates = await repo.list({ consigneeId: input.consigneeId });
    if (candidates.length === 0) {
      return {
        reasons: [`no authorisation (end-user certificate) is recorded for consignee ${input.consigneeId}`],
      };
    }
  }
  const reasons: string[] = [];
  for (const a of candidates) {
    const failed = coverageRefusals(asDomain(a), await repo.used(a.id, input.exceptShipment), request);
    if (failed.length === 0) return { authorisation: a, reasons: [] };
    reasons.push(...failed);
  }
  return { reasons };
}

/**
 * Plans a shipment of crates and pallets to a consignee, with its transport and invoice
 * references. Refused unless every lot on it is released, no crate is on another shipment, and
 * a valid authorisation covers the consignee, each product and the quantity on today's date;
 * the refusal names each failed condition. Logistics (or admin) only.
 *
 * @example
 * const shipment = await createShipment(app, clerk, { consigneeId: 'army', ssccs: ['106141410000000019'], transportRef: 'TR-7', invoiceRef: 'INV-7' });
 */
export async function createShipment(
  app: AppContext,
  actor: UserActor,
  input: CreateShipmentInput,
): Promise<ShipmentView> {
  requireRole(actor, ['logistics', 'admin'], 'plan a shipment');
  const problems = [
    ...(input.ssccs.length === 0 ? [{ path: 'ssccs', problem: 'name at least one crate or pallet' }] : []),
    ...(input.transportRef.trim() === '' ? [{ path: 'transportRef', problem: 'must not be empty' }] : []),
    ...(input.invoiceRef.trim() === '' ? [{ path: 'invoiceRef', problem: 'must not be empty' }] : []),
  ];
  if (problems.length > 0) throw new ValidationError('shipment.invalid', 'shipment: bad input', problems);
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    consigneeOf(scenario, input.consigneeId);
    const now = app.clock.now();
    const { crates, reasons } = await resolveCrates(tx, input.ssccs);
    reasons.push(...(await crateRefusals(tx, crates)));
    const quantities = quantitiesOf(crates);
    const cover = await coveringAuthorisation(tx, {
      consigneeId: input.consigneeId,
      ...(input.authorisation === undefined ? {} : { authorisation: input.authorisation }),
      quantities,
      dispatchDate: plantDate(scenario, now),
    });
    reasons.push(...cover.reasons);
    if (reasons.length > 0 || cover.authorisation === undefined) {
      throw new RefusedError('shipment.refused', `shipment to ${input.consigneeId} refused`, reasons);
    }
    const shipment: ShipmentRecord = {
      id: app.ids.next('shipment'),
      shipmentNumber: await nextNumber(tx, scenario, 'SH', now),
      consigneeId: input.consigneeId,
      authorisationId: cover.authorisation.id,
      transportRef: input.transportRef.trim(),
      invoiceRef: input.invoiceRef.trim(),
      status: 'planned',
      quantity: crates.reduce((s, c) => s + c.rounds, 0),
      createdAt: now.toISOString(),
      actor: actorRef(actor),
      dispatchedAt: null,
      dispatchedBy: null,
      dispatchApprover: null,
      receivedAt: null,
      receivedBy: null,
    };
    await shipmentRepository(tx).insert(
      shipment,
      crates.map((c) => entryOf(shipment.id, c, 'listed')),
    );
    return viewOf(shipment, cover.authorisation.number, crates);
  });
}

export function entryOf(
  shipmentId: string,
  c: ShippedCrate,
  outcome: ShipmentCrateRecord['outcome'],
): ShipmentCrateRecord {
  return {
    shipmentId,
    crateId: c.id,
    sscc: c.sscc,
    palletSscc: c.palletSscc,
    lotId: c.lotId,
    productId: c.productId,
    rounds: c.rounds,
    outcome,
  };
}

export function viewOf(
  s: ShipmentRecord,
  authorisation: string,
  crates: readonly { productId: string; rounds: number }[],
): ShipmentView {
  return { ...s, authorisation, crates: crates.length, products: Object.fromEntries(quantitiesOf(crates)) };
}

/** A shipment by number, or NotFoundError. */
export async function shipmentByNumber(ex: Executor, number: string): Promise<ShipmentRecord> {
  const s = await shipmentRepository(ex).byNumber(number);
  if (s === undefined)
    throw new NotFoundError('shipment.not_found', `no shipment ${number}`, { shipment: number });
  return s;
}

/**
 * Shipments with their authorisation, crate count and rounds per product; a consignee user sees
 * only its own.
 *
 * @example
 * const list = await listShipments(app, actor);
 */
export async function listShipments(app: AppContext, actor: UserActor): Promise<ShipmentView[]> {
  requireRole(
    actor,
    ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin', 'consignee'],
    'read shipments',
  );
  const repo = shipmentRepository(app.store);
  const auths = new Map((await authorisationRepository(app.store).list()).map((a) => [a.id, a.number]));
  const filter = actor.role === 'consignee' ? { consigneeId: actor.consigneeId ?? '' } : {};
  const out: ShipmentView[] = [];
  for (const s of await repo.list(filter)) {
    const crates = (await repo.crates(s.id)).filter((c) => c.outcome !== 'missing');
    out.push(viewOf(s, auths.get(s.authorisationId) ?? s.authorisationId, crates));
  }
  return out;
}

/**
 * One page of shipments by number, with authorisation, crate count and rounds per product, read
 * for that page only; a consignee user sees only its own.
 *
 * @example
 * const { items, nextKey } = await pageShipments(app, actor, { limit: 50 });
 */
export async function pageShipments(
  app: AppContext,
  actor: UserActor,
  page: Keyset,
): Promise<KeysetPage<ShipmentView>> {
  requireRole(
    actor,
    ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin', 'consignee'],
    'read shipments',
  );
  const repo = shipmentRepository(app.store);
  const filter = actor.role === 'consignee' ? { consigneeId: actor.consigneeId ?? '' } : {};
  const list = await repo.page(page, filter);
  const auths = await authorisationRepository(app.store).numbers(list.items.map((s) => s.authorisationId));
  const crates = new Map<string, { productId: string; rounds: number }[]>();
  for (const c of await repo.cratesOf(list.items.map((s) => s.id)))
    if (c.outcome !== 'missing') crates.set(c.shipmentId, [...(crates.get(c.shipmentId) ?? []), c]);
  return mapPage(list, (s) =>
    viewOf(s, auths.get(s.authorisationId) ?? s.authorisationId, crates.get(s.id) ?? []),
  );
}
