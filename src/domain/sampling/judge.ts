/**
 * Judging a lot on its sample results: each defect class against its plan, and the lot as a
 * whole (accepted only when every class is). Also works out the lot's contribution to the
 * switching score of ANSI/ASQ Z1.4-2003 (single sampling):
 *
 * - a class with Ac ≥ 2 adds 3 if its count would have been accepted with the AQL one step
 *   tighter (normal table, same sample size), otherwise it resets the score;
 * - a class with Ac 0 or 1 adds 2 if accepted, otherwise it resets the score.
 *
 * With several classes the lot resets the score if any class does, and otherwise adds the
 * smallest of the classes' additions (the cautious reading: the score grows only as fast as the
 * weakest evidence).
 *
 * On reduced inspection a count above Ac but below Re (the tables' gap) accepts the lot, yet
 * sends the next lot back to normal inspection: `inGap` says so.
 *
 * @example
 * const plan = lotPlan(50_000, DEFAULT_SCHEME, 'normal');
 * const judged = judgeLot(plan, [
 *   { defectClass: 'critical', inspected: 500, defects: 0 },
 *   { defectClass: 'major', inspected: 500, defects: 2 },
 *   { defectClass: 'minor', inspected: 500, defects: 9 },
 * ]);
 * judged.accepted; // true
 */
import type { FieldProblem } from '../errors.ts';
import { ValidationError } from '../errors.ts';
import { DEFECT_CLASSES, type ClassPlan, type DefectClass, type LotPlan } from './plan.ts';
import { tighterAcceptanceNumber, type CodeLetter } from './tables.ts';

export interface ClassResult {
  readonly defectClass: DefectClass;
  /** Rounds inspected: must be the plan's n. */
  readonly inspected: number;
  /** Defective rounds of this class found in the sample. */
  readonly defects: number;
}

export type ClassVerdict = 'accept' | 'accept-in-gap' | 'reject';

/** What a lot does to the switching score: add 2, add 3, or reset it to 0. */
export type ScoreStep = 2 | 3 | 'reset';

export interface ClassJudgement extends ClassPlan {
  readonly inspected: number;
  readonly defects: number;
  readonly verdict: ClassVerdict;
  readonly scoreStep: ScoreStep;
}

export interface LotJudgement {
  readonly accepted: boolean;
  /** Accepted with some class counted between Ac and Re (reduced inspection only). */
  readonly inGap: boolean;
  readonly classes: readonly ClassJudgement[];
  readonly scoreStep: ScoreStep;
}

function verdictOf(plan: ClassPlan, defects: number): ClassVerdict {
  if (defects <= plan.ac) return 'accept';
  if (defects >= plan.re) return 'reject';
  return 'accept-in-gap';
}

/**
 * The Z1.4 switching-score step of one class's count.
 *
 * @example
 * scoreStepOf({ ac: 7, aql: '0.65', ... }, 'N', 5); // 3: Ac at AQL 0.40 is 5, and 5 ≤ 5
 */
export function scoreStepOf(plan: ClassPlan, letter: CodeLetter, defects: number): ScoreStep {
  if (plan.ac <= 1) return defects <= plan.ac ? 2 : 'reset';
  // No tighter AQL exists only for 0.010, whose plans all have Ac 0; kept for completeness.
  const tighterAc = tighterAcceptanceNumber(letter, plan.aql) ?? plan.ac;
  return defects <= tighterAc ? 3 : 'reset';
}

/**
 * Judges a lot: every class of the plan needs exactly one result, with `inspected` equal to the
 * class's n and `defects` between 0 and `inspected`. Throws a ValidationError naming each
 * result at fault otherwise.
 *
 * @example
 * judgeLot(plan, results).classes.map((c) => c.verdict); // ['accept', 'reject', 'accept']
 */
export function judgeLot(plan: LotPlan, results: readonly ClassResult[]): LotJudgement {
  const problems: FieldProblem[] = [];
  results.forEach((r, i) => {
    const at = `results[${i}]`;
    if (!(DEFECT_CLASSES as readonly string[]).includes(r.defectClass)) {
      problems.push({
        path: `${at}.defectClass`,
        problem: `must be critical, major or minor, got ${JSON.stringify(r.defectClass)}`,
      });
      return;
    }
    const classPlan = plan.classes.find((c) => c.defectClass === r.defectClass);
    if (classPlan === undefined) {
      problems.push({
        path: `${at}.defectClass`,
        problem: `${r.defectClass} is not sampled for this product`,
      });
    } else if (r.inspected !== classPlan.n) {
      problems.push({
        path: `${at}.inspected`,
        problem: `must be the plan's sample size ${classPlan.n}, got ${r.inspected}`,
      });
    }
    if (!Number.isSafeInteger(r.defects) || r.defects < 0) {
      problems.push({ path: `${at}.defects`, problem: `must be a whole number ≥ 0, got ${r.defects}` });
    } else if (r.defects > r.inspected) {
      problems.push({
        path: `${at}.defects`,
        problem: `must not exceed inspected (${r.inspected}), got ${r.defects}`,
      });
    }
    if (results.findIndex((o) => o.defectClass === r.defectClass) !== i) {
      problems.push({ path: `${at}.defectClass`, problem: `${r.defectClass} is given twice` });
    }
  });
  for (const c of plan.classes) {
    if (!results.some((r) => r.defectClass === c.defectClass)) {
      problems.push({ path: 'results', problem: `missing the result for ${c.defectClass} (n = ${c.n})` });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(
      'sample_results.invalid',
      `sample results have ${problems.length} problem(s)`,
      problems,
    );
  }
  const classes = plan.classes.map((c): ClassJudgement => {
    const r = results.find((x) => x.defectClass === c.defectClass) as ClassResult;
    return {
      ...c,
      inspected: r.inspected,
      defects: r.defects,
      verdict: verdictOf(c, r.defects),
      scoreStep: scoreStepOf(c, plan.codeLetter, r.defects),
    };
  });
  const accepted = classes.every((c) => c.verdict !== 'reject');
  const steps = classes.map((c) => c.scoreStep);
  const scoreStep: ScoreStep = !accepted || steps.includes('reset') ? 'reset' : steps.includes(2) ? 2 : 3;
  return {
    accepted,
    inGap: accepted && classes.some((c) => c.verdict === 'accept-in-gap'),
    classes,
    scoreStep,
  };
}
