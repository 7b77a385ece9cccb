import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors.ts';
import type { ScoreStep } from './judge.ts';
import {
  initialSwitchingState,
  nextSwitchingState,
  replaySwitching,
  type SwitchingConditions,
  type SwitchingInput,
  type SwitchingState,
} from './switching.ts';

const steady: SwitchingConditions = { steadyProduction: true, reducedApproved: true };
const accept = (scoreStep: ScoreStep = 3): SwitchingInput => ({
  kind: 'lot',
  accepted: true,
  inGap: false,
  scoreStep,
});
const reject: SwitchingInput = { kind: 'lot', accepted: false, inGap: false, scoreStep: 'reset' };
const gap: SwitchingInput = { kind: 'lot', accepted: true, inGap: true, scoreStep: 'reset' };
const state = (severity: SwitchingState['severity']): SwitchingState => ({
  ...initialSwitchingState(),
  severity,
});

describe('Z1.4 switching rules', () => {
  it('normal → tightened when 2 of 5 or fewer consecutive lots are not accepted', () => {
    expect(replaySwitching([reject, accept(), accept(), accept(), reject], steady).severity).toBe(
      'tightened',
    );
    expect(replaySwitching([reject, reject], steady).severity).toBe('tightened');
    expect(replaySwitching([reject, accept(), accept(), accept(), accept(), reject], steady).severity).toBe(
      'normal',
    );
  });

  it('tightened → normal after 5 consecutive accepted lots', () => {
    const start = state('tightened');
    expect(replaySwitching([accept(), accept(), accept(), accept()], steady, start).severity).toBe(
      'tightened',
    );
    const step = nextSwitchingState(
      replaySwitching([accept(), accept(), accept(), accept()], steady, start),
      accept(),
      steady,
    );
    expect(step.switched).toEqual({ from: 'tightened', to: 'normal', rule: 'five-accepted-on-tightened' });
    expect(step.state.score).toBe(0);
    expect(
      replaySwitching([accept(), accept(), reject, accept(), accept(), accept(), accept()], steady, start)
        .severity,
    ).toBe('tightened');
  });

  it('tightened → discontinued when 5 lots (not necessarily consecutive) are not accepted', () => {
    const inputs = [reject, accept(), reject, reject, accept(), accept(), reject];
    expect(replaySwitching(inputs, steady, state('tightened')).severity).toBe('tightened');
    const step = nextSwitchingState(replaySwitching(inputs, steady, state('tightened')), reject, steady);
    expect(step.switched?.rule).toBe('five-not-accepted-on-tightened');
    expect(() => nextSwitchingState(step.state, accept(), steady)).toThrow(ConflictError);
    expect(nextSwitchingState(step.state, { kind: 'corrective-action' }, steady).state.severity).toBe(
      'tightened',
    );
  });

  it('normal → reduced at a score of 30, only with steady production and approval', () => {
    const ten = Array.from({ length: 10 }, () => accept(3));
    expect(replaySwitching(ten.slice(0, 9), steady).score).toBe(27);
    expect(replaySwitching(ten, steady).severity).toBe('reduced');
    expect(replaySwitching(ten, { steadyProduction: false, reducedApproved: true }).severity).toBe('normal');
    expect(replaySwitching(ten, { steadyProduction: true, reducedApproved: false }).severity).toBe('normal');
    expect(
      replaySwitching(
        Array.from({ length: 15 }, () => accept(2)),
        steady,
      ).severity,
    ).toBe('reduced');
  });

  it('resets the score on a lot that resets it, even when accepted', () => {
    expect(replaySwitching([accept(3), accept(3), accept('reset')], steady).score).toBe(0);
    expect(replaySwitching([accept(3), accept(2)], steady).score).toBe(5);
  });

  it('reduced → normal on a lot not accepted, a count between Ac and Re, irregular production, or a request', () => {
    const reduced = state('reduced');
    expect(nextSwitchingState(reduced, reject, steady).switched?.rule).toBe('not-accepted-on-reduced');
    expect(nextSwitchingState(reduced, gap, steady).switched?.rule).toBe('count-between-ac-and-re');
    expect(nextSwitchingState(reduced, { kind: 'irregular-production' }, steady).switched?.rule).toBe(
      'irregular-production',
    );
    expect(nextSwitchingState(reduced, { kind: 'return-to-normal' }, steady).switched?.rule).toBe(
      'return-to-normal',
    );
    expect(nextSwitchingState(reduced, accept(), steady).switched).toBeUndefined();
  });
});

const inputArb: fc.Arbitrary<SwitchingInput> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('lot' as const),
      accepted: fc.boolean(),
      inGap: fc.boolean(),
      scoreStep: fc.constantFrom<ScoreStep>(2, 3, 'reset'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<SwitchingInput>(
      { kind: 'irregular-production' },
      { kind: 'return-to-normal' },
      { kind: 'corrective-action' },
    ),
  },
);
const conditionsArb = fc.record({ steadyProduction: fc.boolean(), reducedApproved: fc.boolean() });

/** Runs inputs, skipping lots while discontinued (the standard accepts none then). */
function run(inputs: readonly SwitchingInput[], conditions: SwitchingConditions) {
  const trail: { before: SwitchingState; input: SwitchingInput; after: SwitchingState; rule?: string }[] = [];
  let current = initialSwitchingState();
  for (const input of inputs) {
    if (current.severity === 'discontinued' && input.kind === 'lot') continue;
    const step = nextSwitchingState(current, input, conditions);
    trail.push({ before: current, input, after: step.state, rule: step.switched?.rule });
    current = step.state;
  }
  return trail;
}

describe('switching state machine invariants', () => {
  it('keeps its counters in range', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 120 }), conditionsArb, (inputs, conditions) => {
        for (const { after } of run(inputs, conditions)) {
          expect(after.score).toBeGreaterThanOrEqual(0);
          if (after.severity !== 'normal') expect(after.score).toBe(0);
          expect(after.recent.length).toBeLessThanOrEqual(5);
          if (after.severity === 'normal')
            expect(after.recent.filter((a) => !a).length).toBeLessThanOrEqual(1);
          expect(after.acceptedInRow).toBeLessThan(5);
          expect(after.notAcceptedOnTightened).toBeLessThan(5);
          // With the conditions met, a score of 30 would have switched to reduced already.
          if (after.severity === 'normal' && conditions.steadyProduction && conditions.reducedApproved) {
            expect(after.score).toBeLessThan(30);
          }
        }
      }),
    );
  });

  it('moves only along the transitions of the standard', () => {
    const allowed = new Set([
      'normal>tightened:two-of-five-not-accepted',
      'normal>reduced:switching-score-reached',
      'tightened>normal:five-accepted-on-tightened',
      'tightened>discontinued:five-not-accepted-on-tightened',
      'discontinued>tightened:corrective-action',
      'reduced>normal:not-accepted-on-reduced',
      'reduced>normal:count-between-ac-and-re',
      'reduced>normal:irregular-production',
      'reduced>normal:return-to-normal',
    ]);
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 120 }), conditionsArb, (inputs, conditions) => {
        for (const { before, after, rule } of run(inputs, conditions)) {
          if (before.severity === after.severity) expect(rule).toBeUndefined();
          else expect(allowed.has(`${before.severity}>${after.severity}:${rule}`)).toBe(true);
        }
      }),
    );
  });

  it('never reaches reduced without steady production and approval', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 120 }), fc.boolean(), (inputs, steadyProduction) => {
        const trail = run(inputs, { steadyProduction, reducedApproved: !steadyProduction });
        expect(trail.every((t) => t.after.severity !== 'reduced')).toBe(true);
      }),
    );
  });

  it('switches to tightened exactly when a second lot of the last five on normal is not accepted', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (accepted) => {
        let current = initialSwitchingState();
        const history: boolean[] = [];
        for (const a of accepted) {
          if (current.severity !== 'normal') break;
          history.push(a);
          const window = history.slice(-5);
          current = nextSwitchingState(current, a ? accept(2) : reject, {
            steadyProduction: false,
            reducedApproved: false,
          }).state;
          expect(current.severity).toBe(window.filter((x) => !x).length >= 2 ? 'tightened' : 'normal');
        }
      }),
    );
  });

  it('leaves reduced on every lot not accepted or accepted in the gap', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<ScoreStep>(2, 3, 'reset'),
        (accepted, inGap, scoreStep) => {
          const after = nextSwitchingState(
            state('reduced'),
            { kind: 'lot', accepted, inGap, scoreStep },
            steady,
          ).state;
          expect(after.severity).toBe(accepted && !inGap ? 'reduced' : 'normal');
        },
      ),
    );
  });
});
