import { describe, expect, it } from 'vitest';
import { DAY, ShiftCalendar } from '../../src/sim/calendar.ts';
import { runReference } from './model.ts';

describe('reference plant-year', () => {
  it('makes 73.33 M good rounds on average', () => {
    // Seed-to-seed sd of good rounds is 0.13 M (reference figures, 30 seeds). The mean of 8
    // seeds has a standard error of 0.13/sqrt(8) = 0.046 M; the reference mean itself 0.024 M.
    // Together 0.052 M: 4 of them is 0.21 M (0.28 %).
    const seeds = 8;
    let good = 0;
    let rejected = 0;
    for (let seed = 1; seed <= seeds; seed += 1) {
      const result = runReference(seed);
      good += result.good;
      rejected += result.rejected;
      expect(result.good + result.rejected).toBeGreaterThan(0);
    }
    expect(Math.abs(good / seeds - 73.33e6)).toBeLessThan(0.21e6);
    // Rejects: 0.5 % of processed rounds, binomial noise well under 1 %.
    expect(rejected / (good + rejected)).toBeCloseTo(0.005, 3);
  });

  it('finishes the box in progress at window close and starts none outside the window', () => {
    // No failures; a cycle of 20/6.8 min does not divide the 960-minute window: 326 boxes fit,
    // the 327th starts before 22:00, runs past it and is counted; no 328th starts.
    const result = runReference(1, {
      rates: [6.8],
      meanTimeToFailure: 1e12,
      rejectProbability: 0,
      horizon: 7 * DAY,
    });
    const cycle = 20 / 6.8;
    const boxesPerDay = Math.ceil(960 / cycle);
    expect(result.good).toBe(5 * boxesPerDay * 20);
    expect(result.failures).toBe(0);
  });

  it('stops the failure clock outside the window and during repair; a holiday has no work', () => {
    const windows = [[360, 1320]] as const; // one window on day 0, then nothing
    const calendar = ShiftCalendar.fromWindows(windows.map(([s, e]) => [s, e]));
    const result = runReference(3, {
      rates: [100],
      meanTimeToFailure: 60,
      meanRepair: 5,
      calendar,
      horizon: 3 * DAY,
    });
    // Failures only happen in the 960 window minutes, roughly 960 / 60 = 16 of them.
    expect(result.failures).toBeGreaterThan(4);
    expect(result.failures).toBeLessThan(35);
    // Output is bounded by the window (plus the last box finishing after close).
    expect(result.good + result.rejected).toBeLessThanOrEqual(960 * 100 + 20);
    const empty = runReference(3, { rates: [100], calendar: ShiftCalendar.fromWindows([]), horizon: DAY });
    expect(empty.good + empty.rejected + empty.failures).toBe(0);
  });
});
