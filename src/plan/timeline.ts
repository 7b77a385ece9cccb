import type { Interval } from './types.ts';

/**
 * The free time of a line: its shift windows less its blocked intervals, merged and sorted,
 * with a prefix sum of minutes so that "where does N worked minutes from t end" is a binary
 * search rather than a walk.
 *
 * @example
 * const t = Timeline.of([{ start: 360, end: 840 }, { start: 1800, end: 2280 }]);
 * t.advance(800, 100); // { start: 800, end: 1860, worked: 100 } — 40 min today, 60 tomorrow
 */
export class Timeline {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** before[i]: free minutes in intervals 0..i-1. */
  private readonly before: Float64Array;

  private constructor(free: readonly Interval[]) {
    const n = free.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.before = new Float64Array(n + 1);
    free.forEach((iv, i) => {
      this.starts[i] = iv.start;
      this.ends[i] = iv.end;
      this.before[i + 1] = (this.before[i] ?? 0) + iv.end - iv.start;
    });
  }

  /** Free time = windows minus blocked, from `from` on. */
  static of(windows: readonly Interval[], blocked: readonly Interval[] = [], from = -Infinity): Timeline {
    return new Timeline(subtract(merge(windows), merge(blocked), from));
  }

  /** The free intervals, for display and tests. */
  intervals(): Interval[] {
    return Array.from(this.starts, (start, i) => ({ start, end: this.ends[i] ?? start }));
  }

  /** Index of the first interval that ends after `t`, or length if none. */
  private firstEndingAfter(t: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ends[mid] ?? 0) > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Free minutes from minute 0 of the axis up to `t`. */
  private freeBefore(t: number, i: number): number {
    const start = this.starts[i];
    if (start === undefined) return this.before[i] ?? 0;
    return (this.before[i] ?? 0) + Math.max(0, t - start);
  }

  /**
   * Works `minutes` from `t`: starts at the first free minute at or after `t` and ends when
   * that many free minutes are used. Undefined when the free time runs out first.
   */
  advance(t: number, minutes: number): { start: number; end: number } | undefined {
    const i = this.firstEndingAfter(t);
    const first = this.starts[i];
    if (first === undefined) return undefined;
    const start = Math.max(t, first);
    if (minutes <= 0) return { start, end: start };
    const target = this.freeBefore(start, i) + minutes;
    // First interval j whose cumulative end reaches target.
    let lo = i;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.before[mid + 1] ?? 0) >= target) hi = mid;
      else lo = mid + 1;
    }
    const j = lo;
    const jStart = this.starts[j];
    if (jStart === undefined) return undefined;
    return { start, end: jStart + (target - (this.before[j] ?? 0)) };
  }
}

/** Sorted, non-overlapping, non-empty intervals covering the same minutes. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((iv) => iv.end > iv.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && iv.start <= last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, iv.end) };
    else out.push({ start: iv.start, end: iv.end });
  }
  return out;
}

/** `windows` less `blocked` (both merged), cut to start at `from`. */
function subtract(windows: readonly Interval[], blocked: readonly Interval[], from: number): Interval[] {
  const out: Interval[] = [];
  let b = 0;
  for (const w of windows) {
    let start = Math.max(w.start, from);
    const end = w.end;
    while (b < blocked.length && (blocked[b]?.end ?? 0) <= start) b++;
    let k = b;
    while (start < end) {
      const block = blocked[k];
      if (block === undefined || block.start >= end) {
        out.push({ start, end });
        break;
      }
      if (block.start > start) out.push({ start, end: block.start });
      start = Math.max(start, block.end);
      k++;
    }
  }
  return out;
}
