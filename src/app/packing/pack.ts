import { ConflictError, NotFoundError, RefusedError } from '../../domain/errors.ts';
import { checkPallet, planBoxes, planCrates, type PackagingSpec } from '../../domain/packing/index.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { cratePacked, palletBuilt } from '../../ledger/builders.ts';
import type { Tx } from '../../store/database.ts';
import type { LotRecord } from '../../store/repositories/lots.ts';
import { stockRepository, type CrateRecord, type PalletRecord } from '../../store/repositories/stock.ts';
import type { Actor } from '../actor.ts';
import { actorRef, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody, custodyActor } from '../custody.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber, lotStatus } from '../quality/lot-quality.ts';
import { withTransaction } from '../transaction.ts';
import { placeCommissionedLot } from './lot-stock.ts';
import { nextSscc } from './sscc.ts';

export interface PackLotInput {
  readonly lotNumber: string;
  /** Where to pack: a location holding the lot's loose stock (default: the one holding most). */
  readonly location?: string;
  /** Boxes to fill (default: as many full boxes as the loose rounds make; 0: none). */
  readonly boxes?: number;
  /** Crates to fill (default: as many full crates as the loose boxes make; 0: none). */
  readonly crates?: number;
}

export interface PackedLot {
  readonly id: string;
  readonly lotNumber: string;
  readonly location: string;
  readonly boxesFilled: number;
  readonly crates: readonly CrateRecord[];
  /** Loose rounds and boxes of the lot left at the location. */
  readonly looseRounds: number;
  readonly looseBoxes: number;
}

export function packagingOf(scenario: Scenario, productId: string): PackagingSpec {
  const product = scenario.products.find((p) => p.id === productId);
  if (product === undefined)
    throw new NotFoundError('product.not_found', `no product ${productId}`, { productId });
  return product.packaging;
}

async function packingLocation(tx: Tx, lot: LotRecord, wanted: string | undefined): Promise<string> {
  if (wanted !== undefined) return wanted;
  const rows = await stockRepository(tx).looseOfLot(lot.id);
  const best = rows.sort((a, b) => b.quantity - a.quantity)[0];
  if (best === undefined || best.quantity === 0) {
    throw new RefusedError('packing.nothing_loose', `lot ${lot.lotNumber} has no loose stock to pack`, [
      'every round of the lot is in crates already, consumed, or gone',
    ]);
  }
  return best.locationId;
}

/**
 * Packs a released lot at one location: loose rounds into full boxes, then full boxes into full
 * single-lot crates, each crate with a new SSCC and its custody event. What does not fill a box
 * (or a crate) stays loose there. Logistics (or admin) only.
 *
 * @example
 * const packed = await packLot(app, clerk, { lotNumber: 'HSP26L001-001' });
 * packed.crates.map((c) => c.sscc);
 */
export async function packLot(app: AppContext, actor: Actor, input: PackLotInput): Promise<PackedLot> {
  requireRole(actor, ['logistics', 'admin'], 'pack a lot');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const lot = await lotByNumber(tx, input.lotNumber);
    const status = await lotStatus(tx, lot.id);
    if (status !== 'released') {
      throw new RefusedError('packing.not_released', `lot ${lot.lotNumber} is ${status}`, [
        `only released lots are packed; lot ${lot.lotNumber} is ${status}`,
      ]);
    }
    await placeCommissionedLot(tx, scenario, lot);
    const spec = packagingOf(scenario, lot.productId);
    const stock = stockRepository(tx);
    const location = await packingLocation(tx, lot, input.location);
    const at = app.clock.now().toISOString();
    const by = actorRef(actor);

    let boxesFilled = 0;
    if (input.boxes !== 0) {
      const looseRounds = await stock.loose(lot.id, location, 'round');
      const canBox = looseRounds >= spec.roundsPerBox;
      if (canBox || input.boxes !== undefined) {
        const plan = planBoxes({ looseRounds }, spec, input.boxes);
        if (!(await stock.addLoose(lot.id, location, 'round', -plan.rounds))) {
          throw new ConflictError('packing.stock_changed', 'the lot stock changed meanwhile: try again');
        }
        await stock.addLoose(lot.id, location, 'box', plan.boxes);
        boxesFilled = plan.boxes;
      }
    }

    const crates: CrateRecord[] = [];
    if (input.crates !== 0) {
      const looseBoxes = await stock.loose(lot.id, location, 'box');
      if (looseBoxes >= spec.boxesPerCrate || input.crates !== undefined) {
        const plan = planCrates({ looseBoxes }, spec, input.crates);
        if (!(await stock.addLoose(lot.id, location, 'box', -plan.boxes))) {
          throw new ConflictError('packing.stock_changed', 'the lot stock changed meanwhile: try again');
        }
        for (let i = 0; i < plan.crates; i++) {
          const crate: CrateRecord = {
            id: app.ids.next('crate'),
            sscc: await nextSscc(tx, scenario, 'crate'),
            lotId: lot.id,
            productId: lot.productId,
            boxes: spec.boxesPerCrate,
            rounds: spec.boxesPerCrate * spec.roundsPerBox,
            locationId: location,
            palletId: null,
            packedAt: at,
            actor: by,
          };
          await stock.insertCrate(crate);
          crates.push(crate);
        }
        await appendCustody(
          tx,
          crates.map((crate) =>
            cratePacked(
              { eventID: app.ids.next('event'), eventTime: at, actor: custodyActor(actor) },
              {
                sscc: crate.sscc,
                contents: [{ product: lot.productId, lot: lot.lotNumber, quantity: crate.rounds }],
                location,
              },
            ),
          ),
        );
      }
    }
    if (boxesFilled === 0 && crates.length === 0) {
      throw new RefusedError(
        'packing.nothing_to_pack',
        `lot ${lot.lotNumber} has nothing to pack at ${location}`,
        [
          `${await stock.loose(lot.id, location, 'round')} loose rounds (a box takes ${spec.roundsPerBox}) and ${await stock.loose(lot.id, location, 'box')} loose boxes (a crate takes ${spec.boxesPerCrate})`,
        ],
      );
    }
    return {
      id: lot.id,
      lotNumber: lot.lotNumber,
      location,
      boxesFilled,
      crates,
      looseRounds: await stock.loose(lot.id, location, 'round'),
      looseBoxes: await stock.loose(lot.id, location, 'box'),
    };
  });
}

/**
 * Builds a pallet of crates (one product, lots may be mixed, all at one location, none on a
 * pallet already), with a new SSCC and its custody event.
 *
 * @example
 * const pallet = await buildPallet(app, clerk, { crates: ['106141410000000017', '106141410000000024'] });
 */
export async function buildPallet(
  app: AppContext,
  actor: Actor,
  input: { crates: readonly string[] },
): Promise<PalletRecord & { crates: readonly string[] }> {
  requireRole(actor, ['logistics', 'admin'], 'build a pallet');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const stock = stockRepository(tx);
    const crates: CrateRecord[] = [];
    const missing: string[] = [];
    for (const sscc of input.crates) {
      const crate = await stock.crateBySscc(sscc);
      if (crate === undefined) missing.push(sscc);
      else crates.push(crate);
    }
    if (missing.length > 0) {
      throw new NotFoundError('crate.not_found', `no crate with SSCC ${missing.join(', ')}`, {
        ssccs: missing,
      });
    }
    const pallets = new Map<string, string>();
    for (const crate of crates) {
      if (crate.palletId !== null)
        pallets.set(crate.palletId, (await palletSscc(tx, crate.palletId)) ?? crate.palletId);
    }
    const productId = crates[0]?.productId ?? '';
    const spec = packagingOf(scenario, productId === '' ? (scenario.products[0]?.id ?? '') : productId);
    checkPallet(
      crates.map((c) => ({
        sscc: c.sscc,
        productId: c.productId,
        lotNumber: c.lotId,
        ...(c.palletId === null ? {} : { palletSscc: pallets.get(c.palletId) ?? c.palletId }),
      })),
      spec,
    );
    const locations = [...new Set(crates.map((c) => c.locationId))];
    if (locations.length > 1) {
      throw new RefusedError('packing.pallet_refused', 'these crates cannot make a pallet', [
        `crates of one location only, got ${locations.join(', ')}`,
      ]);
    }
    const location = locations[0] as string;
    const at = app.clock.now().toISOString();
    const pallet: PalletRecord = {
      id: app.ids.next('pallet'),
      sscc: await nextSscc(tx, scenario, 'pallet'),
      productId,
      locationId: location,
      builtAt: at,
      actor: actorRef(actor),
    };
    await stock.insertPallet(pallet);
    await stock.setCratesPallet(
      crates.map((c) => c.id),
      pallet.id,
    );
    await appendCustody(tx, [
      palletBuilt(
        { eventID: app.ids.next('event'), eventTime: at, actor: custodyActor(actor) },
        { sscc: pallet.sscc, crates: crates.map((c) => c.sscc), location },
      ),
    ]);
    return { ...pallet, crates: crates.map((c) => c.sscc) };
  });
}

async function palletSscc(tx: Tx, palletId: string): Promise<string | undefined> {
  return (await stockRepository(tx).pallets()).find((p) => p.id === palletId)?.sscc;
}
