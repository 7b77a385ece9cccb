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
import { bernoulliThreshold, exponential, type Distribution } from '../../src/sim/distributions.ts';
import { RandomStreams, type RandomStream } from '../../src/sim/random.ts';
import { Simulation, type EventModel } from '../../src/sim/simulation.ts';

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

/**
 * The reference plant during one plant-year: each line's state in typed arrays, and how it takes
 * each event. A class, run by `Simulation.runModel`: its `handle` is the same function in every
 * plant-year of a process, so the optimiser inlines it into the event loop once (a handler
 * closure made per plant-year was a new function each time; about 10 % slower).
 */
class ReferencePlant implements EventModel {
  readonly sim = new Simulation(16);
  readonly rngs: readonly RandomStream[];
  readonly cycle: Float64Array;
  readonly remaining: Float64Array; // work left on a box interrupted by a failure
  readonly boxEnd: Float64Array; // when the box in hand would finish undisturbed
  readonly failAt: Float64Array; // calendar instant of the next failure
  readonly windowEnd: Float64Array; // end of the window the line last worked in
  readonly windowStart: Float64Array;
  readonly good: Float64Array; // boxes
  readonly rejected: Float64Array; // boxes
  readonly failures: Float64Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;

  constructor(
    rates: readonly number[],
    readonly calendar: ShiftCalendar,
    seed: number,
    readonly timeToFailure: Distribution,
    readonly repairTime: Distribution,
    /** The reject probability times 2^32: one 32-bit draw against it. */
    readonly rejectThreshold: number,
  ) {
    const lines = rates.length;
    const streams = new RandomStreams(seed);
    this.rngs = rates.map((_, i) => streams.stream(`line:${i + 1}`));
    this.cycle = Float64Array.from(rates, (rate) => BOX_ROUNDS / rate);
    this.remaining = new Float64Array(lines);
    this.boxEnd = new Float64Array(lines);
    this.failAt = new Float64Array(lines);
    this.windowEnd = new Float64Array(lines);
    this.windowStart = new Float64Array(lines);
    this.good = new Float64Array(lines);
    this.rejected = new Float64Array(lines);
    this.failures = new Float64Array(lines);
    this.starts = calendar.starts;
    this.ends = calendar.ends;
    for (let line = 0; line < lines; line += 1) {
      this.failAt[line] = calendar.advance(0, timeToFailure.sample(this.rngs[line]!));
      this.windowEnd[line] = -1;
      this.nextBox(line);
    }
  }

  /** Outside the window the line last worked in: finds the window for now. False when closed. */
  enterWindow(line: number): boolean {
    const t = this.sim.now;
    const i = this.calendar.windowIndex(t);
    if (i >= this.starts.length) return false; // the calendar is over: the line stops
    this.windowStart[line] = this.starts[i]!;
    this.windowEnd[line] = this.ends[i]!;
    if (t >= this.starts[i]!) return true;
    this.sim.at(this.starts[i]!, Event.WindowOpen, line);
    return false;
  }

  /**
   * Starts a new box at `now` if the window is open, else waits for the next window. The hot
   * path: one event per box. A box only ever finishes inside or after the window it started in,
   * so after a box, `now >= windowEnd` alone says the window has closed.
   */
  nextBox(line: number): void {
    const t = this.sim.now;
    if (t >= this.windowEnd[line]! && !this.enterWindow(line)) return;
    const end = t + this.cycle[line]!;
    this.boxEnd[line] = end;
    const f = this.failAt[line]!;
    // One scheduling call site on the hot path, so the optimiser inlines the event list there.
    const failing = f < end;
    this.sim.at(failing ? f : end, failing ? Event.Failure : Event.BoxDone, line);
  }

  /** Failures, repairs and window openings: one event in ~500, kept out of the hot path. */
  rare(kind: number, line: number): void {
    const t = this.sim.now;
    if (kind === Event.Failure) {
      this.remaining[line] = this.boxEnd[line]! - t;
      this.failures[line]! += 1;
      this.sim.at(t + this.repairTime.sample(this.rngs[line]!), Event.RepairDone, line);
      return;
    }
    if (kind === Event.RepairDone) {
      this.failAt[line] = this.calendar.advance(t, this.timeToFailure.sample(this.rngs[line]!));
      const left = this.remaining[line]!;
      if (left > 0) {
        // The interrupted box resumes with its remaining work, also outside the window.
        this.remaining[line] = 0;
        const end = t + left;
        this.boxEnd[line] = end;
        const f = this.failAt[line];
        this.sim.at(f < end ? f : end, f < end ? Event.Failure : Event.BoxDone, line);
        return;
      }
    } else if (t < this.windowStart[line]! && !this.enterWindow(line)) return; // WINDOW_OPEN
    this.nextBox(line);
  }

  handle(kind: number, line: number): void {
    if (kind !== Event.BoxDone) return this.rare(kind, line);
    // The Bernoulli reject draw, inline: one 32-bit draw against p * 2^32.
    if (this.rngs[line]!.below(this.rejectThreshold)) this.rejected[line]! += 1;
    else this.good[line]! += 1;
    this.nextBox(line);
  }
}

/** Runs one plant-year of the reference model with the given seed. */
export function runReference(seed: number, options: ReferenceOptions = {}): ReferenceResult {
  const rates = options.rates ?? REFERENCE_RATES;
  const plant = new ReferencePlant(
    rates,
    options.calendar ?? sharedCalendar,
    seed,
    exponential(options.meanTimeToFailure ?? 120),
    exponential(options.meanRepair ?? 15),
    bernoulliThreshold(options.rejectProbability ?? 0.005),
  );
  const sim = plant.sim;
  sim.runModel(options.horizon ?? HORIZON, plant);
  const { good, rejected, failures } = plant;

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
