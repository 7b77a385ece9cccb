import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.ts';
import { merge } from './timeline.ts';
import { reschedule, schedule } from './schedule.ts';
import type { Interval, PlanLine, PlanOrder, Schedule } from './types.ts';

const DAY = 1440;
/** Two shifts, 06:00-22:00, on `days` days. */
const twoShifts = (days: number): Interval[] =>
  Array.from({ length: days }, (_, d) => ({ start: d * DAY + 360, end: d * DAY + 1320 }));

const special = (id: string, extra: Partial<PlanLine> = {}): PlanLine => ({
  id,
  products: ['tracer', 'blank'],
  rate: 60,
  changeovers: { tracer: { blank: 90 }, blank: { tracer: 120 } },
  windows: twoShifts(60),
  commissioned: true,
  ...extra,
});

/** Free minutes of `line` inside [a, b). */
function freeMinutes(line: PlanLine, a: number, b: number): number {
  const blocked = merge(line.blocked ?? []);
  let total = 0;
  for (const w of merge(line.windows)) {
    let s = Math.max(w.start, a, line.availableFrom ?? -Infinity);
    const e = Math.min(w.end, b);
    for (const x of blocked) {
      if (x.end <= s || x.start >= e) continue;
      total += Math.max(0, Math.min(x.start, e) - s);
      s = Math.max(s, x.end);
    }
    total += Math.max(0, e - s);
  }
  return total;
}

/** Everything a schedule must respect, whatever the method. */
function expectFeasible(lines: readonly PlanLine[], orders: readonly PlanOrder[], plan: Schedule): void {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const orderOf = new Map(orders.map((o) => [o.id, o]));
  expect(plan.placements.length + plan.unplaced.length).toBe(orders.length);
  let previousEnd = new Map<string, number>();
  for (const p of plan.placements) {
    const line = byId.get(p.lineId)!;
    const order = orderOf.get(p.orderId)!;
    expect(line.commissioned).toBe(true);
    expect(line.products).toContain(order.product);
    // Production uses exactly its work minutes of free time: never outside a window or in blocked time.
    expect(freeMinutes(line, p.start, p.end)).toBe(p.workMinutes);
    expect(p.workMinutes).toBe(Math.ceil(order.quantity / line.rate));
    expect(p.start).toBeGreaterThanOrEqual(order.release ?? 0);
    if (p.changeover !== undefined)
      expect(freeMinutes(line, p.changeover.start, p.changeover.end)).toBe(p.changeover.minutes);
    const begin = p.changeover?.start ?? p.start;
    expect(begin).toBeGreaterThanOrEqual(previousEnd.get(p.lineId) ?? -Infinity);
    previousEnd.set(p.lineId, p.end);
    expect(p.tardiness).toBe(Math.max(0, p.end - order.due));
  }
  previousEnd = new Map();
}

describe('schedule', () => {
  it('groups runs of a product to cut changeovers, without being later than EDD', () => {
    // Alternating products, all due in three weeks: EDD alternates, batching groups them.
    const orders: PlanOrder[] = Array.from({ length: 8 }, (_, i) => ({
      id: `SO-${i + 1}`,
      product: i % 2 === 0 ? 'tracer' : 'blank',
      quantity: 12_000,
      due: (14 + i) * DAY,
    }));
    const lines = [special('L3')];
    const edd = schedule({ lines, orders }, { method: 'edd' });
    const batched = schedule({ lines, orders });
    expectFeasible(lines, orders, edd);
    expectFeasible(lines, orders, batched);
    expect(edd.totals.changeovers).toBe(7);
    expect(batched.totals.changeovers).toBe(1);
    expect(batched.totals.tardinessMinutes).toBe(0);
    expect(batched.placements.map((p) => p.product)).toEqual([
      ...Array<string>(4).fill('tracer'),
      ...Array<string>(4).fill('blank'),
    ]);
    const moved = batched.placements.find((p) => /grouped/.test(p.reason) && p.product === 'tracer');
    const beside =
      /grouped with (SO-\d) \(tracer\) to save \d+ min of changeover; no changeover; on time/.exec(
        moved?.reason ?? '',
      );
    expect(orders.find((o) => o.id === beside?.[1])?.product).toBe('tracer');
    const change = batched.placements.find((p) => p.changeover !== undefined);
    expect(change?.changeover).toMatchObject({ from: 'tracer', to: 'blank', minutes: 90 });
    expect(change?.reason).toContain('changeover tracer -> blank (90 min) before it');
  });

  it('keeps a due date over a changeover saving', () => {
    // SO-2 (blank) is due tomorrow: grouping the tracers first would make it late.
    const orders: PlanOrder[] = [
      { id: 'SO-1', product: 'tracer', quantity: 20_000, due: 10 * DAY },
      { id: 'SO-2', product: 'blank', quantity: 20_000, due: 1 * DAY + 1320 },
      { id: 'SO-3', product: 'tracer', quantity: 20_000, due: 10 * DAY },
    ];
    const plan = schedule({ lines: [special('L3', { setup: 'blank' })], orders });
    expect(plan.placements[0]?.orderId).toBe('SO-2');
    expect(plan.totals.tardinessMinutes).toBe(0);
  });

  it('warns about a line not commissioned and an order no line can make', () => {
    const lines = [special('L3'), special('L4', { commissioned: false })];
    const orders: PlanOrder[] = [
      { id: 'SO-1', product: 'tracer', quantity: 6_000, due: 5 * DAY },
      { id: 'SO-2', product: 'ball', quantity: 6_000, due: 5 * DAY },
    ];
    const plan = schedule({ lines, orders });
    expect(plan.placements.map((p) => p.lineId)).toEqual(['L3']);
    expect(plan.unplaced).toEqual([{ orderId: 'SO-2', reason: 'no commissioned line makes ball' }]);
    expect(plan.warnings).toEqual([
      'line L4 is not commissioned: no work placed on it (it makes tracer)',
      'order SO-2 cannot be placed: no commissioned line makes ball',
    ]);
  });

  it('refuses a line with no rate', () => {
    expect(() => schedule({ lines: [special('L3', { rate: 0 })], orders: [] })).toThrow(ValidationError);
  });
});

describe('reschedule', () => {
  it('after a long stop, keeps started orders and moves later ones', () => {
    const lines = [special('L3'), special('L4')];
    const orders: PlanOrder[] = Array.from({ length: 16 }, (_, i) => ({
      id: `SO-${String(i + 1).padStart(2, '0')}`,
      product: i % 3 === 0 ? 'blank' : 'tracer',
      quantity: 30_000,
      due: (6 + i) * DAY,
    }));
    const before = schedule({ lines, orders });
    const at = 2 * DAY + 600;
    const stop = { start: at, end: 9 * DAY };
    const stopped = lines.map((l) => (l.id === 'L3' ? { ...l, blocked: [stop] } : l));
    const after = reschedule({ lines: stopped, orders }, before, at);
    expectFeasible(stopped, orders, after);
    const old = new Map(before.placements.map((p) => [p.orderId, p]));
    for (const p of after.placements) {
      const was = old.get(p.orderId)!;
      if ((was.changeover?.start ?? was.start) < at) {
        // Started: same line, same place in its sequence; only its end may move.
        expect(p.lineId).toBe(was.lineId);
        expect(p.reason).toContain('started before the reschedule');
      } else {
        expect(p.changeover?.start ?? p.start).toBeGreaterThanOrEqual(at);
      }
    }
    // The L3 order running at the stop ends after it; the orders that were to follow on L3 moved
    // later or to L4.
    const cut = before.placements.find((p) => p.lineId === 'L3' && p.start < at && p.end > at)!;
    expect(after.placements.find((p) => p.orderId === cut.orderId)!.end).toBeGreaterThan(stop.end);
    const followers = before.placements.filter((p) => p.lineId === 'L3' && p.start >= at);
    expect(followers.length).toBeGreaterThan(0);
    for (const f of followers) {
      const now = after.placements.find((p) => p.orderId === f.orderId)!;
      expect(now.lineId === 'L4' || now.start >= stop.end).toBe(true);
    }
    expect(after.totals.makespan).toBeGreaterThan(before.totals.makespan);
  });
});

describe('schedule (properties)', () => {
  const lineArb = (id: string) =>
    fc
      .record({
        products: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
        rate: fc.integer({ min: 20, max: 200 }),
        commissioned: fc.boolean(),
        shifts: fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 12 })), {
          minLength: 1,
          maxLength: 30,
        }),
        blocked: fc.array(
          fc.tuple(fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 1, max: 3 * DAY })),
          {
            maxLength: 2,
          },
        ),
        from: fc.integer({ min: 0, max: 2 * DAY }),
      })
      .map((r): PlanLine => ({
        id,
        products: r.products,
        rate: r.rate,
        commissioned: r.commissioned,
        changeovers: { a: { b: 30, c: 60 }, b: { a: 45, c: 20 }, c: { a: 15, b: 90 } },
        windows: r.shifts.map(([d, h]) => ({ start: d * DAY + 360, end: d * DAY + 360 + h * 60 })),
        blocked: r.blocked.map(([s, len]) => ({ start: s, end: s + len })),
        availableFrom: r.from,
      }));
  const orderArb = fc.record({
    product: fc.constantFrom('a', 'b', 'c', 'd'),
    quantity: fc.integer({ min: 1, max: 60_000 }),
    due: fc.integer({ min: 0, max: 25 * DAY }),
    release: fc.integer({ min: 0, max: 10 * DAY }),
    priority: fc.integer({ min: 1, max: 3 }),
  });
  const inputArb = fc.record({
    lines: fc.tuple(lineArb('L1'), lineArb('L2'), lineArb('L3')),
    orders: fc.array(orderArb, { maxLength: 30 }),
  });

  it('never places outside free shift time or on a line that cannot make it; batched is never later than EDD', () => {
    fc.assert(
      fc.property(inputArb, ({ lines, orders: raw }) => {
        const orders = raw.map((o, i) => ({ id: `O${i}`, ...o }));
        const edd = schedule({ lines, orders }, { method: 'edd' });
        const batched = schedule({ lines, orders });
        expectFeasible(lines, orders, edd);
        expectFeasible(lines, orders, batched);
        expect(batched.placements.length).toBe(edd.placements.length);
        expect(batched.totals.weightedTardiness).toBeLessThanOrEqual(edd.totals.weightedTardiness);
        if (batched.totals.weightedTardiness === edd.totals.weightedTardiness)
          expect(batched.totals.changeoverMinutes).toBeLessThanOrEqual(edd.totals.changeoverMinutes);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});
