/**
 * Storage locations and the rules of moving stock between them. A location has a kind, a limit
 * in crates, and the hazard classifications (division and compatibility group, `1.4S`) it is
 * licensed to hold. What each kind may hold:
 *
 * | kind        | holds                                                                         |
 * |-------------|-------------------------------------------------------------------------------|
 * | `line-side` | rounds fresh from the line, not yet sampled (`pending`)                       |
 * | `quarantine`| anything: lots waiting for sampling, held or rejected lots, returns           |
 * | `magazine`  | released lots only                                                            |
 * | `shipping`  | released lots only, and only in crates (a consignment leaves in crates)       |
 *
 * Loose rounds and boxes count against the limit as crate equivalents (rounded up), so that a
 * location's limit holds whatever form the stock is in.
 *
 * `checkMove` returns nothing when a move is allowed and throws a RefusedError naming every
 * failed condition otherwise, so the operator sees all of them at once.
 *
 * @example
 * checkMove({
 *   from: quarantine, to: magazine, lotStatus: 'released', classification: '1.4S',
 *   form: 'crate', quantity: 2, crateEquivalents: 2, availableAtSource: 10, occupancyAtTarget: 99,
 * }); // throws: magazine M1 holds at most 100 crate(s): 99 there + 2 incoming = 101
 */
import type { FieldProblem } from '../errors.ts';
import { RefusedError, ValidationError } from '../errors.ts';

export const LOCATION_KINDS = ['magazine', 'quarantine', 'shipping', 'line-side'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Where a lot stands with quality: waiting for sampling, released, held, or rejected. */
export const LOT_STATUSES = ['pending', 'released', 'held', 'rejected'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** The form stock is in: loose rounds, boxes (not in crates), or crates. */
export const STOCK_FORMS = ['round', 'box', 'crate'] as const;
export type StockForm = (typeof STOCK_FORMS)[number];

export interface StorageLocation {
  readonly id: string;
  readonly kind: LocationKind;
  /** Most crates (or crate equivalents) the location may hold. */
  readonly limitCrates: number;
  /** Classification codes it may hold (`1.4S`). */
  readonly classifications: readonly string[];
}

const STATUSES_BY_KIND: Readonly<Record<LocationKind, readonly LotStatus[]>> = {
  'line-side': ['pending'],
  quarantine: ['pending', 'released', 'held', 'rejected'],
  magazine: ['released'],
  shipping: ['released'],
};

/**
 * Checks a location definition, naming each bad field.
 *
 * @example
 * locationProblems({ id: 'M1', kind: 'magazine', limitCrates: 0, classifications: [] });
 * // [{ path: 'limitCrates', ... }, { path: 'classifications', ... }]
 */
export function locationProblems(location: StorageLocation, path = ''): FieldProblem[] {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  const problems: FieldProblem[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(location.id)) {
    problems.push({
      path: at('id'),
      problem: `must be 1–32 letters, digits, '.', '_' or '-', got ${JSON.stringify(location.id)}`,
    });
  }
  if (!(LOCATION_KINDS as readonly string[]).includes(location.kind)) {
    problems.push({
      path: at('kind'),
      problem: `must be one of ${LOCATION_KINDS.join(', ')}, got ${JSON.stringify(location.kind)}`,
    });
  }
  if (!Number.isSafeInteger(location.limitCrates) || location.limitCrates < 1) {
    problems.push({
      path: at('limitCrates'),
      problem: `must be a whole number ≥ 1, got ${location.limitCrates}`,
    });
  }
  if (location.classifications.length === 0) {
    problems.push({
      path: at('classifications'),
      problem: 'must name at least one classification (e.g. 1.4S)',
    });
  }
  location.classifications.forEach((code, i) => {
    if (!/^1\.[1-6][A-HJKLNS]$/.test(code)) {
      problems.push({
        path: at(`classifications[${i}]`),
        problem: `must be a division and group like 1.4S, got ${JSON.stringify(code)}`,
      });
    }
  });
  return problems;
}

/**
 * Crate equivalents of a quantity of rounds: what loose rounds and boxes count against a limit.
 *
 * @example
 * crateEquivalents(1_321, 1_320); // 2
 */
export function crateEquivalents(rounds: number, roundsPerCrate: number): number {
  return Math.ceil(rounds / roundsPerCrate);
}

export interface StockMove {
  readonly from: StorageLocation;
  readonly to: StorageLocation;
  readonly lotStatus: LotStatus;
  /** The product's classification code (`1.4S`). */
  readonly classification: string;
  readonly form: StockForm;
  /** How many of `form` (rounds, boxes or crates). */
  readonly quantity: number;
  /** What the move adds to the target's occupancy, in crates. */
  readonly crateEquivalents: number;
  /** How many of `form` of this lot the source holds. */
  readonly availableAtSource: number;
  /** Crates (and equivalents) already at the target. */
  readonly occupancyAtTarget: number;
}

/**
 * Allows a move or refuses it with every failed condition (RefusedError `stock.move_refused`).
 * A quantity that is not a whole number ≥ 1 is invalid input (ValidationError).
 *
 * @example
 * checkMove({ ...move, to: shipping, form: 'round' }); // throws: shipping S1 takes crates only, not round
 */
export function checkMove(move: StockMove): void {
  if (!Number.isSafeInteger(move.quantity) || move.quantity < 1) {
    throw new ValidationError('stock.invalid', `quantity: must be a whole number ≥ 1, got ${move.quantity}`, [
      { path: 'quantity', problem: `must be a whole number ≥ 1, got ${move.quantity}` },
    ]);
  }
  const reasons: string[] = [];
  const { from, to } = move;
  if (from.id === to.id) reasons.push(`source and target are the same location ${to.id}`);
  if (move.quantity > move.availableAtSource) {
    reasons.push(
      `${from.kind} ${from.id} holds ${move.availableAtSource} ${move.form}(s) of the lot, ${move.quantity} asked`,
    );
  }
  if (!to.classifications.includes(move.classification)) {
    reasons.push(
      `${to.kind} ${to.id} may not hold classification ${move.classification} (holds ${to.classifications.join(', ')})`,
    );
  }
  if (!STATUSES_BY_KIND[to.kind].includes(move.lotStatus)) {
    reasons.push(
      `${to.kind} ${to.id} takes ${STATUSES_BY_KIND[to.kind].join(' or ')} lots only; this lot is ${move.lotStatus}`,
    );
  }
  if (to.kind === 'shipping' && move.form !== 'crate') {
    reasons.push(`shipping ${to.id} takes crates only, not ${move.form}`);
  }
  const after = move.occupancyAtTarget + move.crateEquivalents;
  if (after > to.limitCrates) {
    reasons.push(
      `${to.kind} ${to.id} holds at most ${to.limitCrates} crate(s): ${move.occupancyAtTarget} there + ${move.crateEquivalents} incoming = ${after}`,
    );
  }
  if (reasons.length > 0) {
    throw new RefusedError('stock.move_refused', `move from ${from.id} to ${to.id} refused`, reasons);
  }
}
