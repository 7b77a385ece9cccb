import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { exampleScenario } from './example.ts';
import { formatPath } from './path.ts';
import { checkScenario, validateScenario } from './validate.ts';

// Tests edit the example freely, into shapes its type forbids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = any;

/** The problems of a changed example scenario, as `path: problem` lines. */
function faults(change: (s: Editable) => unknown): string[] {
  const s: Editable = exampleScenario();
  change(s);
  return checkScenario(s).map((p) => `${formatPath(p.path)}: ${p.problem}`);
}

describe('validateScenario', () => {
  it('accepts the example and returns it typed', () => {
    const s = exampleScenario();
    expect(checkScenario(s)).toEqual([]);
    expect(validateScenario(s).lines.map((l) => l.id)).toEqual(['L1', 'L2']);
  });

  it('throws scenario.invalid naming every fault', () => {
    const s: Editable = exampleScenario();
    s.lines[1].ratedRate = -5;
    s.plant.manufacturerCode = 'toolong';
    let error: unknown;
    try {
      validateScenario(s);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.code).toBe('scenario.invalid');
    expect(v.kind).toBe('invalid');
    expect(v.problems).toEqual([
      { path: 'plant.manufacturerCode', problem: 'must be 2 to 4 capital letters, got "toolong"' },
      { path: 'lines[1].ratedRate', problem: 'must be > 0, got -5' },
    ]);
  });
});

describe('schema faults', () => {
  it('wrong type', () => {
    expect(faults((s) => (s.lines[0].ratedRate = 'fast'))).toEqual([
      'lines[0].ratedRate: must be a number, got "fast"',
    ]);
    expect(faults((s) => (s.plant.fourEyes.destroy = 'yes'))).toEqual([
      'plant.fourEyes.destroy: must be true or false, got "yes"',
    ]);
    expect(faults((s) => (s.phases = { id: 'p1' }))).toContain('phases: must be a list, got a map');
    expect(faults((s) => (s.products[0].packaging.roundsPerBox = 20.5))).toEqual([
      'products[0].packaging.roundsPerBox: must be a whole number, got 20.5',
    ]);
  });

  it('out of range', () => {
    expect(faults((s) => (s.lines[1].rejectRate = 1.5))).toEqual([
      'lines[1].rejectRate: must be < 1, got 1.5',
    ]);
    expect(faults((s) => (s.components[0].initialStock = -1))).toEqual([
      'components[0].initialStock: must be >= 0, got -1',
    ]);
    expect(faults((s) => (s.lines[0].calendar = 'day' /* unchanged */))).toEqual([]);
    expect(faults((s) => (s.calendars[0].week.mon[0].start = '25:00'))).toEqual([
      'calendars[0].week.mon[0].start: must be a time HH:MM (00:00 to 24:00), got "25:00"',
    ]);
  });

  it('unknown key lists the known keys', () => {
    const found = faults((s) => (s.plant.colour = 'green'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^plant\.colour: unknown key; known keys here: id, name, manufacturerCode/);
  });

  it('misspelt key suggests the closest known key', () => {
    expect(
      faults((s) => {
        s.lines[0].ratedRat = s.lines[0].ratedRate;
        delete s.lines[0].ratedRate;
      }),
    ).toEqual([
      'lines[0].ratedRate: is required but missing',
      "lines[0].ratedRat: unknown key (did you mean 'ratedRate'?)",
    ]);
    expect(
      faults((s) => {
        s.Plant = s.plant;
        delete s.plant;
      }),
    ).toContain("Plant: unknown key (did you mean 'plant'?)");
  });

  it('missing required', () => {
    expect(faults((s) => delete s.plant.timezone)).toEqual(['plant.timezone: is required but missing']);
    expect(faults((s) => delete s.sampling)).toEqual(['sampling: is required but missing']);
  });

  it('enum and tagged union', () => {
    expect(faults((s) => (s.products[0].type = 'armour'))).toEqual([
      'products[0].type: must be one of ball, tracer, blank, got "armour"',
    ]);
    expect(faults((s) => (s.lines[0].failures.repair = { kind: 'gamma', mean: 3 }))).toEqual([
      'lines[0].failures.repair.kind: must be one of exponential, lognormal, weibull, triangular, uniform, normal, empirical, fixed, got "gamma"',
    ]);
    // The kind decides the branch: the parameters of another kind are named as such.
    expect(faults((s) => (s.lines[0].failures.repair = { kind: 'weibull', mean: 3 }))).toEqual([
      'lines[0].failures.repair.shape: is required but missing',
      'lines[0].failures.repair.scale: is required but missing',
      'lines[0].failures.repair.mean: unknown key; known keys here: kind, shape, scale',
    ]);
  });
});

describe('cross-reference faults', () => {
  it('dangling references name the missing id and suggest a near one', () => {
    expect(faults((s) => (s.lines[0].calendar = 'dya'))).toEqual([
      "lines[0].calendar: no calendar 'dya' (did you mean 'day'?)",
    ]);
    expect(faults((s) => (s.products[0].bill.wad = 1))).toEqual([
      "products[0].bill.wad: no component 'wad' (known: case, bullet, primer, charge)",
    ]);
    expect(faults((s) => (s.demand.firm[0].consignee = 'navy'))).toEqual([
      "demand.firm[0].consignee: no consignee 'navy' (known: army)",
    ]);
    expect(faults((s) => (s.lines[0].phase = 'nowhere'))).toEqual([
      "lines[0].phase: no phase 'nowhere' (known: p1)",
    ]);
  });

  it("a phase's list of lines agrees with the lines", () => {
    expect(faults((s) => (s.phases[0].lines = ['L1', 'L2']))).toEqual([]);
    expect(faults((s) => (s.phases[0].lines = ['L1', 'L7']))).toEqual([
      "phases[0].lines[1]: no line 'L7' (did you mean 'L1'?)",
      "phases[0].lines: misses line 'L2', which names this phase",
    ]);
  });

  it("a line's products and changeover matrix", () => {
    expect(faults((s) => s.lines[0].products.push('tracer'))).toEqual([
      "lines[0].products[1]: no product 'tracer' (known: ball, blank)",
    ]);
    expect(
      faults((s) => (s.lines[1].changeovers = { ball: { blank: 60, tracer: 5 }, blank: { ball: 90 } })),
    ).toEqual(["lines[1].changeovers.ball.tracer: 'tracer' is not made on this line (it makes ball, blank)"]);
    expect(faults((s) => (s.lines[1].changeovers = { ball: { blank: 60 } }))).toEqual([
      'lines[1].changeovers.blank.ball: changeover minutes from blank to ball are missing',
    ]);
  });

  it('duplicate ids', () => {
    expect(faults((s) => (s.products[1].id = 'ball'))).toEqual(
      expect.arrayContaining(["products[1].id: duplicate id 'ball' (first used at index 0)"]),
    );
    expect(faults((s) => s.consignees.push({ ...s.consignees[0] }))).toEqual([
      "consignees[1].id: duplicate id 'army' (first used at index 0)",
    ]);
  });

  it('dates, windows, shares, hazard classes, AQL', () => {
    expect(faults((s) => (s.demand.firm[0].due = '2026-02-30'))).toEqual([
      'demand.firm[0].due: is not a real date: "2026-02-30"',
    ]);
    expect(faults((s) => s.calendars[0].week.mon.push({ start: '13:00', end: '15:00' }))).toEqual([
      'calendars[0].week.mon[1]: overlaps the window at index 0',
    ]);
    expect(faults((s) => (s.demand.mix.ball = 0.7))).toEqual(['demand.mix: shares must sum to 1, got 0.9']);
    expect(faults((s) => (s.products[1].hazardDivision = '1.4C'))).toEqual([
      'products[1].hazardDivision: UN0014 is division 1.4S, got 1.4C',
      'products[1].hazardDivision: no magazine in storage accepts division 1.4C',
    ]);
    expect(faults((s) => (s.sampling.aql.major = 0.7))).toEqual([
      expect.stringMatching(
        /^sampling\.aql\.major: must be one of the MIL-STD-105E AQL values \(0\.01, .*\), got 0\.7$/,
      ),
    ]);
    expect(faults((s) => (s.products[1].bullet = 'none'))).toEqual([
      'products[1].bullet: a blank has no bullet; remove this key',
    ]);
    expect(faults((s) => (s.lines[0].commissioning.priorAct.date = '2026-02-01'))).toEqual([
      'lines[0].commissioning.priorAct.date: a prior act must be dated on or before plant.startDate 2026-01-05, got 2026-02-01',
    ]);
    expect(faults((s) => (s.components[2].disruption.to = '2026-07-01'))).toEqual([
      'components[2].disruption: give exactly one of to or durationDays',
    ]);
  });
});

describe('all at once', () => {
  it('reports schema and reference faults of every part together', () => {
    const found = faults((s) => {
      s.lines[0].ratedRate = -5;
      s.lines[1].calendar = 'night';
      s.plant.colour = 'green';
      delete s.simulation.seed;
      s.products[0].bill.wad = 1;
    });
    expect(found).toEqual([
      'plant.colour: unknown key; known keys here: id, name, manufacturerCode, country, startDate, timezone, ratedOutputPerYear, fourEyes, lots, clockMode',
      'lines[0].ratedRate: must be > 0, got -5',
      'simulation.seed: is required but missing',
      "lines[1].calendar: no calendar 'night' (known: day)",
      "products[0].bill.wad: no component 'wad' (known: case, bullet, primer, charge)",
    ]);
  });

  it('survives a document of the wrong shape without throwing', () => {
    for (const value of [null, 42, 'text', [], { lines: 'x', products: [1, null], demand: { firm: [{}] } }]) {
      expect(checkScenario(value).length).toBeGreaterThan(0);
    }
  });
});
