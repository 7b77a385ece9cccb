import { describe, expect, it } from 'vitest';
import { DAY, ShiftCalendar } from './calendar.ts';

const weekdays = [0, 1, 2, 3, 4].map((day) => ({ day, start: 360, end: 1320 }));

describe('ShiftCalendar', () => {
  const calendar = ShiftCalendar.weekly({ windows: weekdays, holidays: [2] }, 14 * DAY);

  it('knows when it is open, up to but excluding the window end', () => {
    expect(calendar.isOpen(359.999)).toBe(false);
    expect(calendar.isOpen(360)).toBe(true);
    expect(calendar.isOpen(1319.999)).toBe(true);
    expect(calendar.isOpen(1320)).toBe(false);
    expect(calendar.windowEnd(400)).toBe(1320);
    expect(calendar.windowEnd(1320)).toBeNaN();
  });

  it('skips the holiday and the weekend', () => {
    expect(calendar.isOpen(2 * DAY + 600)).toBe(false);
    expect(calendar.nextOpen(DAY + 1320)).toBe(3 * DAY + 360);
    expect(calendar.nextOpen(4 * DAY + 1320)).toBe(7 * DAY + 360);
    expect(calendar.nextWindowStart(400)).toBe(DAY + 360);
    // Two weeks less one holiday: 9 windows of 960 minutes.
    expect(calendar.totalMinutes).toBe(9 * 960);
  });

  it('counts operating minutes between two instants', () => {
    expect(calendar.operatingBetween(0, DAY)).toBe(960);
    expect(calendar.operatingBetween(1300, DAY + 370)).toBe(30);
    expect(calendar.operatingBetween(0, 7 * DAY)).toBe(4 * 960);
  });

  it('advances a window-time clock across window ends, nights and holidays', () => {
    expect(calendar.advance(1300, 30)).toBe(DAY + 370);
    // Exactly used up at a window end: the end, not the next start (a failure at the edge).
    expect(calendar.advance(1300, 20)).toBe(1320);
    // From a closed instant the clock starts at the next window.
    expect(calendar.advance(DAY + 1320, 10)).toBe(3 * DAY + 370);
    expect(calendar.advance(0, 1e9)).toBe(Infinity);
  });

  it('cuts a night window at a holiday midnight and merges touching windows', () => {
    const nights = ShiftCalendar.weekly(
      { windows: [{ day: 0, start: 1320, end: 1440 + 360 }], holidays: [1] },
      7 * DAY,
    );
    expect(Array.from(nights.starts)).toEqual([1320]);
    expect(Array.from(nights.ends)).toEqual([1440]);
    const merged = ShiftCalendar.fromWindows([
      [0, 10],
      [10, 20],
      [30, 40],
    ]);
    expect(merged.count).toBe(2);
    expect(merged.totalMinutes).toBe(30);
  });

  it('starts the week on the given weekday', () => {
    // Minute 0 is a Saturday: the first window is Monday, two days later.
    const fromSaturday = ShiftCalendar.weekly({ windows: weekdays, startWeekday: 5 }, 7 * DAY);
    expect(fromSaturday.nextOpen(0)).toBe(2 * DAY + 360);
  });
});
