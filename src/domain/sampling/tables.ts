/**
 * The MIL-STD-105E single sampling tables (the same central tables as ANSI/ASQ Z1.4-2003):
 * Table I turns a lot size and an inspection level into a sample-size code letter; Tables II-A,
 * II-B and II-C turn a code letter and an AQL into a plan (sample size n, acceptance number Ac,
 * rejection number Re) for normal, tightened and reduced inspection. The arrows of the printed
 * tables are resolved in the data (`data/`, public domain, see its NOTICE).
 *
 * @example
 * codeLetter(50_000, 'II'); // 'N'
 * tablePlan('normal', 'N', '0.65'); // { n: 500, ac: 7, re: 8 }
 */
import tables from './data/mil-std-105e-single-sampling.json' with { type: 'json' };

/** The AQL series of the tables, tightest first, as printed (`0.010` ... `1000`). */
export const AQLS = [
  '0.010',
  '0.015',
  '0.025',
  '0.040',
  '0.065',
  '0.10',
  '0.15',
  '0.25',
  '0.40',
  '0.65',
  '1.0',
  '1.5',
  '2.5',
  '4.0',
  '6.5',
  '10',
  '15',
  '25',
  '40',
  '65',
  '100',
  '150',
  '250',
  '400',
  '650',
  '1000',
] as const;
export type Aql = (typeof AQLS)[number];

/** Special levels S-1..S-4 (small samples, e.g. for costly or destructive tests) and general I..III. */
export const INSPECTION_LEVELS = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

export const CODE_LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'Q',
  'R',
] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

export const SEVERITIES = ['normal', 'tightened', 'reduced'] as const;
/** Which table applies: normal, tightened or reduced inspection. */
export type Severity = (typeof SEVERITIES)[number];

/** A single sampling plan: inspect n, accept with at most Ac defects, reject with Re or more. */
export interface TablePlan {
  readonly n: number;
  readonly ac: number;
  readonly re: number;
}

interface CodeLetterRow {
  readonly from: number;
  readonly to: number | null;
  readonly letters: Readonly<Record<InspectionLevel, CodeLetter>>;
}

const ROWS: readonly CodeLetterRow[] = tables.codeLetters.map((row) => ({
  from: row.lot[0] ?? 0,
  to: row.lot[1] ?? null,
  letters: row.letters as Record<InspectionLevel, CodeLetter>,
}));

const PLANS = tables.plans as Readonly<Record<Severity, Record<CodeLetter, Record<Aql, TablePlan>>>>;

// The data must speak of the same AQLs, levels and letters as the types above; checked once.
if (
  tables.aqls.join() !== AQLS.join() ||
  tables.levels.join() !== INSPECTION_LEVELS.join() ||
  SEVERITIES.some((s) => Object.keys(PLANS[s]).join() !== CODE_LETTERS.join())
) {
  throw new Error('sampling tables: data/mil-std-105e-single-sampling.json does not match the code');
}

/**
 * @example
 * isAql('0.65'); // true
 * isAql('0.6'); // false
 */
export function isAql(value: unknown): value is Aql {
  return typeof value === 'string' && (AQLS as readonly string[]).includes(value);
}

/**
 * @example
 * isInspectionLevel('II'); // true
 */
export function isInspectionLevel(value: unknown): value is InspectionLevel {
  return typeof value === 'string' && (INSPECTION_LEVELS as readonly string[]).includes(value);
}

/**
 * The lot-size ranges of Table I, each with its letter per level (for display and checks).
 *
 * @example
 * codeLetterRows()[0]; // { from: 2, to: 8, letters: { 'S-1': 'A', ..., III: 'B' } }
 */
export function codeLetterRows(): readonly CodeLetterRow[] {
  return ROWS;
}

/**
 * Table I: the sample-size code letter of a lot. A lot of one round is taken with the first
 * row (2 to 8), whose plans then inspect it whole.
 *
 * @example
 * codeLetter(1_000, 'II'); // 'J'
 * codeLetter(1_000, 'S-3'); // 'E'
 */
export function codeLetter(lotSize: number, level: InspectionLevel): CodeLetter {
  if (!Number.isSafeInteger(lotSize) || lotSize < 1) {
    throw new RangeError(`lotSize: must be a whole number ≥ 1, got ${lotSize}`);
  }
  const row = ROWS.find((r) => lotSize <= (r.to ?? Number.POSITIVE_INFINITY)) ?? ROWS[ROWS.length - 1];
  if (row === undefined) throw new Error('sampling tables: no code letter rows');
  return row.letters[level];
}

/**
 * Tables II-A/B/C: the plan for a code letter and an AQL, arrows resolved.
 *
 * @example
 * tablePlan('tightened', 'K', '1.0'); // { n: 125, ac: 2, re: 3 }
 * tablePlan('reduced', 'M', '1.0'); // { n: 125, ac: 3, re: 6 }: a count of 4 or 5 accepts, then back to normal
 */
export function tablePlan(severity: Severity, letter: CodeLetter, aql: Aql): TablePlan {
  const cell = PLANS[severity][letter][aql];
  return { n: cell.n, ac: cell.ac, re: cell.re };
}

/**
 * The AQL one step tighter in the series (used by the switching score), or undefined for the
 * tightest.
 *
 * @example
 * tighterAql('1.0'); // '0.65'
 * tighterAql('0.010'); // undefined
 */
export function tighterAql(aql: Aql): Aql | undefined {
  const index = AQLS.indexOf(aql);
  return index > 0 ? AQLS[index - 1] : undefined;
}

/**
 * The acceptance number one AQL step tighter for the same sample size (normal table): what the
 * switching score compares a count with when Ac ≥ 2. Usually the same code letter's cell; where
 * an arrow gave that cell another sample size, the letter whose plan at the tighter AQL has the
 * sample size actually inspected. Undefined at the tightest AQL.
 *
 * @example
 * tighterAcceptanceNumber('N', '0.65'); // 5 (N at 0.40 is n 500, Ac 5)
 * tighterAcceptanceNumber('C', '1000'); // 30 (n 3: B at 650, not C at 650 whose n is 5)
 */
export function tighterAcceptanceNumber(letter: CodeLetter, aql: Aql): number | undefined {
  const tighter = tighterAql(aql);
  if (tighter === undefined) return undefined;
  const n = tablePlan('normal', letter, aql).n;
  const same = tablePlan('normal', letter, tighter);
  if (same.n === n) return same.ac;
  const other = CODE_LETTERS.map((l) => tablePlan('normal', l, tighter)).find((p) => p.n === n);
  return (other ?? same).ac;
}

/**
 * The AQL of the tables whose value is `value` (a scenario writes AQLs as numbers).
 *
 * @example
 * aqlFromNumber(0.065); // '0.065'
 * aqlFromNumber(1); // '1.0'
 * aqlFromNumber(0.6); // undefined
 */
export function aqlFromNumber(value: number): Aql | undefined {
  return AQLS.find((aql) => Number(aql) === value);
}
