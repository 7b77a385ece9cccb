/**
 * A shift calendar compiled for a horizon: the sorted, non-overlapping windows (in minutes from
 * the start of the study) in which a line may work. Built from a weekly pattern of windows minus
 * holidays; queries are binary searches over typed arrays, plus prefix sums of operating minutes
 * so that "the instant at which N more operating minutes have passed" is O(log windows).
 *
 * @example
 * // Monday to Friday, 06:00-22:00, minute 0 is a Monday 00:00, one holiday on day 2 (Wednesday).
 * const weekdays = [0, 1, 2, 3, 4].map((day) => ({ day, start: 360, end: 1320 }));
 * const calendar = ShiftCalendar.weekly({ windows: weekdays, holidays: [2] }, 14 * 1440);
 * calendar.isOpen(400); // true (Monday 06:40)
 * calendar.nextOpen(1320); // 1800 (Tuesday 06:00)
 * calendar.advance(1300, 30); // 1810, Tuesday 06:10: 20 min on Monday, 10 on Tuesday
 */
export class ShiftCalendar {
  /** Window starts, ascending. */
  readonly starts: Float64Array;
  /** Window ends; window i is [starts[i], ends[i]). */
  readonly ends: Float64Array;
  /** Operating minutes in the windows before window i (length count + 1). */
  readonly before: Float64Array;

  private constructor(starts: Float64Array, ends: Float64Array) {
    this.starts = starts;
    this.ends = ends;
    this.before = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i += 1) this.before[i + 1] = this.before[i]! + (ends[i]! - starts[i]!);
  }

  /** A calendar from explicit windows [start, end); they are sorted and merged where they touch. */
  static fromWindows(windows: readonly (readonly [number, number])[]): ShiftCalendar {
    const sorted = windows.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [s, e] of sorted) {
      const last = ends.length - 1;
      if (last >= 0 && s <= ends[last]!) ends[last] = Math.max(ends[last]!, e);
      else {
        starts.push(s);
        ends.push(e);
      }
    }
    return new ShiftCalendar(Float64Array.from(starts), Float64Array.from(ends));
  }

  /** A calendar that is always open (a line with no shift pattern). */
  static always(horizon: number): ShiftCalendar {
    return ShiftCalendar.fromWindows([[0, horizon]]);
  }

  /**
   * Compiles a weekly pattern over [0, horizon), cutting out whole holiday days. Windows may run
   * past midnight (end up to start + 7 days); a window that reaches a holiday is cut at midnight.
   */
  static weekly(pattern: WeeklyPattern, horizon: number): ShiftCalendar {
    const firstWeekday = pattern.startWeekday ?? 0;
    const holidays = new Set(pattern.holidays ?? []);
    const windows: [number, number][] = [];
    const days = Math.ceil(horizon / DAY) + 1;
    for (let d = -7; d < days; d += 1) {
      const weekday = (((firstWeekday + d) % 7) + 7) % 7;
      for (const w of pattern.windows) {
        if (w.day !== weekday) continue;
        const start = d * DAY + w.start;
        const end = d * DAY + w.end;
        // Cut the window into day pieces so that holidays remove exactly their own day.
        for (let s = start; s < end;) {
          const dayIndex = Math.floor(s / DAY);
          const e = Math.min(end, (dayIndex + 1) * DAY);
          if (!holidays.has(dayIndex)) {
            const cs = Math.max(0, s);
            const ce = Math.min(horizon, e);
            if (ce > cs) windows.push([cs, ce]);
          }
          s = e;
        }
      }
    }
    return ShiftCalendar.fromWindows(windows);
  }

  /** Number of windows. */
  get count(): number {
    return this.starts.length;
  }

  /** Total operating minutes. */
  get totalMinutes(): number {
    return this.before[this.starts.length]!;
  }

  /** Index of the first window that ends after t (the window holding t, or the next); `count` if none. */
  windowIndex(t: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Is t inside a window? */
  isOpen(t: number): boolean {
    const i = this.windowIndex(t);
    return i < this.starts.length && this.starts[i]! <= t;
  }

  /** The earliest instant ≥ t inside a window (t itself when open); Infinity after the last window. */
  nextOpen(t: number): number {
    const i = this.windowIndex(t);
    if (i >= this.starts.length) return Infinity;
    const s = this.starts[i]!;
    return s > t ? s : t;
  }

  /** The start of the next window that begins strictly after t; Infinity if none. */
  nextWindowStart(t: number): number {
    const i = this.windowIndex(t);
    if (i >= this.starts.length) return Infinity;
    return this.starts[i]! > t ? this.starts[i]! : (this.starts[i + 1] ?? Infinity);
  }

  /** End of the window holding t, or NaN when t is outside every window. */
  windowEnd(t: number): number {
    const i = this.windowIndex(t);
    return i < this.starts.length && this.starts[i]! <= t ? this.ends[i]! : NaN;
  }

  /** Operating minutes in [0, t). */
  operatingBefore(t: number): number {
    const i = this.windowIndex(t);
    if (i >= this.starts.length) return this.totalMinutes;
    const s = this.starts[i]!;
    return this.before[i]! + (t > s ? t - s : 0);
  }

  /** Operating minutes in [t1, t2). */
  operatingBetween(t1: number, t2: number): number {
    return t2 > t1 ? this.operatingBefore(t2) - this.operatingBefore(t1) : 0;
  }

  /**
   * The instant at which `minutes` operating minutes after t have passed (a clock that runs only
   * inside windows). Returns the end of a window rather than the next start when the count runs
   * out exactly at a window's end. Infinity when the calendar runs out first.
   */
  advance(t: number, minutes: number): number {
    const target = this.operatingBefore(t) + minutes;
    const before = this.before;
    const n = this.starts.length;
    if (target > before[n]!) return Infinity;
    // First window whose cumulative end reaches the target.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before[mid + 1]! >= target) hi = mid;
      else lo = mid + 1;
    }
    const at = this.starts[lo]! + (target - before[lo]!);
    return at > t ? at : t;
  }
}

/** One weekly window: `day` 0 = Monday ... 6 = Sunday; start/end in minutes after that midnight. */
export interface WeeklyWindow {
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

/** A weekly pattern of windows, holidays as day indices from the start, and minute 0's weekday. */
export interface WeeklyPattern {
  readonly windows: readonly WeeklyWindow[];
  readonly holidays?: readonly number[];
  /** Weekday of minute 0 (0 = Monday); Monday when omitted. */
  readonly startWeekday?: number;
}

/** Minutes in a day. */
export const DAY = 1440;
/** Minutes in a week. */
export const WEEK = 7 * DAY;
