/**
 * Adapters from the scenario file's shapes (src/domain/scenario) to the kernel's objects:
 * a scenario distribution to a `Distribution`, a scenario calendar to a compiled
 * `ShiftCalendar`, a date to a day index of the study.
 *
 * Minute 0 of a study is 00:00 of the plant's start date in plant local time; a day is 1,440
 * minutes (daylight-saving shifts are ignored: a shift is as long as its clock times say).
 *
 * @example
 * const repair = distributionFromScenario({ kind: 'lognormal', mean: 60, sd: 45 });
 * const calendar = calendarFromScenario(scenario.calendars[0], scenario.plant.startDate, 365 * 1440);
 */
import type {
  Calendar as ScenarioCalendar,
  Distribution as ScenarioDistribution,
  Weekday,
} from '../domain/scenario/index.ts';
import { DAY, ShiftCalendar, type WeeklyWindow } from './calendar.ts';
import {
  constant,
  type Distribution,
  empirical,
  exponential,
  lognormalFromMean,
  normal,
  triangular,
  uniform,
  weibull,
} from './distributions.ts';

/**
 * The kernel distribution for a scenario distribution. `normal` is truncated at zero (it
 * describes durations); a `normal` or `lognormal` with sd 0 is the constant mean.
 */
export function distributionFromScenario(spec: ScenarioDistribution): Distribution {
  switch (spec.kind) {
    case 'exponential':
      return exponential(spec.mean);
    case 'lognormal':
      return spec.sd > 0 ? lognormalFromMean(spec.mean, spec.sd) : constant(spec.mean);
    case 'weibull':
      return weibull(spec.shape, spec.scale);
    case 'triangular':
      return triangular(spec.min, spec.mode, spec.max);
    case 'uniform':
      return spec.max > spec.min ? uniform(spec.min, spec.max) : constant(spec.min);
    case 'normal':
      return spec.sd > 0 ? normal(spec.mean, spec.sd, 0) : constant(spec.mean);
    case 'empirical':
      return empirical(spec.values, spec.weights);
    case 'fixed':
      return constant(spec.value);
  }
}

/** Days from `start` to `date` (both `YYYY-MM-DD`); negative when `date` is earlier. */
export function dayIndex(start: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

/** Weekday of a date, 0 = Monday. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

// Local on purpose: replication workers import this file, and loading the scenario schema
// module (TypeBox) would add a second or more to every worker's start.
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Minutes after midnight of a validated `HH:MM`. */
function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The weekly windows of a scenario calendar; an end at or before its start runs into the next day. */
export function weeklyWindows(calendar: ScenarioCalendar): WeeklyWindow[] {
  const windows: WeeklyWindow[] = [];
  WEEKDAYS.forEach((name, day) => {
    for (const shift of calendar.week[name] ?? []) {
      const start = minutesOfDay(shift.start);
      let end = minutesOfDay(shift.end);
      if (end <= start) end += DAY;
      windows.push({ day, start, end });
    }
  });
  return windows;
}

/** Compiles a scenario calendar for a study starting on `startDate` and lasting `horizon` minutes. */
export function calendarFromScenario(
  calendar: ScenarioCalendar,
  startDate: string,
  horizon: number,
): ShiftCalendar {
  return ShiftCalendar.weekly(
    {
      windows: weeklyWindows(calendar),
      holidays: (calendar.holidays ?? []).map((date) => dayIndex(startDate, date)),
      startWeekday: weekdayOf(startDate),
    },
    horizon,
  );
}
