import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { parseLineEvent, validateLineEvent, validateLineEvents } from './events.ts';
import { stopReason, stopReasons } from './stop-reasons.ts';

const at = '2026-11-22T06:00:00Z';

function problemsOf(
  input: unknown,
  ...rest: Parameters<typeof validateLineEvent> extends [unknown, ...infer R] ? R : never
) {
  const result = validateLineEvent(input, ...rest);
  return result.ok ? [] : result.problems;
}

describe('validateLineEvent', () => {
  it('accepts each kind and keeps only the known fields', () => {
    const state = validateLineEvent({ kind: 'state', lineId: 'L1', at, state: 'Execute', extra: 1 });
    expect(state).toEqual({ ok: true, event: { kind: 'state', lineId: 'L1', at, state: 'Execute' } });
    const count = validateLineEvent({ kind: 'count', lineId: 'L1', at, processed: 10, defective: 1 });
    expect(count.ok).toBe(true);
    const stop = validateLineEvent({
      kind: 'stop',
      lineId: 'L1',
      at,
      reason: 'breakdown',
      endedAt: '2026-11-22T06:10:00Z',
    });
    expect(stop.ok).toBe(true);
  });

  it('names an unknown state and an unknown kind', () => {
    expect(problemsOf({ kind: 'state', lineId: 'L1', at, state: 'Running' }).map((p) => p.path)).toEqual([
      'state',
    ]);
    expect(problemsOf({ kind: 'speed', lineId: 'L1', at }).map((p) => p.path)).toEqual(['kind']);
  });

  it('refuses defective > processed', () => {
    const problems = problemsOf({ kind: 'count', lineId: 'L1', at, processed: 5, defective: 6 });
    expect(problems).toEqual([{ path: 'defective', problem: 'must not exceed processed (5), got 6' }]);
  });

  it('refuses counters going backwards, unless the line says they were reset', () => {
    const cursor = { processed: 100, defective: 4 };
    const back = { kind: 'count', lineId: 'L1', at, processed: 90, defective: 3 };
    expect(problemsOf(back, cursor).map((p) => p.path)).toEqual(['processed', 'defective']);
    expect(problemsOf({ ...back, counterReset: true }, cursor)).toEqual([]);
  });

  it('refuses a state that cannot follow the previous one', () => {
    const problems = problemsOf({ kind: 'state', lineId: 'L1', at, state: 'Execute' }, { state: 'Stopped' });
    expect(problems.map((p) => p.path)).toEqual(['state']);
  });

  it('refuses time running backwards and time in the future', () => {
    const event = { kind: 'count', lineId: 'L1', at, processed: 1, defective: 0 };
    expect(problemsOf(event, { at: '2026-11-22T07:00:00Z' }).map((p) => p.path)).toEqual(['at']);
    expect(problemsOf(event, {}, new Date('2026-11-22T05:00:00Z')).map((p) => p.path)).toEqual(['at']);
    expect(problemsOf({ ...event, at: '2026-11-22 06:00' }).map((p) => p.path)).toEqual(['at']);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({
      kind: 'count',
      lineId: '',
      at: 'yesterday',
      processed: -1,
      defective: 1.5,
    });
    expect(problems.map((p) => p.path)).toEqual(['lineId', 'at', 'processed', 'defective']);
  });

  it('refuses a stop that ends before it starts or has no known reason', () => {
    const problems = problemsOf({
      kind: 'stop',
      lineId: 'L1',
      at,
      reason: 'coffee',
      endedAt: '2026-11-22T05:00:00Z',
    });
    expect(problems.map((p) => p.path)).toEqual(['reason', 'endedAt']);
  });

  it('throws a ValidationError with the problems from parseLineEvent', () => {
    expect(() => parseLineEvent({ kind: 'count', lineId: 'L1', at, processed: 1, defective: 2 })).toThrow(
      ValidationError,
    );
  });
});

describe('validateLineEvents', () => {
  it('checks each line against its own previous event in the batch', () => {
    const { events, problems, cursors } = validateLineEvents([
      { kind: 'count', lineId: 'L1', at, processed: 10, defective: 0 },
      { kind: 'count', lineId: 'L2', at, processed: 5, defective: 0 },
      { kind: 'count', lineId: 'L1', at, processed: 8, defective: 0 },
      { kind: 'count', lineId: 'L2', at, processed: 6, defective: 1 },
    ]);
    expect(events).toHaveLength(3);
    expect(problems.map((p) => p.path)).toEqual(['[2].processed']);
    expect(cursors.get('L1')).toMatchObject({ processed: 10 });
    expect(cursors.get('L2')).toMatchObject({ processed: 6, defective: 1 });
  });
});

describe('stop reasons', () => {
  it('charge each reason to one ISO 22400 time element', () => {
    expect(stopReason('changeover').lossCategory).toBe('setup');
    expect(stopReason('planned-maintenance').lossCategory).toBe('planned-downtime');
    expect(stopReason('micro-stop').lossCategory).toBe('minor-stop');
    expect(
      stopReasons()
        .filter((r) => r.planned)
        .map((r) => r.code),
    ).toEqual(['changeover', 'planned-maintenance', 'break']);
  });
});
