import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateLineEvent, type LineCursor } from './events.ts';
import { canReach, PACKML_STATES, PACKML_TRANSITIONS, ACTING_STATES, type PackMLState } from './packml.ts';
import { isCanonicalInstant, quickLineEvent } from './quick.ts';
import { STOP_REASON_CODES } from './stop-reasons.ts';

const base = Date.UTC(2026, 10, 22, 6, 0);
const notAfter = new Date(base + 60_000);

/** Inputs near the valid ones: mostly right values, now and then a wrong one, in every field. */
const mostly = <T, U>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<U>): fc.Arbitrary<T | U> =>
  fc.oneof({ arbitrary: right, weight: 8 }, { arbitrary: wrong, weight: 1 });
const time = mostly(
  fc.integer({ min: -120, max: 120 }).map((s) => new Date(base + s * 1000).toISOString()),
  fc.oneof(
    fc.constantFrom(
      '2026-11-22T06:00:00Z',
      '2026-11-22T07:00:00+01:00',
      '2026-11-22 06:00:00.000Z',
      '2026-02-30T06:00:00.000Z',
      '2026-11-22T06:00:00.000z',
      '',
    ),
    fc.integer(),
  ),
);
const count = mostly(fc.integer({ min: 0, max: 60 }), fc.constantFrom(-1, 1.5, '7', Number.NaN, 2 ** 60));
const input = fc.record(
  {
    kind: mostly(fc.constantFrom('state', 'count'), fc.constantFrom('stop', 'speed')),
    lineId: mostly(fc.constant('L1'), fc.constantFrom('', ' ', ' L1', 7)),
    at: time,
    state: mostly(fc.constantFrom(...PACKML_STATES), fc.constantFrom('Running', 3)),
    reason: mostly(fc.constantFrom(...STOP_REASON_CODES), fc.constantFrom('coffee', 1)),
    processed: count,
    defective: count,
    counterReset: mostly(fc.boolean(), fc.constantFrom('yes', 0)),
    productId: mostly(fc.constant('ball-ps'), fc.constantFrom('', 5)),
  },
  { requiredKeys: ['kind', 'lineId', 'at'] },
);
const cursor: fc.Arbitrary<LineCursor> = fc.record(
  {
    state: fc.constantFrom(...PACKML_STATES),
    processed: fc.integer({ min: 0, max: 60 }),
    defective: fc.integer({ min: 0, max: 60 }),
    at: fc.integer({ min: -120, max: 120 }).map((s) => new Date(base + s * 1000).toISOString()),
  },
  { requiredKeys: [] },
);

describe('quickLineEvent', () => {
  it('accepts only what validateLineEvent accepts, as the same event', () => {
    let taken = 0;
    fc.assert(
      fc.property(input, cursor, (raw, c) => {
        const atMs = typeof raw.at === 'string' ? Date.parse(raw.at) : Number.NaN;
        const previousAtMs = c.at === undefined ? Number.NaN : Date.parse(c.at);
        const quick = quickLineEvent(raw, atMs, c, previousAtMs, notAfter.getTime());
        if (quick === undefined) return;
        taken += 1;
        expect(validateLineEvent(raw, c, notAfter)).toEqual({ ok: true, event: quick });
      }),
      { numRuns: 5000 },
    );
    // The comparison must have happened often enough to mean something.
    expect(taken).toBeGreaterThan(50);
  });

  it('takes the common events itself', () => {
    const at = new Date(base).toISOString();
    const c: LineCursor = {
      state: 'Execute',
      processed: 10,
      defective: 1,
      at: new Date(base - 250).toISOString(),
    };
    const prev = base - 250;
    const counted = { kind: 'count', lineId: 'L1', at, processed: 38, defective: 1 };
    expect(quickLineEvent(counted, base, c, prev, notAfter.getTime())).toEqual({ ...counted });
    const held = { kind: 'state', lineId: 'L1', at, state: 'Held', reason: 'starved' };
    expect(quickLineEvent(held, base, c, prev, notAfter.getTime())).toEqual(held);
    // Backwards, future, another time form, a stop: left to validateLineEvent.
    expect(quickLineEvent({ ...counted, processed: 9 }, base, c, prev, notAfter.getTime())).toBeUndefined();
    expect(quickLineEvent(counted, base, c, prev, base - 1)).toBeUndefined();
    expect(
      quickLineEvent({ ...counted, at: '2026-11-22T06:00:00Z' }, base, c, prev, Infinity),
    ).toBeUndefined();
    expect(
      quickLineEvent({ kind: 'stop', lineId: 'L1', at, reason: 'breakdown' }, base, c, prev, Infinity),
    ).toBeUndefined();
  });

  it('knows the canonical time form', () => {
    expect(isCanonicalInstant('2026-11-22T06:00:00.000Z')).toBe(true);
    expect(isCanonicalInstant('2026-11-22T06:00:00Z')).toBe(false);
    expect(isCanonicalInstant('2026-11-22T06:00:00.000+')).toBe(false);
    expect(isCanonicalInstant('2026-11-22T06:0a:00.000Z')).toBe(false);
  });
});

describe('canReach (worked out once per pair)', () => {
  it('answers as a fresh search of the state model does', () => {
    const search = (from: PackMLState, to: PackMLState): boolean => {
      if (from === to) return true;
      const queue = PACKML_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
      const seen = new Set<PackMLState>();
      while (queue.length > 0) {
        const s = queue.shift()!;
        if (s === to) return true;
        if (seen.has(s) || !ACTING_STATES.has(s)) continue;
        seen.add(s);
        for (const t of PACKML_TRANSITIONS)
          if (t.from === s && t.command === 'StateComplete') queue.push(t.to);
      }
      return false;
    };
    for (let round = 0; round < 2; round++)
      for (const from of PACKML_STATES)
        for (const to of PACKML_STATES) expect(canReach(from, to), `${from} → ${to}`).toBe(search(from, to));
  });
});
