/**
 * The reference plant-year (bench reference model), one event per box, on the project's kernel.
 *
 * Four lines (100, 90, 80, 60 rounds/min), boxes of 20 rounds, Monday to Friday 06:00-22:00.
 * Time to failure ~ Exp(120 min) counted in window time only (stopped outside windows and during
 * repair); repair ~ Exp(15 min) of calendar time; the interrupted box resumes with its remaining
 * work; a box in progress at window close is finished (also when it resumes after a repair that
 * ended outside the window); no new box starts outside a window. A finished box is rejected with
 * probability 0.005. Each line draws from its own stream.
 *
 * Because the failure clock runs on window time, the calendar instant of the next failure is
 * known when the clock starts (`calendar.advance`); so each line has exactly one pending event:
 * its next box completion, failure, repair end or window opening.
 */
import { ShiftCalendar, DAY } from '../../src/sim/calendar.ts';
import { bernoulliThreshold, exponential } from '../../src/sim/distributions.ts';
import { RandomStreams } from '../../src/sim/random.ts';
import { Simulation } from '../../src/sim/simulation.ts';

export const REFERENCE_RATES = [100, 90, 80, 60] as const;
export const BOX_ROUNDS = 20;
export const HORIZON = 365 * DAY;

/* eslint-disable @typescript-eslint/no-unsafe-enum-comparison -- the const enum below holds named
   numbers, compared with plain numbers on purpose. */
// Event kinds. A `const enum`, so that the values are written into the code (a module-level
// `const` is read from the module's scope at every use in V8).
const enum Event {
  BoxDone,
  Failure,
  RepairDone,
  WindowOpen,
}

export interface ReferenceResult {
  readonly good: number;
  readonly rejected: number;
  readonly failures: number;
  readonly events: number;
  readonly perLine: readonly { good: number; rejected: number; failures: number }[];
}

/** The reference calendar: Monday to Friday, 06:00-22:00, minute 0 a Monday 00:00. */
export function referenceCalendar(horizon = HORIZON): ShiftCalendar {
  const windows = [0, 1, 2, 3, 4].map((day) => ({ day, start: 6 * 60, end: 22 * 60 }));
  return ShiftCalendar.weekly({ windows }, horizon);
}

const sharedCalendar = referenceCalendar();

/** The reference model's parameters; tests vary them to probe edge cases. */
export interface ReferenceOptions {
  readonly rates?: readonly number[];
  readonly meanTimeToFailure?: number;
  readonly meanRepair?: number;
  readonly rejectProbability?: number;
  readonly calendar?: ShiftCalendar;
  readonly horizon?: number;
}

/** Runs one plant-year of the reference model with the given seed. */
export function runReference(seed: number, options: ReferenceOptions = {}): ReferenceResult {
  const rates = options.rates ?? REFERENCE_RATES;
  const calendar = options.calendar ?? sharedCalendar;
  const horizon = options.horizon ?? HORIZON;
  const lines = rates.length;
  const sim = new Simulation(16);
  const streams = new RandomStreams(seed);
  const rngs = rates.map((_, i) => streams.stream(`line:${i + 1}`));
  const timeToFailure = exponential(options.meanTimeToFailure ?? 120);
  const repairTime = exponential(options.meanRepair ?? 15);
  const rejectThreshold = bernoulliThreshold(options.rejectProbability ?? 0.005);

  const cycle = Float64Array.from(rates, (rate) => BOX_ROUNDS / rate);
  const remaining = new Float64Array(lines); // work left on a box interrupted by a failure
  const boxEnd = new Float64Array(lines); // when the box in hand would finish undisturbed
  const failAt = new Float64Array(lines); // calendar instant of the next failure
  const windowEnd = new Float64Array(lines); // end of the window the line last worked in
  const windowStart = new Float64Array(lines);
  const good = new Float64Array(lines); // boxes
  const rejected = new Float64Array(lines); // boxes
  const failures = new Float64Array(lines);
  const starts = calendar.starts;
  const ends = calendar.ends;

  /** Outside the window the line last worked in: finds the window for now. False when closed. */
  const enterWindow = (line: number): boolean => {
    const t = sim.now;
    const i = calendar.windowIndex(t);
    if (i >= starts.length) return false; // the calendar is over: the line stops
    windowStart[line] = starts[i]!;
    windowEnd[line] = ends[i]!;
    if (t >= starts[i]!) return true;
    sim.at(starts[i]!, Event.WindowOpen, line);
    return false;
  };

  /**
   * Starts a new box at `now` if the window is open, else waits for the next window. The hot
   * path: one event per box. A box only ever finishes inside or after the window it started in,
   * so after a box, `now >= windowEnd` alone says the window has closed.
   */
  const nextBox = (line: number): void => {
    const t = sim.now;
    if (t >= windowEnd[line]! && !enterWindow(line)) return;
    const end = t + cycle[line]!;
    boxEnd[line] = end;
    const f = failAt[line]!;
    // One scheduling call site on the hot path, so the optimiser inlines the event list there.
    const failing = f < end;
    sim.at(failing ? f : end, failing ? Event.Failure : Event.BoxDone, line);
  };

  // Failures, repairs and window openings: one event in ~500, kept out of the hot path.
  const rare = (kind: number, line: number): void => {
    const t = sim.now;
    if (kind === Event.Failure) {
      remaining[line] = boxEnd[line]! - t;
      failures[line]! += 1;
      sim.at(t + repairTime.sample(rngs[line]!), Event.RepairDone, line);
      return;
    }
    if (kind === Event.RepairDone) {
      failAt[line] = calendar.advance(t, timeToFailure.sample(rngs[line]!));
      const left = remaining[line]!;
      if (left > 0) {
        // The interrupted box resumes with its remaining work, also outside the window.
        remaining[line] = 0;
        const end = t + left;
        boxEnd[line] = end;
        const f = failAt[line];
        sim.at(f < end ? f : end, f < end ? Event.Failure : Event.BoxDone, line);
        return;
      }
    } else if (t < windowStart[line]! && !enterWindow(line)) return; // WINDOW_OPEN
    nextBox(line);
  };

  const handle = (kind: number, line: number): void => {
    if (kind !== Event.BoxDone) return rare(kind, line);
    // The Bernoulli reject draw, inline: one 32-bit draw against p * 2^32.
    if (rngs[line]!.below(rejectThreshold)) rejected[line]! += 1;
    else good[line]! += 1;
    nextBox(line);
  };

  for (let line = 0; line < lines; line += 1) {
    failAt[line] = calendar.advance(0, timeToFailure.sample(rngs[line]!));
    windowEnd[line] = -1;
    nextBox(line);
  }
  sim.run(horizon, handle);

  const perLine = rates.map((_, i) => ({
    good: good[i]! * BOX_ROUNDS,
    rejected: rejected[i]! * BOX_ROUNDS,
    failures: failures[i]!,
  }));
  return {
    good: perLine.reduce((s, l) => s + l.good, 0),
    rejected: perLine.reduce((s, l) => s + l.rejected, 0),
    failures: perLine.reduce((s, l) => s + l.failures, 0),
    events: sim.events,
    perLine,
  };
}
