/**
 * The packaging hierarchy: a released lot's rounds go into boxes, boxes into crates, crates onto
 * pallets. The rules:
 *
 * - Only released rounds are packed, and never more than were released: packed ≤ released.
 * - Boxes are full boxes (`roundsPerBox`) from one lot. What does not fill a box stays loose in
 *   stock as rounds of the lot (it may be boxed later with nothing else, or shipped loose).
 * - Crates are full crates (`boxesPerCrate` boxes) from one lot; each crate has an SSCC.
 * - Pallets carry 1 … `cratesPerPallet` crates of one product, lots may be mixed; each pallet has
 *   an SSCC. A crate is on at most one pallet.
 *
 * The functions here decide what may be packed; the records keep the counts.
 *
 * @example
 * planBoxes({ looseRounds: 1_000_050 }, spec); // { boxes: 50_002, rounds: 1_000_040, remainder: 10 } when roundsPerBox = 20
 */
import type { FieldProblem } from '../errors.ts';
import { RefusedError, ValidationError } from '../errors.ts';

export interface PackagingSpec {
  readonly roundsPerBox: number;
  readonly boxesPerCrate: number;
  readonly cratesPerPallet: number;
}

/**
 * Checks a packaging spec (from the scenario), naming each bad field.
 *
 * @example
 * packagingSpecProblems({ roundsPerBox: 20, boxesPerCrate: 0, cratesPerPallet: 40 }); // [{ path: 'boxesPerCrate', ... }]
 */
export function packagingSpecProblems(spec: PackagingSpec, path = ''): FieldProblem[] {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  const problems: FieldProblem[] = [];
  for (const field of ['roundsPerBox', 'boxesPerCrate', 'cratesPerPallet'] as const) {
    const value = spec[field];
    if (!Number.isSafeInteger(value) || value < 1) {
      problems.push({ path: at(field), problem: `must be a whole number ≥ 1, got ${value}` });
    }
  }
  return problems;
}

function assertSpec(spec: PackagingSpec): void {
  const problems = packagingSpecProblems(spec, 'packaging');
  if (problems.length > 0)
    throw new ValidationError('packaging.invalid', 'packaging spec has problems', problems);
}

function assertCount(value: number | undefined, path: string): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
    throw new ValidationError('packing.invalid', `${path}: must be a whole number ≥ 1, got ${value}`, [
      { path, problem: `must be a whole number ≥ 1, got ${value}` },
    ]);
  }
}

/** Rounds in one crate. */
export function roundsPerCrate(spec: PackagingSpec): number {
  return spec.roundsPerBox * spec.boxesPerCrate;
}

export interface BoxPlan {
  /** Boxes to fill. */
  readonly boxes: number;
  /** Rounds they take. */
  readonly rounds: number;
  /** Loose rounds left in the lot after boxing. */
  readonly remainder: number;
}

/**
 * How many full boxes the lot's loose released rounds make (all of them, or `wanted`). Refuses
 * when the lot has fewer than `wanted` full boxes' worth.
 *
 * @example
 * planBoxes({ looseRounds: 45 }, { roundsPerBox: 20, boxesPerCrate: 66, cratesPerPallet: 40 }); // { boxes: 2, rounds: 40, remainder: 5 }
 */
export function planBoxes(
  lot: { readonly looseRounds: number },
  spec: PackagingSpec,
  wanted?: number,
): BoxPlan {
  assertSpec(spec);
  assertCount(wanted, 'boxes');
  const possible = Math.floor(lot.looseRounds / spec.roundsPerBox);
  const boxes = wanted ?? possible;
  if (boxes > possible || boxes === 0) {
    throw new RefusedError(
      'packing.not_enough_rounds',
      'not enough loose released rounds for the boxes asked',
      [
        `${boxes === 0 ? 'at least one' : boxes} box(es) of ${spec.roundsPerBox} need ${Math.max(boxes, 1) * spec.roundsPerBox} rounds; the lot has ${lot.looseRounds} loose released rounds (${possible} full box(es))`,
      ],
    );
  }
  const rounds = boxes * spec.roundsPerBox;
  return { boxes, rounds, remainder: lot.looseRounds - rounds };
}

export interface CratePlan {
  readonly crates: number;
  readonly boxes: number;
  /** Boxes of the lot left out of crates. */
  readonly remainder: number;
}

/**
 * How many full single-lot crates the lot's loose boxes make (all, or `wanted`).
 *
 * @example
 * planCrates({ looseBoxes: 140 }, { roundsPerBox: 20, boxesPerCrate: 66, cratesPerPallet: 40 }); // { crates: 2, boxes: 132, remainder: 8 }
 */
export function planCrates(
  lot: { readonly looseBoxes: number },
  spec: PackagingSpec,
  wanted?: number,
): CratePlan {
  assertSpec(spec);
  assertCount(wanted, 'crates');
  const possible = Math.floor(lot.looseBoxes / spec.boxesPerCrate);
  const crates = wanted ?? possible;
  if (crates > possible || crates === 0) {
    throw new RefusedError('packing.not_enough_boxes', 'not enough boxes of the lot for the crates asked', [
      `${crates === 0 ? 'at least one' : crates} crate(s) of ${spec.boxesPerCrate} boxes need ${Math.max(crates, 1) * spec.boxesPerCrate} boxes; the lot has ${lot.looseBoxes} boxes not in crates (${possible} full crate(s))`,
    ]);
  }
  const boxes = crates * spec.boxesPerCrate;
  return { crates, boxes, remainder: lot.looseBoxes - boxes };
}

/** A crate as the pallet rules see it. */
export interface CrateOnHand {
  readonly sscc: string;
  readonly productId: string;
  readonly lotNumber: string;
  /** The pallet the crate is on already, if any. */
  readonly palletSscc?: string;
}

/**
 * Checks that crates may go onto one new pallet: at least one, at most `cratesPerPallet`, one
 * product, none on a pallet already, none twice. Lots may be mixed. Throws a RefusedError naming
 * every failed condition.
 *
 * @example
 * checkPallet(crates, spec); // the product id of the pallet
 */
export function checkPallet(crates: readonly CrateOnHand[], spec: PackagingSpec): string {
  assertSpec(spec);
  const reasons: string[] = [];
  if (crates.length === 0) reasons.push('a pallet needs at least one crate');
  if (crates.length > spec.cratesPerPallet) {
    reasons.push(`a pallet holds at most ${spec.cratesPerPallet} crates, ${crates.length} given`);
  }
  const products = [...new Set(crates.map((c) => c.productId))];
  if (products.length > 1) reasons.push(`crates of one product only, got ${products.join(', ')}`);
  for (const crate of crates) {
    if (crate.palletSscc !== undefined)
      reasons.push(`crate ${crate.sscc} is on pallet ${crate.palletSscc} already`);
  }
  const seen = new Set<string>();
  for (const crate of crates) {
    if (seen.has(crate.sscc)) reasons.push(`crate ${crate.sscc} is given twice`);
    seen.add(crate.sscc);
  }
  if (reasons.length > 0)
    throw new RefusedError('packing.pallet_refused', 'these crates cannot make a pallet', reasons);
  return products[0] as string;
}

/** A lot's rounds by packing level: what the packed ≤ released rule is checked on. */
export interface LotPacking {
  /** Rounds the lot may put into packages: released, less what tests consumed and what left. */
  readonly released: number;
  readonly looseRounds: number;
  readonly boxedRounds: number;
  readonly cratedRounds: number;
}

/**
 * The problems with a lot's packing counts: none negative, packed ≤ released, and every
 * released round somewhere.
 *
 * @example
 * lotPackingProblems({ released: 100, looseRounds: 0, boxedRounds: 60, cratedRounds: 60 }); // [{ path: 'packed', ... }]
 */
export function lotPackingProblems(lot: LotPacking): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['released', 'looseRounds', 'boxedRounds', 'cratedRounds'] as const) {
    if (!Number.isSafeInteger(lot[field]) || lot[field] < 0) {
      problems.push({ path: field, problem: `must be a whole number ≥ 0, got ${lot[field]}` });
    }
  }
  const packed = lot.boxedRounds + lot.cratedRounds;
  if (packed > lot.released) {
    problems.push({
      path: 'packed',
      problem: `packed rounds (${packed}) exceed released rounds (${lot.released})`,
    });
  }
  if (packed + lot.looseRounds !== lot.released) {
    problems.push({
      path: 'looseRounds',
      problem: `loose (${lot.looseRounds}) + packed (${packed}) must equal released (${lot.released})`,
    });
  }
  return problems;
}
