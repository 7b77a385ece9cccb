/**
 * The simulation kernel: future-event list, simulation clock, seeded random streams,
 * distributions and shift calendars.
 *
 * @example
 * import { RandomStreams, ShiftCalendar, Simulation, exponential } from '../sim/index.ts';
 * const FAILURE = 0;
 * const sim = new Simulation();
 * const rng = new RandomStreams(42).stream('line:L1');
 * const weekdays = [0, 1, 2, 3, 4].map((day) => ({ day, start: 360, end: 1320 }));
 * const calendar = ShiftCalendar.weekly({ windows: weekdays }, 365 * 1440);
 * // The first failure after 120 operating minutes on average, counted in window time only.
 * sim.at(calendar.advance(0, exponential(120).sample(rng)), FAILURE, 0);
 * sim.run(365 * 1440, (kind, line) => {
 *   // handle FAILURE for `line` at sim.now, schedule the repair, ...
 * });
 */
export { DAY, ShiftCalendar, WEEK, type WeeklyPattern, type WeeklyWindow } from './calendar.ts';
export {
  bernoulli,
  bernoulliThreshold,
  binomial,
  binomialLogPmf,
  constant,
  type Distribution,
  empirical,
  exponential,
  lognormal,
  lognormalFromMean,
  normal,
  poisson,
  poissonLogPmf,
  sampleBinomial,
  samplePoisson,
  triangular,
  uniform,
  weibull,
} from './distributions.ts';
export { EventQueue, MAX_PRIORITY, MIN_PRIORITY } from './event-queue.ts';
export { RandomStream, RandomStreams, streamFor } from './random.ts';
export { calendarFromScenario, dayIndex, distributionFromScenario, weekdayOf } from './scenario-adapters.ts';
export { type EventHandler, type EventModel, Simulation } from './simulation.ts';
