import { describe, expect, it } from 'vitest';
import type { Calendar } from '../domain/scenario/index.ts';
import { DAY } from './calendar.ts';
import { calendarFromScenario, dayIndex, distributionFromScenario, weekdayOf } from './scenario-adapters.ts';

describe('scenario adapters', () => {
  it('turns scenario distributions into kernel distributions with the stated means', () => {
    expect(distributionFromScenario({ kind: 'lognormal', mean: 60, sd: 45 }).mean).toBeCloseTo(60, 9);
    expect(distributionFromScenario({ kind: 'exponential', mean: 2400 }).mean).toBe(2400);
    expect(distributionFromScenario({ kind: 'fixed', value: 5 }).variance).toBe(0);
    expect(distributionFromScenario({ kind: 'empirical', values: [1, 3] }).mean).toBe(2);
    // A normal duration is truncated at zero: its mean moves up.
    expect(distributionFromScenario({ kind: 'normal', mean: 1, sd: 2 }).mean).toBeGreaterThan(1);
  });

  it('counts days and weekdays from the start date', () => {
    expect(dayIndex('2026-01-05', '2026-01-07')).toBe(2);
    expect(weekdayOf('2026-01-05')).toBe(0);
    expect(weekdayOf('2026-01-04')).toBe(6);
  });

  it('compiles shifts, a night shift past midnight and holidays', () => {
    const calendar: Calendar = {
      id: 'c',
      name: 'c',
      week: {
        mon: [
          { start: '06:00', end: '14:00' },
          { start: '22:00', end: '06:00' },
        ],
        tue: [{ start: '06:00', end: '14:00' }],
      },
      holidays: ['2026-01-13'],
    };
    const compiled = calendarFromScenario(calendar, '2026-01-05', 14 * DAY);
    expect(compiled.isOpen(360)).toBe(true);
    expect(compiled.isOpen(23 * 60)).toBe(true);
    // Monday night runs into Tuesday 06:00, then Tuesday's early shift follows without a gap.
    expect(compiled.windowEnd(23 * 60)).toBe(DAY + 14 * 60);
    // Second Tuesday (day 8) is a holiday: Monday's night shift stops at midnight.
    expect(compiled.windowEnd(7 * DAY + 23 * 60)).toBe(8 * DAY);
    expect(compiled.isOpen(8 * DAY + 600)).toBe(false);
  });
});
