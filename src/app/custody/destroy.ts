import { NotFoundError, RefusedError, ValidationError, type FieldProblem } from '../../domain/errors.ts';
import { roundsDestroyed } from '../../ledger/builders.ts';
import { ssccUri } from '../../ledger/identifiers.ts';
import type { Tx } from '../../store/database.ts';
import { destructionRepository } from '../../store/custody/destructions.ts';
import { shipmentRepository } from '../../store/custody/shipments.ts';
import { lotRepository } from '../../store/repositories/lots.ts';
import { stockRepository, type CrateRecord } from '../../store/repositories/stock.ts';
import { actorRef, requireRole, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody, custodyActor } from '../custody.ts';
import { looseStockOf, placeCommissionedLot, takeLooseRounds } from '../packing/lot-stock.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber } from '../quality/lot-quality.ts';
import { withTransaction } from '../transaction.ts';
import { needsSecondPerson, requestApproval, type FourEyesOutcome } from './approvals.ts';

/**
 * What to destroy, with a reason: loose rounds of a lot (`lotNumber`, `quantity`, optionally
 * `location`), or a crate or a pallet whole (`sscc`).
 */
export interface DestroyInput {
  readonly lotNumber?: string;
  /** Loose rounds to destroy. */
  readonly quantity?: number;
  /** Where they are (default: the location holding most of the lot's loose rounds). */
  readonly location?: string;
  /** A crate, or a pallet with all its crates. */
  readonly sscc?: string;
  readonly reason: string;
}

export interface Destroyed {
  /** Rounds destroyed per lot and location. */
  readonly lots: readonly {
    readonly lotNumber: string;
    readonly location: string;
    readonly rounds: number;
  }[];
  readonly rounds: number;
  /** The crates destroyed whole (none for loose rounds). */
  readonly ssccs: readonly string[];
  readonly reason: string;
}

/** Each bad field at once: a reason, and either an SSCC or a lot with a quantity, never both. */
export function destroyProblems(input: DestroyInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof input.reason !== 'string' || input.reason.trim() === '')
    problems.push({ path: 'reason', problem: 'required: why the rounds are destroyed' });
  if (input.sscc !== undefined) {
    for (const k of ['lotNumber', 'quantity', 'location'] as const)
      if (input[k] !== undefined)
        problems.push({ path: k, problem: 'not with sscc: a crate or pallet is destroyed whole' });
    if (!/^\d{18}$/.test(input.sscc))
      problems.push({ path: 'sscc', problem: `must be 18 digits, got '${input.sscc}'` });
    return problems;
  }
  if (input.lotNumber === undefined || input.lotNumber.trim() === '')
    problems.push({ path: 'lotNumber', problem: 'required to destroy loose rounds (or give sscc)' });
  if (input.quantity === undefined || !Number.isSafeInteger(input.quantity) || input.quantity <= 0)
    problems.push({
      path: 'quantity',
      problem: `must be a whole number of rounds > 0, got ${String(input.quantity)}`,
    });
  return problems;
}

function check(input: DestroyInput): void {
  const problems = destroyProblems(input);
  if (problems.length > 0)
    throw new ValidationError(
      'destroy.invalid',
      `${problems[0]?.path ?? 'input'}: ${problems[0]?.problem ?? ''}`,
      problems,
    );
}

/** The crates behind an SSCC (a crate, or a pallet's crates still in the plant) and whether one was on a pallet. */
async function cratesOf(tx: Tx, sscc: string): Promise<{ crates: CrateRecord[]; single: boolean }> {
  const stock = stockRepository(tx);
  const crate = await stock.crateBySscc(sscc);
  if (crate !== undefined) return { crates: [crate], single: true };
  const pallet = await stock.palletBySscc(sscc);
  if (pallet === undefined)
    throw new NotFoundError('sscc.not_found', `no crate or pallet with SSCC ${sscc}`, { sscc });
  return { crates: await stock.crates({ palletId: pallet.id, inPlant: true }), single: false };
}

/** Why these crates cannot be destroyed: on a shipment (planned or gone), or destroyed already. */
async function crateRefusals(tx: Tx, sscc: string, crates: readonly CrateRecord[]): Promise<string[]> {
  const reasons: string[] = [];
  if (crates.length === 0) reasons.push(`pallet ${sscc} holds no crate still in the plant`);
  const shipments = shipmentRepository(tx);
  for (const entry of await shipments.holding(crates.map((c) => c.id))) {
    const s = await shipments.byNumber(entry.shipmentId);
    reasons.push(
      entry.outcome === 'listed'
        ? `crate ${entry.sscc} is on planned shipment ${s?.shipmentNumber ?? entry.shipmentId}: take it off first`
        : `crate ${entry.sscc} has left the plant on shipment ${s?.shipmentNumber ?? entry.shipmentId}`,
    );
  }
  const destroyed = await destructionRepository(tx).destroyedOf(crates.map((c) => c.id));
  for (const c of crates) if (destroyed.has(c.id)) reasons.push(`crate ${c.sscc} was destroyed already`);
  return reasons;
}

async function destroyCratesIn(
  tx: Tx,
  app: AppContext,
  actor: UserActor,
  approver: UserActor | undefined,
  sscc: string,
  reason: string,
): Promise<Destroyed> {
  const { crates, single } = await cratesOf(tx, sscc);
  const reasons = await crateRefusals(tx, sscc, crates);
  if (reasons.length > 0) throw new RefusedError('destroy.refused', `${sscc} cannot be destroyed`, reasons);
  const at = app.clock.now().toISOString();
  const destructions = destructionRepository(tx);
  await destructions.insert(
    crates.map((c) => ({
      crateId: c.id,
      lotId: c.lotId,
      rounds: c.rounds,
      reason,
      destroyedAt: at,
      actor: actorRef(actor),
      approver: approver === undefined ? null : actorRef(approver),
    })),
  );
  // A crate taken off a pallet to be destroyed leaves it: the pallet moves and ships without it.
  if (single && crates[0]?.palletId !== null) await destructions.detachFromPallet(crates.map((c) => c.id));
  const lots = lotRepository(tx);
  const groups = new Map<string, { lotId: string; location: string; crates: CrateRecord[] }>();
  for (const c of crates) {
    const key = `${c.lotId}\u0000${c.locationId}`;
    const g = groups.get(key) ?? { lotId: c.lotId, location: c.locationId, crates: [] };
    g.crates.push(c);
    groups.set(key, g);
  }
  const out: { lotNumber: string; location: string; rounds: number }[] = [];
  const events = [];
  for (const g of groups.values()) {
    const lot = await lots.byId(g.lotId);
    const rounds = g.crates.reduce((s, c) => s + c.rounds, 0);
    const lotNumber = lot?.lotNumber ?? g.lotId;
    out.push({ lotNumber, location: g.location, rounds });
    const event = roundsDestroyed(
      {
        eventID: app.ids.next('event'),
        eventTime: at,
        actor: custodyActor(actor),
        reason,
        ...(approver === undefined ? {} : { approver: custodyActor(approver) }),
      },
      {
        product: lot?.productId ?? g.crates[0]?.productId ?? '',
        lot: lotNumber,
        quantity: rounds,
        location: g.location,
      },
    );
    // The crates by SSCC, so the ledger says which units went, not only how many rounds.
    events.push({ ...event, epcList: g.crates.map((c) => ssccUri(c.sscc)) });
  }
  await appendCustody(tx, events);
  return {
    lots: out,
    rounds: out.reduce((s, l) => s + l.rounds, 0),
    ssccs: crates.map((c) => c.sscc),
    reason,
  };
}

/**
 * What a destruction would take, in words, or the refusal it would meet (not enough loose
 * rounds, a crate gone or on a shipment): read only, for a request that waits.
 */
async function whatWouldGo(tx: Tx, input: DestroyInput): Promise<string> {
  if (input.sscc !== undefined) {
    const { crates } = await cratesOf(tx, input.sscc);
    const reasons = await crateRefusals(tx, input.sscc, crates);
    if (reasons.length > 0)
      throw new RefusedError('destroy.refused', `${input.sscc} cannot be destroyed`, reasons);
    const rounds = crates.reduce((s, c) => s + c.rounds, 0);
    return `${input.sscc} whole (${crates.length} crate(s), ${rounds} rounds)`;
  }
  const quantity = input.quantity ?? 0;
  const lot = await lotByNumber(tx, input.lotNumber ?? '');
  const rows = (await looseStockOf(tx, await plantScenario(tx), lot)).filter(
    (r) => r.form === 'round' && (input.location === undefined || r.locationId === input.location),
  );
  const best = rows.sort((a, b) => b.quantity - a.quantity)[0];
  if (best === undefined || best.quantity < quantity) {
    throw new RefusedError('stock.not_enough', `lot ${lot.lotNumber} has not enough loose rounds`, [
      `${quantity} loose rounds needed${input.location === undefined ? '' : ` at ${input.location}`}; the most at one place is ${best?.quantity ?? 0}${best === undefined ? '' : ` at ${best.locationId}`}`,
    ]);
  }
  return `${quantity} loose rounds of ${lot.lotNumber} at ${best.locationId}`;
}

/**
 * Destroys loose rounds of a lot, or a crate or pallet whole, inside the caller's transaction:
 * the stock goes down and a `destroying` custody event names the actor, the approver and the
 * reason (reconciliation counts it as destroyed).
 *
 * @example
 * await destroyRoundsIn(tx, app, inspector, chief, { lotNumber: 'HSP27A001-002', quantity: 400, reason: 'rejected lot' });
 * await destroyRoundsIn(tx, app, inspector, chief, { sscc: '106141410000000019', reason: 'crate crushed' });
 */
export async function destroyRoundsIn(
  tx: Tx,
  app: AppContext,
  actor: UserActor,
  approver: UserActor | undefined,
  input: DestroyInput,
): Promise<Destroyed> {
  check(input);
  const reason = input.reason.trim();
  if (input.sscc !== undefined) return destroyCratesIn(tx, app, actor, approver, input.sscc, reason);
  const quantity = input.quantity ?? 0;
  const scenario = await plantScenario(tx);
  const lot = await lotByNumber(tx, input.lotNumber ?? '');
  await placeCommissionedLot(tx, scenario, lot);
  const location = await takeLooseRounds(tx, lot, quantity, input.location);
  await appendCustody(tx, [
    roundsDestroyed(
      {
        eventID: app.ids.next('event'),
        eventTime: app.clock.now(),
        actor: custodyActor(actor),
        reason,
        ...(approver === undefined ? {} : { approver: custodyActor(approver) }),
      },
      { product: lot.productId, lot: lot.lotNumber, quantity, location },
    ),
  ]);
  return {
    lots: [{ lotNumber: lot.lotNumber, location, rounds: quantity }],
    rounds: quantity,
    ssccs: [],
    reason,
  };
}

/**
 * Destroys loose rounds of a lot, or a crate or pallet whole (a rejected lot, damaged stock),
 * with a reason. When the plant asks four eyes for destruction, the act is checked in full and
 * waits as a request (`stock.destroy`) for a second person's approval (`headstamp approve`);
 * nothing changes until then.
 *
 * @example
 * const out = await destroyRounds(app, inspector, { lotNumber: 'HSP27A001-002', quantity: 400, reason: 'rejected lot' });
 */
export async function destroyRounds(
  app: AppContext,
  actor: UserActor,
  input: DestroyInput,
): Promise<FourEyesOutcome<Destroyed>> {
  requireRole(actor, ['quality', 'logistics', 'admin'], 'destroy rounds');
  check(input);
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    if (!needsSecondPerson(scenario, 'stock.destroy')) {
      return { status: 'done', result: await destroyRoundsIn(tx, app, actor, undefined, input) };
    }
    // Checked in full first, so a request that waits is one that can be done.
    const what = await whatWouldGo(tx, input);
    const request = await requestApproval(tx, app, scenario, actor, {
      kind: 'stock.destroy',
      payload: { ...input, reason: input.reason.trim() },
      summary: `destroy ${what}: ${input.reason.trim()}`,
    });
    return { status: 'awaiting_approval', request };
  });
}
