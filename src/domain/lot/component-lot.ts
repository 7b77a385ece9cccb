/**
 * Component lots: components (cases, bullets, primers, propellant, packaging) are counted units
 * received in lots. The supplier's own lot number is kept as free text (each supplier writes it
 * its own way); on receipt the plant gives the lot its own number, so that every component lot
 * has one form in the records:
 *
 * ```
 *   CASE-26L-0007
 *   │    │ │  └ receipt sequence in that month, 0001–9999
 *   │    │ └ month of receipt, A–M without I (as lot numbers)
 *   │    └ year of receipt, two digits
 *   └ component code: 2–6 capital letters or digits, starting with a letter
 * ```
 *
 * @example
 * formatComponentLotNumber({ component: 'CASE', year: 2026, month: 11, sequence: 7 }); // 'CASE-26L-0007'
 * supplierLotProblems('  '); // [{ path: 'supplierLot', problem: 'must not be empty' }]
 */
import type { FieldProblem } from '../errors.ts';
import { ValidationError } from '../errors.ts';
import { MONTH_LETTERS } from './lot-number.ts';

export interface ComponentLotNumber {
  readonly component: string;
  readonly year: number;
  readonly month: number;
  readonly sequence: number;
}

const PATTERN = /^([A-Z][A-Z0-9]{1,5})-(\d{2})([A-HJ-M])-(\d{4})$/;

function problemsOf(lot: ComponentLotNumber): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^[A-Z][A-Z0-9]{1,5}$/.test(lot.component)) {
    problems.push({
      path: 'component',
      problem: `must be 2–6 capital letters or digits, starting with a letter, got ${JSON.stringify(lot.component)}`,
    });
  }
  if (!Number.isInteger(lot.year) || lot.year < 2000 || lot.year > 2099) {
    problems.push({ path: 'year', problem: `must be a year from 2000 to 2099, got ${lot.year}` });
  }
  if (!Number.isInteger(lot.month) || lot.month < 1 || lot.month > 12) {
    problems.push({ path: 'month', problem: `must be 1–12, got ${lot.month}` });
  }
  if (!Number.isInteger(lot.sequence) || lot.sequence < 1 || lot.sequence > 9999) {
    problems.push({ path: 'sequence', problem: `must be 1–9999, got ${lot.sequence}` });
  }
  return problems;
}

/**
 * @example
 * formatComponentLotNumber({ component: 'PRM', year: 2026, month: 1, sequence: 42 }); // 'PRM-26A-0042'
 */
export function formatComponentLotNumber(lot: ComponentLotNumber): string {
  const problems = problemsOf(lot);
  if (problems.length > 0) {
    throw new ValidationError('component_lot_number.invalid', 'component lot number has problems', problems);
  }
  return `${lot.component}-${String(lot.year % 100).padStart(2, '0')}${MONTH_LETTERS[lot.month - 1]}-${String(lot.sequence).padStart(4, '0')}`;
}

/**
 * @example
 * parseComponentLotNumber('CASE-26L-0007'); // { component: 'CASE', year: 2026, month: 11, sequence: 7 }
 */
export function parseComponentLotNumber(text: string, path = 'componentLot'): ComponentLotNumber {
  const match = PATTERN.exec(text);
  const [, component, yy, monthLetter, sequence] = match ?? [];
  if (match === null || component === undefined) {
    throw new ValidationError('component_lot_number.invalid', `${path}: not a component lot number`, [
      { path, problem: `must look like CASE-26L-0007, got ${JSON.stringify(text)}` },
    ]);
  }
  const lot = {
    component,
    year: 2000 + Number(yy),
    month: MONTH_LETTERS.indexOf(monthLetter as (typeof MONTH_LETTERS)[number]) + 1,
    sequence: Number(sequence),
  };
  const problems = problemsOf(lot);
  if (problems.length > 0) {
    throw new ValidationError(
      'component_lot_number.invalid',
      `${path}: component lot number has problems`,
      problems,
    );
  }
  return lot;
}

/**
 * A supplier's lot number is free text: 1–64 printable characters after trimming.
 *
 * @example
 * supplierLotProblems('B-2026/114 rev.2'); // []
 */
export function supplierLotProblems(text: string, path = 'supplierLot'): FieldProblem[] {
  const trimmed = text.trim();
  if (trimmed === '') return [{ path, problem: 'must not be empty' }];
  if (trimmed.length > 64) return [{ path, problem: `must be at most 64 characters, got ${trimmed.length}` }];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    return [{ path, problem: 'must not contain control characters' }];
  return [];
}
