/**
 * The switching rules of ANSI/ASQ Z1.4-2003 as a pure state machine over a product's lots, on
 * original inspection (resubmitted lots do not count):
 *
 * - normal → tightened: 2 of 5 or fewer consecutive lots not accepted.
 * - tightened → normal: 5 consecutive lots accepted.
 * - normal → reduced: switching score ≥ 30, production steady, and reduced inspection approved
 *   by the responsible authority. The score starts at 0 on entering normal inspection and moves
 *   by each lot's step (see `judge.ts`).
 * - reduced → normal: a lot not accepted; a lot accepted with a count between Ac and Re;
 *   production irregular or delayed; or a request (other conditions warrant it).
 * - tightened → discontinued: 5 lots (cumulative, not necessarily consecutive) not accepted
 *   while on tightened inspection. Only corrective action ends it, and then inspection resumes
 *   on tightened.
 *
 * @example
 * let state = initialSwitchingState();
 * state = nextSwitchingState(state, { kind: 'lot', accepted: false, inGap: false, scoreStep: 'reset' }, steady).state;
 * state = nextSwitchingState(state, { kind: 'lot', accepted: false, inGap: false, scoreStep: 'reset' }, steady).state;
 * state.severity; // 'tightened'
 */
import { ConflictError } from '../errors.ts';
import type { ScoreStep } from './judge.ts';
import type { Severity } from './tables.ts';

export type SwitchingSeverity = Severity | 'discontinued';

export interface SwitchingState {
  readonly severity: SwitchingSeverity;
  /** Z1.4 switching score; counts only on normal inspection (0 elsewhere). */
  readonly score: number;
  /** Accepted (true) or not (false), the last ≤ 5 lots since normal inspection began, oldest first. */
  readonly recent: readonly boolean[];
  /** Consecutive lots accepted since tightened inspection began or since the last one not accepted. */
  readonly acceptedInRow: number;
  /** Lots not accepted since tightened inspection began (discontinue at 5). */
  readonly notAcceptedOnTightened: number;
}

/** The conditions the standard puts on reduced inspection beyond the score. */
export interface SwitchingConditions {
  /** Production at a steady rate. */
  readonly steadyProduction: boolean;
  /** Reduced inspection considered desirable by the responsible authority. */
  readonly reducedApproved: boolean;
}

export type SwitchingInput =
  | {
      readonly kind: 'lot';
      readonly accepted: boolean;
      /** Accepted with a count between Ac and Re (reduced inspection). */
      readonly inGap: boolean;
      readonly scoreStep: ScoreStep;
    }
  /** Production became irregular or was delayed: reduced inspection ends. */
  | { readonly kind: 'irregular-production' }
  /** The responsible authority asks for normal inspection (other conditions warrant it). */
  | { readonly kind: 'return-to-normal' }
  /** Corrective action taken after discontinuation: inspection resumes, tightened. */
  | { readonly kind: 'corrective-action' };

export type SwitchingRule =
  | 'two-of-five-not-accepted'
  | 'five-accepted-on-tightened'
  | 'switching-score-reached'
  | 'not-accepted-on-reduced'
  | 'count-between-ac-and-re'
  | 'irregular-production'
  | 'return-to-normal'
  | 'five-not-accepted-on-tightened'
  | 'corrective-action';

export interface SwitchingStep {
  readonly state: SwitchingState;
  /** Set when the severity changed: the rule that changed it. */
  readonly switched?: {
    readonly from: SwitchingSeverity;
    readonly to: SwitchingSeverity;
    readonly rule: SwitchingRule;
  };
}

/** Score at which reduced inspection may begin. */
export const REDUCED_SCORE_THRESHOLD = 30;

/**
 * A product's first lot starts on normal inspection with a score of 0.
 *
 * @example
 * initialSwitchingState(); // { severity: 'normal', score: 0, recent: [], ... }
 */
export function initialSwitchingState(severity: Severity = 'normal'): SwitchingState {
  return { severity, score: 0, recent: [], acceptedInRow: 0, notAcceptedOnTightened: 0 };
}

function enter(from: SwitchingState, to: SwitchingSeverity, rule: SwitchingRule): SwitchingStep {
  return {
    state: { ...initialSwitchingState(), severity: to },
    switched: { from: from.severity, to, rule },
  };
}

/**
 * The state after one input. A lot while inspection is discontinued is refused
 * (ConflictError `sampling.discontinued`): the standard allows no acceptance until corrective
 * action.
 *
 * @example
 * nextSwitchingState(state, { kind: 'irregular-production' }, conditions).switched?.rule; // 'irregular-production' (on reduced)
 */
export function nextSwitchingState(
  state: SwitchingState,
  input: SwitchingInput,
  conditions: SwitchingConditions,
): SwitchingStep {
  switch (input.kind) {
    case 'corrective-action':
      return state.severity === 'discontinued' ? enter(state, 'tightened', 'corrective-action') : { state };
    case 'irregular-production':
      return state.severity === 'reduced' ? enter(state, 'normal', 'irregular-production') : { state };
    case 'return-to-normal':
      return state.severity === 'reduced' ? enter(state, 'normal', 'return-to-normal') : { state };
    case 'lot':
      return afterLot(state, input, conditions);
  }
}

function afterLot(
  state: SwitchingState,
  lot: { readonly accepted: boolean; readonly inGap: boolean; readonly scoreStep: ScoreStep },
  conditions: SwitchingConditions,
): SwitchingStep {
  switch (state.severity) {
    case 'discontinued':
      throw new ConflictError(
        'sampling.discontinued',
        'acceptance inspection is discontinued (5 lots not accepted on tightened inspection): record corrective action first',
      );
    case 'normal': {
      const recent = [...state.recent, lot.accepted].slice(-5);
      if (recent.filter((accepted) => !accepted).length >= 2) {
        return enter(state, 'tightened', 'two-of-five-not-accepted');
      }
      const score = !lot.accepted || lot.scoreStep === 'reset' ? 0 : state.score + lot.scoreStep;
      if (score >= REDUCED_SCORE_THRESHOLD && conditions.steadyProduction && conditions.reducedApproved) {
        return enter(state, 'reduced', 'switching-score-reached');
      }
      return { state: { ...state, recent, score } };
    }
    case 'tightened': {
      if (!lot.accepted) {
        const notAccepted = state.notAcceptedOnTightened + 1;
        if (notAccepted >= 5) return enter(state, 'discontinued', 'five-not-accepted-on-tightened');
        return { state: { ...state, acceptedInRow: 0, notAcceptedOnTightened: notAccepted } };
      }
      const inRow = state.acceptedInRow + 1;
      if (inRow >= 5) return enter(state, 'normal', 'five-accepted-on-tightened');
      return { state: { ...state, acceptedInRow: inRow } };
    }
    case 'reduced':
      if (!lot.accepted) return enter(state, 'normal', 'not-accepted-on-reduced');
      if (lot.inGap) return enter(state, 'normal', 'count-between-ac-and-re');
      return { state };
  }
}

/**
 * Replays a product's history from the start: the state its next lot is inspected under.
 *
 * @example
 * replaySwitching(history, conditions).severity; // 'tightened'
 */
export function replaySwitching(
  inputs: readonly SwitchingInput[],
  conditions: SwitchingConditions,
  start: SwitchingState = initialSwitchingState(),
): SwitchingState {
  return inputs.reduce((state, input) => nextSwitchingState(state, input, conditions).state, start);
}
