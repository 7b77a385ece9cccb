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
import { bernoulli, exponential } from '../../src/sim/distributions.ts';
import { RandomStreams } from '../../src/sim/random.ts';
import { Simulation } from '../../src/sim/simulation.ts';

export const REFERENCE_RATES = [100, 90, 80, 60] as const;
export const BOX_ROUNDS = 20;
export const HORIZON = 365 * DAY;

const BOX_DONE = 0;
const FAILURE = 1;
const REPAIR_DONE = 2;
const WINDOW_OPEN = 3;

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
  const reject = bernoulli(options.rejectProbability ?? 0.005);

  const cycle = Float64Array.from(rates, (rate) => BOX_ROUNDS / rate);
  const remaining = new Float64Array(lines); // work left on the box in hand; 0 = no box
  const boxEnd = new Float64Array(lines); // when the box in hand would finish undisturbed
  const failAt = new Float64Array(lines); // calendar instant of the next failure
  const windowEnd = new Float64Array(lines); // end of the window the line last worked in
  const windowStart = new Float64Array(lines);
  const good = new Float64Array(lines);
  const rejected = new Float64Array(lines);
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
    sim.at(starts[i]!, WINDOW_OPEN, line);
    return false;
  };

  /** The line works on: the box in hand, else a new one if the window is open. */
  const work = (line: number): void => {
    const t = sim.now;
    let left = remaining[line]!;
    if (left === 0) {
      if ((t >= windowEnd[line]! || t < windowStart[line]!) && !enterWindow(line)) return;
      left = cycle[line]!;
      remaining[line] = left;
    }
    const end = t + left;
    boxEnd[line] = end;
    const f = failAt[line]!;
    // One scheduling call site, so the optimiser inlines it once.
    const failing = f < end;
    sim.at(failing ? f : end, failing ? FAILURE : BOX_DONE, line);
  };

  // The box completion, by far the most frequent event, is handled first and inline; the
  // others are rare. One call site for `work` keeps the handler small enough for the optimiser
  // to inline the event list's push into it.
  const rare = (kind: number, line: number): boolean => {
    const t = sim.now;
    if (kind === FAILURE) {
      remaining[line] = boxEnd[line]! - t;
      failures[line]! += 1;
      sim.at(t + repairTime.sample(rngs[line]!), REPAIR_DONE, line);
      return false;
    }
    if (kind === REPAIR_DONE) failAt[line] = calendar.advance(t, timeToFailure.sample(rngs[line]!));
    return true; // REPAIR_DONE, WINDOW_OPEN: back to work
  };

  const handle = (kind: number, line: number): void => {
    if (kind === BOX_DONE) {
      remaining[line] = 0;
      if (reject.sample(rngs[line]!) === 1) rejected[line]! += BOX_ROUNDS;
      else good[line]! += BOX_ROUNDS;
    } else if (!rare(kind, line)) return;
    work(line);
  };

  for (let line = 0; line < lines; line += 1) {
    failAt[line] = calendar.advance(0, timeToFailure.sample(rngs[line]!));
    windowEnd[line] = -1;
    work(line);
  }
  sim.run(horizon, handle);

  const perLine = rates.map((_, i) => ({
    good: good[i]!,
    rejected: rejected[i]!,
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
