import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTING_STATES,
  canReach,
  isLegalTransition,
  isPackMLState,
  nextState,
  PACKML_COMMANDS,
  PACKML_STATES,
  PACKML_TRANSITIONS,
} from './packml.ts';

describe('PackML state model', () => {
  it('has the 17 states of ISA-TR88.00.02', () => {
    expect(PACKML_STATES).toHaveLength(17);
    expect(isPackMLState('Execute')).toBe(true);
    expect(isPackMLState('Running')).toBe(false);
  });

  it('runs the production cycle through its commands', () => {
    expect(nextState('Idle', 'Start')).toBe('Starting');
    expect(nextState('Starting', 'StateComplete')).toBe('Execute');
    expect(nextState('Execute', 'StateComplete')).toBe('Completing');
    expect(nextState('Completing', 'StateComplete')).toBe('Complete');
    expect(nextState('Complete', 'Reset')).toBe('Resetting');
    expect(nextState('Resetting', 'StateComplete')).toBe('Idle');
  });

  it('holds, suspends, stops and aborts as the model says', () => {
    expect(nextState('Execute', 'Hold')).toBe('Holding');
    expect(nextState('Held', 'Unhold')).toBe('Unholding');
    expect(nextState('Execute', 'Suspend')).toBe('Suspending');
    expect(nextState('Suspended', 'Unsuspend')).toBe('Unsuspending');
    expect(nextState('Held', 'Stop')).toBe('Stopping');
    expect(nextState('Stopped', 'Stop')).toBeUndefined();
    expect(nextState('Stopped', 'Abort')).toBe('Aborting');
    expect(nextState('Aborted', 'Abort')).toBeUndefined();
    expect(nextState('Aborted', 'Clear')).toBe('Clearing');
    expect(nextState('Clearing', 'StateComplete')).toBe('Stopped');
    expect(nextState('Stopped', 'Start')).toBeUndefined();
  });

  it('is deterministic: one command leads to at most one state', () => {
    for (const state of PACKML_STATES) {
      for (const command of PACKML_COMMANDS) {
        const targets = PACKML_TRANSITIONS.filter((t) => t.from === state && t.command === command);
        expect(targets.length).toBeLessThanOrEqual(1);
      }
    }
  });

  it('lets every acting state, and Execute (its production done), complete by itself', () => {
    for (const state of PACKML_STATES) {
      const completes = ACTING_STATES.has(state) || state === 'Execute';
      expect(nextState(state, 'StateComplete') !== undefined).toBe(completes);
    }
  });

  it('lets a line skip reporting acting states, never a missing command', () => {
    expect(canReach('Idle', 'Execute')).toBe(true);
    expect(canReach('Execute', 'Held')).toBe(true);
    expect(canReach('Execute', 'Stopped')).toBe(true);
    expect(canReach('Stopped', 'Idle')).toBe(true);
    expect(canReach('Stopped', 'Execute')).toBe(false);
    expect(canReach('Aborted', 'Idle')).toBe(false);
    expect(canReach('Held', 'Execute')).toBe(true);
    expect(isLegalTransition('Held', 'Execute')).toBe(false);
  });

  it('reaches Aborted from every state (Abort is always possible)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PACKML_STATES), (state) => {
        expect(canReach(state, 'Aborted')).toBe(true);
      }),
    );
  });

  it('counts every direct transition as reachable', () => {
    for (const t of PACKML_TRANSITIONS) expect(canReach(t.from, t.to)).toBe(true);
  });
});
