/**
 * Physical counts: when the count found differs from the records, the records are adjusted by
 * the difference, and an adjustment always carries a reason (a code from the catalogue, and a
 * note for `other`). A count that matches needs none.
 *
 * @example
 * countAdjustment({ recorded: 120, counted: 118, reason: 'damaged', note: 'crushed box' }); // { delta: -2, ... }
 * countAdjustment({ recorded: 120, counted: 118 }); // throws: an adjustment needs a reason
 */
import type { FieldProblem } from '../errors.ts';
import { ValidationError } from '../errors.ts';

export const ADJUSTMENT_REASONS = [
  'miscount', // the earlier count or record was wrong
  'damaged', // damaged in store, set aside for destruction
  'found', // stock found that the records did not hold
  'missing', // stock not found: a loss to investigate
  'other', // anything else: the note says what
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export interface CountInput {
  readonly recorded: number;
  readonly counted: number;
  readonly reason?: string;
  readonly note?: string;
}

export interface CountAdjustment {
  readonly recorded: number;
  readonly counted: number;
  /** counted − recorded: what the records change by (0: nothing to adjust). */
  readonly delta: number;
  readonly reason?: AdjustmentReason;
  readonly note?: string;
}

/**
 * Checks a count and works out the adjustment, naming each bad field at once.
 *
 * @example
 * countAdjustment({ recorded: 10, counted: 10 }); // { recorded: 10, counted: 10, delta: 0 }
 */
export function countAdjustment(input: CountInput): CountAdjustment {
  const problems: FieldProblem[] = [];
  if (!Number.isSafeInteger(input.counted) || input.counted < 0) {
    problems.push({ path: 'counted', problem: `must be a whole number ≥ 0, got ${input.counted}` });
  }
  const delta = input.counted - input.recorded;
  const reason = input.reason;
  const note = input.note?.trim();
  if (reason !== undefined && !(ADJUSTMENT_REASONS as readonly string[]).includes(reason)) {
    problems.push({
      path: 'reason',
      problem: `must be one of ${ADJUSTMENT_REASONS.join(', ')}, got ${JSON.stringify(reason)}`,
    });
  } else if (delta !== 0 && reason === undefined && Number.isSafeInteger(input.counted)) {
    problems.push({
      path: 'reason',
      problem: `an adjustment of ${delta > 0 ? '+' : ''}${delta} needs a reason (${ADJUSTMENT_REASONS.join(', ')})`,
    });
  }
  if (reason === 'other' && (note === undefined || note === '')) {
    problems.push({ path: 'note', problem: "must say what happened when the reason is 'other'" });
  }
  if (problems.length > 0) throw new ValidationError('stock.count_invalid', 'count has problems', problems);
  return {
    recorded: input.recorded,
    counted: input.counted,
    delta,
    ...(delta !== 0 && reason !== undefined ? { reason: reason as AdjustmentReason } : {}),
    ...(note !== undefined && note !== '' ? { note } : {}),
  };
}
