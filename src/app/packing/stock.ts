import { NotFoundError, RefusedError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import {
  checkMove,
  crateEquivalents,
  type StockForm,
  type StorageLocation,
} from '../../domain/stock/index.ts';
import { crateMoved } from '../../ledger/builders.ts';
import type { Executor, Tx } from '../../store/database.ts';
import { lotRepository, type LotRecord } from '../../store/repositories/lots.ts';
import { qualityRepository } from '../../store/repositories/quality.ts';
import { stockRepository, type CrateRecord, type LooseForm } from '../../store/repositories/stock.ts';
import type { Keyset, KeysetPage } from '../../store/keyset.ts';
import type { Actor } from '../actor.ts';
import { requireRole } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { appendCustody, custodyActor } from '../custody.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber, lotStatus } from '../quality/lot-quality.ts';
import { withTransaction } from '../transaction.ts';
import { looseStockMoved, placeCommissionedLot, quarantineLocation } from './lot-stock.ts';
import { packagingOf } from './pack.ts';

/** One line of the stock list: a lot's stock in one form at one location. */
export interface StockLine {
  /** `location:lotNumber:form`. */
  readonly id: string;
  readonly locationId: string;
  readonly lotNumber: string;
  readonly productId: string;
  readonly status: string;
  readonly form: StockForm;
  /** Rounds, boxes or crates. */
  readonly quantity: number;
  readonly rounds: number;
}

export interface LocationUse {
  readonly id: string;
  readonly kind: string;
  readonly limitCrates: number;
  /** Crates plus crate equivalents of loose stock. */
  readonly occupancy: number;
}

function locationsOf(scenario: Scenario): StorageLocation[] {
  return scenario.storage.map((s) => ({
    id: s.id,
    kind: s.kind,
    limitCrates: s.limitCrates,
    classifications: s.allowedDivisions,
  }));
}

/** A storage location of the scenario, or NotFound naming it. */
export function locationOf(scenario: Scenario, id: string): StorageLocation {
  const location = locationsOf(scenario).find((l) => l.id === id);
  if (location === undefined)
    throw new NotFoundError('location.not_found', `no storage location ${id}`, { location: id });
  return location;
}

/** Rounds in `quantity` of a form (round, box, crate) of a product. */
export function roundsOf(scenario: Scenario, productId: string, form: StockForm, quantity: number): number {
  const spec = packagingOf(scenario, productId);
  return form === 'round'
    ? quantity
    : form === 'box'
      ? quantity * spec.roundsPerBox
      : quantity * spec.roundsPerBox * spec.boxesPerCrate;
}

/** Crates and crate equivalents of loose stock at a location. */
async function occupancy(
  ex: Executor,
  scenario: Scenario,
  locationId: string,
  lots: ReadonlyMap<string, LotRecord>,
): Promise<number> {
  const stock = stockRepository(ex);
  let total = await stock.crateCount(locationId);
  const perLot = new Map<string, number>();
  for (const row of await stock.allLoose()) {
    if (row.locationId !== locationId) continue;
    const lot = lots.get(row.lotId);
    if (lot === undefined) continue;
    perLot.set(
      row.lotId,
      (perLot.get(row.lotId) ?? 0) + roundsOf(scenario, lot.productId, row.form, row.quantity),
    );
  }
  if (locationId === quarantineLocation(scenario)) {
    // Lots not yet placed are loose in quarantine (see placeCommissionedLot).
    const placed = await stock.lotsWithStock();
    for (const lot of lots.values()) if (!placed.has(lot.id)) perLot.set(lot.id, lot.quantity);
  }
  for (const [lotId, rounds] of perLot) {
    const spec = packagingOf(scenario, lots.get(lotId)?.productId ?? '');
    total += crateEquivalents(rounds, spec.roundsPerBox * spec.boxesPerCrate);
  }
  return total;
}

async function lotsById(ex: Executor): Promise<Map<string, LotRecord>> {
  return new Map((await lotRepository(ex).list()).map((l) => [l.id, l]));
}

/**
 * Stock by location: each lot's loose rounds, loose boxes and crates at each location (lots not
 * yet placed count as loose in quarantine), and each location's use of its limit.
 *
 * @example
 * const { lines, locations } = await listStock(app, actor);
 */
export async function listStock(
  app: AppContext,
  actor: Actor,
): Promise<{ lines: StockLine[]; locations: LocationUse[] }> {
  requireRole(actor, staff, 'read stock');
  const scenario = await plantScenario(app.store);
  const lots = await lotsById(app.store);
  const stock = stockRepository(app.store);
  const lines: StockLine[] = [];
  // Three queries whatever the number of lots: stock rows, crate counts, current decisions.
  const statuses = await qualityRepository(app.store).currentStatuses();
  const placed = await stock.lotsWithStock();
  const line = (lot: LotRecord, locationId: string, form: StockForm, quantity: number): void => {
    if (quantity === 0) return;
    lines.push({
      id: `${locationId}:${lot.lotNumber}:${form}`,
      locationId,
      lotNumber: lot.lotNumber,
      productId: lot.productId,
      status: statuses.get(lot.id) ?? 'pending',
      form,
      quantity,
      rounds: roundsOf(scenario, lot.productId, form, quantity),
    });
  };
  for (const row of await stock.allLoose()) {
    const lot = lots.get(row.lotId);
    if (lot !== undefined) line(lot, row.locationId, row.form, row.quantity);
  }
  for (const row of await stock.crateCounts()) {
    const lot = lots.get(row.lotId);
    if (lot !== undefined) line(lot, row.locationId, 'crate', row.crates);
  }
  // A lot not yet placed is loose in quarantine, as placeCommissionedLot will put it.
  for (const lot of lots.values()) {
    if (!placed.has(lot.id)) line(lot, quarantineLocation(scenario), 'round', lot.quantity);
  }
  lines.sort((a, b) => a.id.localeCompare(b.id));
  return { lines, locations: locationUses(scenario, lines) };
}

/** Each location's use of its limit: crates, plus each lot's loose rounds and boxes as crate equivalents. */
function locationUses(
  scenario: Scenario,
  lines: readonly Pick<
    StockLine,
    'locationId' | 'lotNumber' | 'productId' | 'form' | 'quantity' | 'rounds'
  >[],
): LocationUse[] {
  const locations: LocationUse[] = [];
  for (const l of locationsOf(scenario)) {
    // A limit counts crates, and each lot's loose rounds and boxes as crate equivalents.
    let total = 0;
    const looseRounds = new Map<string, { rounds: number; productId: string }>();
    for (const x of lines.filter((y) => y.locationId === l.id)) {
      if (x.form === 'crate') total += x.quantity;
      else {
        const entry = looseRounds.get(x.lotNumber) ?? { rounds: 0, productId: x.productId };
        looseRounds.set(x.lotNumber, { ...entry, rounds: entry.rounds + x.rounds });
      }
    }
    for (const entry of looseRounds.values()) {
      const spec = packagingOf(scenario, entry.productId);
      total += crateEquivalents(entry.rounds, spec.roundsPerBox * spec.boxesPerCrate);
    }
    locations.push({ id: l.id, kind: l.kind, limitCrates: l.limitCrates, occupancy: total });
  }
  return locations;
}

/**
 * One page of stock lines in key order (`location:lotNumber:form`), paged in the query, with every
 * location's use of its limit (a summary of all stock, so it is the same on every page).
 *
 * @example
 * const { items, nextKey, locations } = await pageStock(app, actor, { limit: 100 });
 */
export async function pageStock(
  app: AppContext,
  actor: Actor,
  page: Keyset,
): Promise<KeysetPage<StockLine> & { locations: LocationUse[] }> {
  requireRole(actor, staff, 'read stock');
  const scenario = await plantScenario(app.store);
  const stock = stockRepository(app.store);
  const quarantine = quarantineLocation(scenario);
  const rows = await stock.stockLines(quarantine, page);
  const statuses = await qualityRepository(app.store).statusesOf(rows.items.map((r) => r.lotId));
  const items = rows.items.map((r): StockLine => ({
    id: r.key,
    locationId: r.locationId,
    lotNumber: r.lotNumber,
    productId: r.productId,
    status: statuses.get(r.lotId) ?? 'pending',
    form: r.form,
    quantity: r.quantity,
    rounds: roundsOf(scenario, r.productId, r.form, r.quantity),
  }));
  // One aggregate query, not every stock line, so a page costs the same whatever the stock.
  const use = await stock.locationUse(
    quarantine,
    scenario.products.map((p) => ({
      productId: p.id,
      roundsPerBox: p.packaging.roundsPerBox,
      roundsPerCrate: p.packaging.roundsPerBox * p.packaging.boxesPerCrate,
    })),
  );
  const locations = locationsOf(scenario).map((l): LocationUse => ({
    id: l.id,
    kind: l.kind,
    limitCrates: l.limitCrates,
    occupancy: use.get(l.id) ?? 0,
  }));
  return { items, nextKey: rows.nextKey, locations };
}

export type MoveInput =
  | { readonly sscc: string; readonly to: string }
  | {
      readonly lotNumber: string;
      readonly form: LooseForm;
      readonly quantity: number;
      readonly from: string;
      readonly to: string;
    };

export interface MoveResult {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The SSCCs moved (a pallet and its crates), or none for loose stock. */
  readonly ssccs: readonly string[];
  readonly lotNumbers: readonly string[];
  readonly rounds: number;
}

/**
 * Moves a crate or a pallet (by SSCC) or a lot's loose rounds or boxes to another location,
 * when the target may take them (kind, lot status, hazard classification, limit), with its
 * custody event. Refusals name every failed condition. Logistics (or admin) only.
 *
 * @example
 * await moveStock(app, clerk, { sscc: '106141410000000017', to: 'magazine-1' });
 * await moveStock(app, clerk, { lotNumber: 'HSP26L001-001', form: 'box', quantity: 3, from: 'quarantine', to: 'magazine-1' });
 */
export async function moveStock(app: AppContext, actor: Actor, input: MoveInput): Promise<MoveResult> {
  requireRole(actor, ['logistics', 'admin'], 'move stock');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const lots = await lotsById(tx);
    const to = locationOf(scenario, input.to);
    const at = app.clock.now().toISOString();
    if ('sscc' in input) return moveUnit(tx, app, actor, scenario, lots, input.sscc, to, at);

    const lot = await lotByNumber(tx, input.lotNumber);
    await placeCommissionedLot(tx, scenario, lot);
    const from = locationOf(scenario, input.from);
    const stock = stockRepository(tx);
    const rounds = roundsOf(scenario, lot.productId, input.form, input.quantity);
    const spec = packagingOf(scenario, lot.productId);
    checkMove({
      from,
      to,
      lotStatus: await lotStatus(tx, lot.id),
      classification: hazardOf(scenario, lot.productId),
      form: input.form,
      quantity: input.quantity,
      crateEquivalents: crateEquivalents(rounds, spec.roundsPerBox * spec.boxesPerCrate),
      availableAtSource: await stock.loose(lot.id, from.id, input.form),
      occupancyAtTarget: await occupancy(tx, scenario, to.id, lots),
    });
    if (!(await stock.addLoose(lot.id, from.id, input.form, -input.quantity))) {
      throw new RefusedError('stock.move_refused', `move from ${from.id} to ${to.id} refused`, [
        `${from.kind} ${from.id} no longer holds ${input.quantity} ${input.form}(s) of the lot`,
      ]);
    }
    await stock.addLoose(lot.id, to.id, input.form, input.quantity);
    await appendCustody(tx, [
      looseStockMoved(
        { eventID: app.ids.next('event'), eventTime: at, actor: custodyActor(actor) },
        { product: lot.productId, lot: lot.lotNumber, quantity: rounds, from: from.id, to: to.id },
      ),
    ]);
    return { id: lot.id, from: from.id, to: to.id, ssccs: [], lotNumbers: [lot.lotNumber], rounds };
  });
}

function hazardOf(scenario: Scenario, productId: string): string {
  const product = scenario.products.find((p) => p.id === productId);
  if (product === undefined)
    throw new NotFoundError('product.not_found', `no product ${productId}`, { productId });
  return product.hazardDivision;
}

async function moveUnit(
  tx: Tx,
  app: AppContext,
  actor: Actor,
  scenario: Scenario,
  lots: ReadonlyMap<string, LotRecord>,
  sscc: string,
  to: StorageLocation,
  at: string,
): Promise<MoveResult> {
  const stock = stockRepository(tx);
  const crate = await stock.crateBySscc(sscc);
  const pallet = crate === undefined ? await stock.palletBySscc(sscc) : undefined;
  if (crate === undefined && pallet === undefined) {
    throw new NotFoundError('sscc.not_found', `no crate or pallet with SSCC ${sscc}`, { sscc });
  }
  let crates: CrateRecord[];
  if (crate !== undefined) {
    if (crate.palletId !== null) {
      const on = (await stock.pallets()).find((p) => p.id === crate.palletId);
      throw new RefusedError('stock.move_refused', `crate ${sscc} is on a pallet`, [
        `crate ${sscc} is on pallet ${on?.sscc ?? crate.palletId}: move the pallet`,
      ]);
    }
    crates = [crate];
  } else {
    crates = await stock.crates({ palletId: pallet?.id ?? '' });
  }
  const stillHere = new Set(
    (
      await stock.crates({
        ...(crate !== undefined ? { lotId: crate.lotId } : { palletId: pallet?.id ?? '' }),
        inPlant: true,
      })
    ).map((c) => c.id),
  );
  if (crates.some((c) => !stillHere.has(c.id))) {
    throw new RefusedError('stock.move_refused', `${sscc} has left the plant`, [
      `${sscc} was shipped: it is no longer in stock`,
    ]);
  }
  const fromId = crate?.locationId ?? pallet?.locationId ?? '';
  const from = locationOf(scenario, fromId);
  const targetOccupancy = await occupancy(tx, scenario, to.id, lots);
  // Each lot on the unit must be allowed at the target; the limit counts all crates together.
  const reasons = new Set<string>();
  const byLot = new Map<string, CrateRecord[]>();
  for (const c of crates) byLot.set(c.lotId, [...(byLot.get(c.lotId) ?? []), c]);
  for (const [lotId, lotCrates] of byLot) {
    try {
      checkMove({
        from,
        to,
        lotStatus: await lotStatus(tx, lotId),
        classification: hazardOf(scenario, lotCrates[0]?.productId ?? ''),
        form: 'crate',
        quantity: lotCrates.length,
        crateEquivalents: crates.length,
        availableAtSource: lotCrates.length,
        occupancyAtTarget: targetOccupancy,
      });
    } catch (error) {
      if (!(error instanceof RefusedError)) throw error;
      for (const r of error.reasons) reasons.add(r);
    }
  }
  if (reasons.size > 0)
    throw new RefusedError('stock.move_refused', `move of ${sscc} from ${from.id} to ${to.id} refused`, [
      ...reasons,
    ]);
  await stock.moveCrates(
    crates.map((c) => c.id),
    to.id,
  );
  if (pallet !== undefined) await stock.movePallet(pallet.id, to.id);
  const ssccs = [...(pallet === undefined ? [] : [pallet.sscc]), ...crates.map((c) => c.sscc)];
  await appendCustody(tx, [
    crateMoved(
      { eventID: app.ids.next('event'), eventTime: at, actor: custodyActor(actor) },
      { ssccs, from: from.id, to: to.id },
    ),
  ]);
  return {
    id: crate?.id ?? pallet?.id ?? '',
    from: from.id,
    to: to.id,
    ssccs,
    lotNumbers: [...byLot.keys()].map((id) => lots.get(id)?.lotNumber ?? id),
    rounds: crates.reduce((sum, c) => sum + c.rounds, 0),
  };
}

export interface CrateView extends CrateRecord {
  readonly lotNumber: string;
  readonly palletSscc: string | null;
}

/**
 * Crates with their SSCCs, lot numbers, locations and pallets; optionally of one lot or at one
 * location.
 *
 * @example
 * const crates = await listCrates(app, actor, { lotNumber: 'HSP26L001-001' });
 */
export async function listCrates(
  app: AppContext,
  actor: Actor,
  filter: { lotNumber?: string; location?: string } = {},
): Promise<CrateView[]> {
  requireRole(actor, staff, 'read stock');
  const lotId =
    filter.lotNumber === undefined ? undefined : (await lotByNumber(app.store, filter.lotNumber)).id;
  const stock = stockRepository(app.store);
  const lots = await lotsById(app.store);
  const pallets = new Map((await stock.pallets()).map((p) => [p.id, p.sscc]));
  const crates = await stock.crates({
    inPlant: true,
    ...(lotId === undefined ? {} : { lotId }),
    ...(filter.location === undefined ? {} : { locationId: filter.location }),
  });
  return crates.map((c) => ({
    ...c,
    lotNumber: lots.get(c.lotId)?.lotNumber ?? c.lotId,
    palletSscc: c.palletId === null ? null : (pallets.get(c.palletId) ?? null),
  }));
}
