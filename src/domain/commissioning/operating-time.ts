/**
 * Operating time of an acceptance test: the line's shift windows (its calendar) from the
 * test's start, on the plant's clock. A 72-hour test on a two-shift line runs over several
 * days; nights and weekends are not part of it, so a line idle outside its shifts loses
 * nothing. Windows are instants in ms since the epoch, sorted and not overlapping.
 *
 * @example
 * const windows = [{ from: 0, to: 8 * 3_600_000 }, { from: 24 * 3_600_000, to: 32 * 3_600_000 }];
 * dueInstant(windows, 0, 12); // 28 * 3_600_000
 */

/** A span of time, ms since the epoch. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * The instant at which `hours` of window time have passed since `start`, or undefined if the
 * windows do not hold that much.
 *
 * @example
 * dueInstant([{ from: 0, to: 3_600_000 }], 0, 2); // undefined
 */
export function dueInstant(windows: readonly Span[], start: number, hours: number): number | undefined {
  let left = hours * 3_600_000;
  for (const w of windows) {
    const from = Math.max(w.from, start);
    if (w.to <= from) continue;
    if (w.to - from >= left) return from + left;
    left -= w.to - from;
  }
  return undefined;
}

/**
 * The parts of `windows` inside [from, to].
 *
 * @example
 * clipWindows([{ from: 0, to: 10 }, { from: 20, to: 30 }], 5, 25); // [{ from: 5, to: 10 }, { from: 20, to: 25 }]
 */
export function clipWindows(windows: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const w of windows) {
    const a = Math.max(w.from, from);
    const b = Math.min(w.to, to);
    if (b > a) out.push({ from: a, to: b });
  }
  return out;
}

/**
 * Total minutes of the windows.
 *
 * @example
 * windowMinutes([{ from: 0, to: 3_600_000 }]); // 60
 */
export function windowMinutes(windows: readonly Span[]): number {
  return windows.reduce((sum, w) => sum + (w.to - w.from) / 60_000, 0);
}
