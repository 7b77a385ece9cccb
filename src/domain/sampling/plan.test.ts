import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { judgeLot, scoreStepOf } from './judge.ts';
import { DEFAULT_SCHEME, lotPlan, parseSamplingScheme, type SamplingScheme } from './plan.ts';

const scheme: SamplingScheme = {
  level: 'II',
  classes: {
    critical: { aql: '0.10', destructive: false },
    major: { aql: '0.65', destructive: true },
    minor: { aql: '2.5', destructive: false },
  },
};

describe('lotPlan', () => {
  it('gives the code letter and one plan per class', () => {
    const plan = lotPlan(50_000, scheme, 'normal');
    expect(plan.codeLetter).toBe('N');
    expect(plan.classes.map((c) => [c.defectClass, c.n, c.ac, c.re])).toEqual([
      ['critical', 500, 1, 2],
      ['major', 500, 7, 8],
      ['minor', 500, 21, 22],
    ]);
  });

  it('consumes the destructive samples only', () => {
    expect(lotPlan(50_000, scheme, 'normal').roundsConsumed).toBe(500);
    expect(
      lotPlan(50_000, { ...scheme, classes: { minor: { aql: '2.5', destructive: false } } }, 'normal')
        .roundsConsumed,
    ).toBe(0);
  });

  it('inspects the whole lot when the sample would be larger than the lot', () => {
    const plan = lotPlan(20, scheme, 'normal');
    const critical = plan.classes[0]!;
    expect(critical.tableN).toBe(125);
    expect(critical.n).toBe(20);
    expect(critical.fullInspection).toBe(true);
    expect(plan.roundsConsumed).toBeLessThanOrEqual(20);
  });

  it('uses the tightened and reduced tables', () => {
    expect(lotPlan(50_000, scheme, 'tightened').classes[1]).toMatchObject({ n: 500, ac: 5, re: 6 });
    expect(lotPlan(50_000, scheme, 'reduced').classes[1]).toMatchObject({ n: 200, ac: 3, re: 6 });
  });

  it('refuses a lot size below 1', () => {
    expect(() => lotPlan(0, scheme, 'normal')).toThrow(ValidationError);
  });
});

describe('parseSamplingScheme', () => {
  it('accepts a scheme and names every bad field', () => {
    expect(parseSamplingScheme(DEFAULT_SCHEME)).toEqual(DEFAULT_SCHEME);
    try {
      parseSamplingScheme({ level: 'IV', classes: { major: { aql: 0.65 }, cosmetic: {} } });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.path)).toEqual([
        'sampling.level',
        'sampling.classes.cosmetic',
        'sampling.classes.major.aql',
      ]);
    }
  });
});

describe('judgeLot', () => {
  const plan = lotPlan(50_000, scheme, 'normal');
  const results = (critical: number, major: number, minor: number) => [
    { defectClass: 'critical' as const, inspected: 500, defects: critical },
    { defectClass: 'major' as const, inspected: 500, defects: major },
    { defectClass: 'minor' as const, inspected: 500, defects: minor },
  ];

  it('accepts a lot only when every class is accepted', () => {
    expect(judgeLot(plan, results(1, 7, 21)).accepted).toBe(true);
    expect(judgeLot(plan, results(2, 0, 0)).accepted).toBe(false);
    expect(judgeLot(plan, results(0, 8, 0)).accepted).toBe(false);
    expect(judgeLot(plan, results(0, 0, 22)).accepted).toBe(false);
  });

  it('adds 3 to the score when Ac ≥ 2 classes pass one AQL step tighter, 2 when an Ac 0/1 class passes', () => {
    // major N 0.65: Ac 7, at 0.40 Ac 5; minor N 2.5: Ac 21, at 1.5 Ac 14; critical N 0.10: Ac 1.
    expect(judgeLot(plan, results(0, 5, 14)).scoreStep).toBe(2);
    const majorOnly = lotPlan(
      50_000,
      { level: 'II', classes: { major: { aql: '0.65', destructive: false } } },
      'normal',
    );
    expect(judgeLot(majorOnly, [{ defectClass: 'major', inspected: 500, defects: 5 }]).scoreStep).toBe(3);
    expect(judgeLot(majorOnly, [{ defectClass: 'major', inspected: 500, defects: 6 }]).scoreStep).toBe(
      'reset',
    );
    expect(judgeLot(plan, results(2, 0, 0)).scoreStep).toBe('reset');
  });

  it('computes each class step by the Z1.4 rule', () => {
    const [critical, major] = plan.classes;
    expect(scoreStepOf(critical!, 'N', 1)).toBe(2);
    expect(scoreStepOf(critical!, 'N', 2)).toBe('reset');
    expect(scoreStepOf(major!, 'N', 5)).toBe(3);
    expect(scoreStepOf(major!, 'N', 6)).toBe('reset');
  });

  it('accepts a count between Ac and Re on reduced inspection, and says so', () => {
    const reduced = lotPlan(
      50_000,
      { level: 'II', classes: { major: { aql: '0.65', destructive: false } } },
      'reduced',
    );
    expect(reduced.classes[0]).toMatchObject({ n: 200, ac: 3, re: 6 });
    const judged = judgeLot(reduced, [{ defectClass: 'major', inspected: 200, defects: 4 }]);
    expect(judged).toMatchObject({ accepted: true, inGap: true });
    expect(judgeLot(reduced, [{ defectClass: 'major', inspected: 200, defects: 6 }]).accepted).toBe(false);
    expect(judgeLot(reduced, [{ defectClass: 'major', inspected: 200, defects: 3 }]).inGap).toBe(false);
  });

  it('refuses results that do not follow the plan, naming each', () => {
    try {
      judgeLot(plan, [
        { defectClass: 'critical', inspected: 499, defects: 0 },
        { defectClass: 'major', inspected: 500, defects: 501 },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.path)).toEqual([
        'results[0].inspected',
        'results[1].defects',
        'results',
      ]);
    }
  });
});
