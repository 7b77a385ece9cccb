import type { Scenario } from '../domain/scenario/schema.ts';
import { ShiftCalendar } from '../sim/calendar.ts';
import { calendarFromScenario } from '../sim/scenario-adapters.ts';

const DAY = 1440;

/**
 * How far the first fill of `headstamp start` runs, in simulated minutes from the scenario's
 * start: `days`, carried on to an hour into the first shift after them when they end with every
 * line off shift (a night, a weekend). The live plant then opens with its lines running and a
 * first look at the dashboard shows production rather than a closed plant for the first hours.
 *
 * @example
 * // The seed plant's 30 days end at midnight before a Wednesday; its shifts open at 06:00.
 * firstFillMinutes(seedPlant, 30); // 43,620: 30 days and 7 hours
 */
export function firstFillMinutes(scenario: Scenario, days: number): number {
  const end = days * DAY;
  // Two weeks past the end is enough to find a shift after any weekend or holiday run.
  const horizon = end + 14 * DAY;
  const calendars = new Map(scenario.calendars.map((c) => [c.id, c]));
  let opens = Infinity;
  for (const line of scenario.lines) {
    if (line.kind !== 'assembly') continue;
    const calendar = calendars.get(line.calendar);
    const shifts =
      calendar === undefined
        ? ShiftCalendar.always(horizon)
        : calendarFromScenario(calendar, scenario.plant.startDate, horizon);
    opens = Math.min(opens, shifts.nextOpen(end));
  }
  if (opens === end || !Number.isFinite(opens)) return end;
  return opens + 60;
}
