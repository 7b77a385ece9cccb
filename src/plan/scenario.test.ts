import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../domain/scenario/index.ts';
import { generateOrders } from './demand.ts';
import { dueMinute, firmOrders, localDateTime, planLinesFromScenario, shiftWindows } from './scenario.ts';

describe('shiftWindows', () => {
  const calendar = {
    id: 'c',
    name: 'c',
    week: {
      mon: [
        { start: '06:00', end: '14:00' },
        { start: '14:00', end: '22:00' },
      ],
      tue: [{ start: '22:00', end: '06:00' }],
    },
    holidays: ['2026-01-12'],
  };

  it('merges back-to-back shifts, runs a night shift into the next day, skips holidays', () => {
    // 2026-01-05 is a Monday; 2026-01-12 (the next Monday) is a holiday.
    expect(shiftWindows(calendar, '2026-01-05', 9)).toEqual([
      { start: 360, end: 1320 },
      { start: 1440 + 1320, end: 2 * 1440 + 360 },
      { start: 8 * 1440 + 1320, end: 9 * 1440 + 360 },
    ]);
  });
});

describe('scenario adapters', () => {
  const scenario = exampleScenario();

  it('turns assembly lines into planning lines', () => {
    const lines = planLinesFromScenario(scenario, { efficiency: 0.5, days: 7 });
    expect(lines.map((l) => [l.id, l.rate, l.commissioned])).toEqual([
      ['L1', 50, true],
      ['L2', 30, false],
    ]);
    expect(lines[1]?.changeovers).toEqual({ ball: { blank: 60 }, blank: { ball: 90 } });
    // Mon-Fri, day shift 06:00-14:00.
    expect(lines[0]?.windows).toHaveLength(5);
  });

  it('reads firm orders and converts minutes back to local time', () => {
    expect(firmOrders(scenario)).toEqual([
      {
        id: 'SO-1',
        product: 'ball',
        quantity: 52_800,
        due: dueMinute('2026-01-05', '2026-02-13'),
        release: 0,
        priority: 1,
      },
    ]);
    expect(dueMinute('2026-01-05', '2026-01-05')).toBe(1440);
    expect(localDateTime('2026-01-05', 1440 + 6 * 60 + 5)).toBe('2026-01-06T06:05');
  });
});

describe('generateOrders', () => {
  const scenario = exampleScenario();

  it('is deterministic for a seed and follows the demand', () => {
    const a = generateOrders(scenario, { seed: 7 });
    expect(generateOrders(scenario, { seed: 7 })).toEqual(a);
    expect(generateOrders(scenario, { seed: 8 })).not.toEqual(a);
    expect(a).toHaveLength(200);
    for (const o of a) {
      expect(o.quantity % 1320).toBe(0);
      expect(o.quantity).toBeGreaterThanOrEqual(10_560);
      expect(o.quantity).toBeLessThanOrEqual(59_400);
      expect(o.due - o.release).toBe((42 + 1) * 1440);
      expect(o.consignee).toBe('army');
    }
    const ball = a.filter((o) => o.product === 'ball').length / a.length;
    expect(ball).toBeGreaterThan(0.7);
    expect(ball).toBeLessThan(0.9);
  });
});
