/**
 * Ammunition lot numbers, modelled on MIL-STD-1168 (ammunition lot numbering):
 *
 * ```
 *   HSP 26 A 001 - 023 [B]
 *   │   │  │ │      │    └ suffix: optional letter for a lot split off an existing lot (rework, re-grading)
 *   │   │  │ │      └ sequence: 001–999, the lot's number within its series
 *   │   │  │ └ interfix: 001–999, the production series (the plant uses the line number: 001 = L1)
 *   │   │  └ month of manufacture: A = January … M = December (no I, as MIL-STD-1168)
 *   │   └ year of manufacture, two digits
 *   └ manufacturer's identification code: three capital letters (the same code as the headstamp)
 * ```
 *
 * Written `HSP26A001-023`. A number is unique within a plant: the plant never issues the same
 * (manufacturer, year, month, interfix, sequence) twice; `nextLotNumber` gives the next
 * sequence of a series from those already issued.
 *
 * @example
 * const lot = parseLotNumber('HSP26A001-023');
 * lot.month; // 1 (January)
 * formatLotNumber({ ...lot, sequence: 24 }); // 'HSP26A001-024'
 */
import type { FieldProblem } from '../errors.ts';
import { RefusedError, ValidationError } from '../errors.ts';

export interface LotNumber {
  /** Three capital letters. */
  readonly manufacturer: string;
  /** Full year (2026); written with two digits. */
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–999. */
  readonly interfix: number;
  /** 1–999. */
  readonly sequence: number;
  /** One capital letter for a lot split off another, else absent. */
  readonly suffix?: string;
}

/** Month letters A–M without I (MIL-STD-1168), January first. */
export const MONTH_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M'] as const;

const PATTERN = /^([A-Z]{3})(\d{2})([A-HJ-M])(\d{3})-(\d{3})([A-Z])?$/;

/** The two-digit years are read in this century: 00–99 → 2000–2099. */
const CENTURY = 2000;

/**
 * The problems with a candidate lot number, by field; empty when it is well formed.
 *
 * @example
 * lotNumberProblems({ manufacturer: 'HS', year: 2026, month: 13, interfix: 1, sequence: 0 });
 * // [{ path: 'manufacturer', ... }, { path: 'month', ... }, { path: 'sequence', ... }]
 */
export function lotNumberProblems(lot: LotNumber, path = ''): FieldProblem[] {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  const problems: FieldProblem[] = [];
  const whole = (v: number, lo: number, hi: number): boolean => Number.isInteger(v) && v >= lo && v <= hi;
  if (!/^[A-Z]{3}$/.test(lot.manufacturer)) {
    problems.push({
      path: at('manufacturer'),
      problem: `must be three capital letters, got ${JSON.stringify(lot.manufacturer)}`,
    });
  }
  if (!whole(lot.year, CENTURY, CENTURY + 99)) {
    problems.push({
      path: at('year'),
      problem: `must be a year from ${CENTURY} to ${CENTURY + 99}, got ${lot.year}`,
    });
  }
  if (!whole(lot.month, 1, 12))
    problems.push({ path: at('month'), problem: `must be 1–12, got ${lot.month}` });
  if (!whole(lot.interfix, 1, 999))
    problems.push({ path: at('interfix'), problem: `must be 1–999, got ${lot.interfix}` });
  if (!whole(lot.sequence, 1, 999))
    problems.push({ path: at('sequence'), problem: `must be 1–999, got ${lot.sequence}` });
  if (lot.suffix !== undefined && !/^[A-Z]$/.test(lot.suffix)) {
    problems.push({
      path: at('suffix'),
      problem: `must be one capital letter, got ${JSON.stringify(lot.suffix)}`,
    });
  }
  return problems;
}

/**
 * Writes a lot number; throws a ValidationError when a field is out of range.
 *
 * @example
 * formatLotNumber({ manufacturer: 'HSP', year: 2026, month: 11, interfix: 2, sequence: 7 }); // 'HSP26L002-007'
 */
export function formatLotNumber(lot: LotNumber): string {
  const problems = lotNumberProblems(lot);
  if (problems.length > 0) {
    throw new ValidationError('lot_number.invalid', `lot number has ${problems.length} problem(s)`, problems);
  }
  const pad = (v: number): string => String(v).padStart(3, '0');
  const yy = String(lot.year % 100).padStart(2, '0');
  return `${lot.manufacturer}${yy}${MONTH_LETTERS[lot.month - 1]}${pad(lot.interfix)}-${pad(lot.sequence)}${lot.suffix ?? ''}`;
}

/**
 * Reads a lot number, or throws a ValidationError (code `lot_number.invalid`) saying what is wrong.
 *
 * @example
 * parseLotNumber('HSP26A001-023'); // { manufacturer: 'HSP', year: 2026, month: 1, interfix: 1, sequence: 23 }
 */
export function parseLotNumber(text: string, path = 'lotNumber'): LotNumber {
  const match = PATTERN.exec(text);
  if (match === null) {
    throw new ValidationError('lot_number.invalid', `${path}: not a lot number: ${JSON.stringify(text)}`, [
      {
        path,
        problem: `must look like HSP26A001-023 (maker, year, month A–M without I, interfix, '-', sequence), got ${JSON.stringify(text)}`,
      },
    ]);
  }
  const [, manufacturer, yy, monthLetter, interfix, sequence, suffix] = match;
  const lot: LotNumber = {
    manufacturer: manufacturer ?? '',
    year: CENTURY + Number(yy),
    month: MONTH_LETTERS.indexOf(monthLetter as (typeof MONTH_LETTERS)[number]) + 1,
    interfix: Number(interfix),
    sequence: Number(sequence),
    ...(suffix !== undefined ? { suffix } : {}),
  };
  const problems = lotNumberProblems(lot, path);
  if (problems.length > 0) {
    throw new ValidationError(
      'lot_number.invalid',
      `${path}: ${problems.map((p) => p.problem).join('; ')}`,
      problems,
    );
  }
  return lot;
}

/**
 * @example
 * isLotNumber('HSP26A001-023'); // true
 * isLotNumber('HSP26I001-023'); // false: no month I
 */
export function isLotNumber(text: string): boolean {
  try {
    parseLotNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** The series a lot belongs to: everything but the sequence and suffix. */
export type LotSeries = Omit<LotNumber, 'sequence' | 'suffix'>;

/**
 * The next lot number of a series, given the numbers the plant has already issued (any series;
 * others are ignored). Refuses when the series has used all 999 sequence numbers.
 *
 * @example
 * nextLotNumber({ manufacturer: 'HSP', year: 2026, month: 11, interfix: 1 }, ['HSP26L001-004']); // 'HSP26L001-005'
 */
export function nextLotNumber(series: LotSeries, issued: Iterable<string>): string {
  let highest = 0;
  for (const text of issued) {
    const lot = parseLotNumber(text);
    if (
      lot.manufacturer === series.manufacturer &&
      lot.year === series.year &&
      lot.month === series.month &&
      lot.interfix === series.interfix
    ) {
      highest = Math.max(highest, lot.sequence);
    }
  }
  if (highest >= 999) {
    throw new RefusedError('lot_number.exhausted', 'no lot number left in this series', [
      `series ${formatLotNumber({ ...series, sequence: 999 }).slice(0, 9)} has issued all 999 sequence numbers: use another interfix`,
    ]);
  }
  return formatLotNumber({ ...series, sequence: highest + 1 });
}

/**
 * The series of a lot made at a given instant (UTC year and month) on a given interfix.
 *
 * @example
 * lotSeriesAt('HSP', new Date('2026-11-22T06:00:00Z'), 1); // { manufacturer: 'HSP', year: 2026, month: 11, interfix: 1 }
 */
export function lotSeriesAt(manufacturer: string, at: Date, interfix: number): LotSeries {
  return { manufacturer, year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, interfix };
}
