/**
 * A lot's sampling plan: the product's sampling scheme (inspection level, an AQL per defect
 * class, which checks destroy what they test) applied to the lot's size at the current severity.
 *
 * Each defect class draws its own sample. A sample of a non-destructive class goes back into
 * the lot after inspection; a sample of a destructive class (a function test, say) is consumed,
 * so the lot shrinks by the sum of the destructive samples. A plan asking for more rounds than
 * the lot holds means 100 % inspection: n becomes the lot size.
 *
 * @example
 * const plan = lotPlan(50_000, DEFAULT_SCHEME, 'normal');
 * plan.codeLetter; // 'N'
 * plan.classes.find((c) => c.defectClass === 'major'); // { n: 500, ac: 7, re: 8, ... }
 */
import type { FieldProblem } from '../errors.ts';
import { ValidationError } from '../errors.ts';
import {
  codeLetter,
  isAql,
  isInspectionLevel,
  tablePlan,
  type Aql,
  type CodeLetter,
  type InspectionLevel,
  type Severity,
} from './tables.ts';

export const DEFECT_CLASSES = ['critical', 'major', 'minor'] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];

export interface ClassRule {
  readonly aql: Aql;
  /** True when the check destroys the rounds it inspects. */
  readonly destructive: boolean;
}

/** How a product is sampled: one inspection level, an AQL for each defect class it checks. */
export interface SamplingScheme {
  readonly level: InspectionLevel;
  readonly classes: Readonly<Partial<Record<DefectClass, ClassRule>>>;
}

/**
 * The plant's default scheme: general level II; critical defects at AQL 0.10, major at 0.65
 * with a destructive function check, minor at 2.5. A product's scenario may set its own.
 */
export const DEFAULT_SCHEME: SamplingScheme = {
  level: 'II',
  classes: {
    critical: { aql: '0.10', destructive: false },
    major: { aql: '0.65', destructive: true },
    minor: { aql: '2.5', destructive: false },
  },
};

export interface ClassPlan {
  readonly defectClass: DefectClass;
  readonly aql: Aql;
  readonly destructive: boolean;
  /** Rounds to inspect: the table's n, or the whole lot when n would exceed it. */
  readonly n: number;
  readonly ac: number;
  readonly re: number;
  /** The table's n before it was limited to the lot size. */
  readonly tableN: number;
  /** True when the whole lot is inspected (the table's n ≥ the lot size). */
  readonly fullInspection: boolean;
}

export interface LotPlan {
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly severity: Severity;
  readonly codeLetter: CodeLetter;
  /** One plan per defect class of the scheme, critical first. */
  readonly classes: readonly ClassPlan[];
  /** Rounds the destructive checks consume (taken out of the lot). */
  readonly roundsConsumed: number;
}

/**
 * Checks an untrusted scheme (from a scenario file or a request), naming each bad field.
 *
 * @example
 * parseSamplingScheme({ level: 'II', classes: { major: { aql: '0.65', destructive: true } } });
 */
export function parseSamplingScheme(input: unknown, path = 'sampling'): SamplingScheme {
  const problems: FieldProblem[] = [];
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (!isInspectionLevel(raw['level'])) {
    problems.push({
      path: `${path}.level`,
      problem: `must be S-1..S-4, I, II or III, got ${JSON.stringify(raw['level'])}`,
    });
  }
  const classes: Partial<Record<DefectClass, ClassRule>> = {};
  const rawClasses = (
    typeof raw['classes'] === 'object' && raw['classes'] !== null ? raw['classes'] : {}
  ) as Record<string, unknown>;
  for (const key of Object.keys(rawClasses)) {
    if (!(DEFECT_CLASSES as readonly string[]).includes(key)) {
      problems.push({ path: `${path}.classes.${key}`, problem: 'must be critical, major or minor' });
    }
  }
  for (const defectClass of DEFECT_CLASSES) {
    const rule = rawClasses[defectClass] as Record<string, unknown> | undefined;
    if (rule === undefined) continue;
    const aql = rule['aql'];
    const destructive = rule['destructive'] ?? false;
    if (!isAql(aql)) {
      problems.push({
        path: `${path}.classes.${defectClass}.aql`,
        problem: `must be an AQL of the tables (0.010 ... 1000) as text, got ${JSON.stringify(aql)}`,
      });
    }
    if (typeof destructive !== 'boolean') {
      problems.push({
        path: `${path}.classes.${defectClass}.destructive`,
        problem: `must be true or false, got ${JSON.stringify(destructive)}`,
      });
    }
    if (isAql(aql) && typeof destructive === 'boolean') classes[defectClass] = { aql, destructive };
  }
  if (Object.keys(rawClasses).length === 0) {
    problems.push({ path: `${path}.classes`, problem: 'must name at least one defect class' });
  }
  if (problems.length > 0) {
    throw new ValidationError(
      'sampling_scheme.invalid',
      `sampling scheme has ${problems.length} problem(s)`,
      problems,
    );
  }
  return { level: raw['level'] as InspectionLevel, classes };
}

/**
 * The plan for a lot of `lotSize` rounds under `scheme` at `severity`.
 *
 * @example
 * lotPlan(5, DEFAULT_SCHEME, 'normal').classes[0]; // critical: the table asks 125, the lot has 5: n = 5, fullInspection
 */
export function lotPlan(lotSize: number, scheme: SamplingScheme, severity: Severity): LotPlan {
  if (!Number.isSafeInteger(lotSize) || lotSize < 1) {
    throw new ValidationError('lot_size.invalid', `lotSize: must be a whole number ≥ 1, got ${lotSize}`, [
      { path: 'lotSize', problem: `must be a whole number ≥ 1, got ${lotSize}` },
    ]);
  }
  const letter = codeLetter(lotSize, scheme.level);
  const classes: ClassPlan[] = [];
  for (const defectClass of DEFECT_CLASSES) {
    const rule = scheme.classes[defectClass];
    if (rule === undefined) continue;
    const cell = tablePlan(severity, letter, rule.aql);
    classes.push({
      defectClass,
      aql: rule.aql,
      destructive: rule.destructive,
      n: Math.min(cell.n, lotSize),
      ac: cell.ac,
      re: cell.re,
      tableN: cell.n,
      fullInspection: cell.n >= lotSize,
    });
  }
  const consumed = classes.filter((c) => c.destructive).reduce((sum, c) => sum + c.n, 0);
  return {
    lotSize,
    level: scheme.level,
    severity,
    codeLetter: letter,
    classes,
    roundsConsumed: Math.min(consumed, lotSize),
  };
}
