/**
 * From a scenario to the scheduler's input, and from plan minutes back to dates. Minute 0 is
 * 00:00 plant local time of the origin date (by default the plant's start date); a day is 1,440
 * minutes. A due date means "by the end of that day"; a release date "from the start of it".
 */
import type { Calendar, Scenario } from '../domain/scenario/index.ts';
import { minutesOfDay, WEEKDAYS } from '../domain/scenario/index.ts';
import type { Interval, PlanLine, PlanOrder } from './types.ts';

export const DAY = 1440;

/** Whole days from `origin` to `date` (both `YYYY-MM-DD`). */
export function dayOf(origin: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${origin}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after `origin`. */
export function dateAfter(origin: string, days: number): string {
  return new Date(Date.parse(`${origin}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A plan minute as a local date-time `YYYY-MM-DDTHH:MM`.
 *
 * @example
 * localDateTime('2026-01-05', 1440 + 6 * 60); // '2026-01-06T06:00'
 */
export function localDateTime(origin: string, minute: number): string {
  const m = Math.round(minute);
  const day = Math.floor(m / DAY);
  const rest = m - day * DAY;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `${dateAfter(origin, day)}T${hh}:${mm}`;
}

/** The minute a due date ends (24:00 of that day). */
export function dueMinute(origin: string, date: string): number {
  return (dayOf(origin, date) + 1) * DAY;
}

/** The minute a release date starts (00:00 of that day). */
export function releaseMinute(origin: string, date: string): number {
  return dayOf(origin, date) * DAY;
}

/**
 * A calendar's shift windows over `days` days from `origin`, merged where one shift runs into
 * the next. A holiday removes the shifts that start on it; a window whose end is at or before
 * its start runs into the next day.
 *
 * @example
 * shiftWindows(twoShiftCalendar, '2026-01-05', 1); // [{ start: 360, end: 1320 }]
 */
export function shiftWindows(calendar: Calendar, origin: string, days: number): Interval[] {
  const holidays = new Set(calendar.holidays ?? []);
  const firstWeekday = (new Date(`${origin}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  const out: Interval[] = [];
  for (let d = 0; d < days; d++) {
    if (holidays.has(dateAfter(origin, d))) continue;
    const name = WEEKDAYS[(firstWeekday + d) % 7];
    if (name === undefined) continue;
    for (const w of calendar.week[name] ?? []) {
      const start = minutesOfDay(w.start);
      let end = minutesOfDay(w.end);
      if (end <= start) end += DAY;
      out.push({ start: d * DAY + start, end: d * DAY + end });
    }
  }
  out.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const w of out) {
    const last = merged[merged.length - 1];
    if (last !== undefined && w.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, w.end) };
    else merged.push(w);
  }
  return merged;
}

export interface LinesFromScenarioOptions {
  /** Date of minute 0; default the plant's start date. */
  readonly origin?: string;
  /** Days of shift windows to lay out; default the simulation horizon plus 120 days for late work. */
  readonly days?: number;
  /**
   * Share of the rated rate a plan counts on (failures, micro-stops, rejects and planned
   * maintenance eat the rest); default 0.85.
   */
  readonly efficiency?: number;
  /** Which lines are in service; default those with a prior acceptance act. */
  readonly commissioned?: ReadonlySet<string>;
  /** Blocked intervals per line id. */
  readonly blocked?: Readonly<Record<string, readonly Interval[]>>;
}

/**
 * The scenario's assembly lines as planning lines.
 *
 * @example
 * const lines = planLinesFromScenario(scenario, { efficiency: 0.85 });
 * lines.map((l) => l.id); // ['L1', 'L2', 'L3', 'L4']
 */
export function planLinesFromScenario(
  scenario: Scenario,
  options: LinesFromScenarioOptions = {},
): PlanLine[] {
  const origin = options.origin ?? scenario.plant.startDate;
  const days = options.days ?? scenario.simulation.horizonDays + 120;
  const efficiency = options.efficiency ?? 0.85;
  const calendars = new Map(scenario.calendars.map((c) => [c.id, c]));
  const windowsOf = new Map<string, Interval[]>();
  return scenario.lines
    .filter((line) => line.kind === 'assembly')
    .map((line) => {
      let windows = windowsOf.get(line.calendar);
      if (windows === undefined) {
        const calendar = calendars.get(line.calendar);
        windows = calendar === undefined ? [] : shiftWindows(calendar, origin, days);
        windowsOf.set(line.calendar, windows);
      }
      const commissioned = options.commissioned?.has(line.id) ?? line.commissioning?.priorAct !== undefined;
      return {
        id: line.id,
        products: line.products,
        rate: line.ratedRate * efficiency,
        ...(line.changeovers !== undefined ? { changeovers: line.changeovers } : {}),
        windows,
        commissioned,
        ...(options.blocked?.[line.id] !== undefined ? { blocked: options.blocked[line.id] } : {}),
      };
    });
}

/**
 * The scenario's firm orders as planning orders.
 *
 * @example
 * firmOrders(scenario)[0]; // { id: 'SO-2026-0001', product: 'ball-ps', quantity: 528000, due: 57600, release: 0, priority: 1 }
 */
export function firmOrders(scenario: Scenario, origin = scenario.plant.startDate): PlanOrder[] {
  return (scenario.demand.firm ?? []).map((o) => ({
    id: o.id,
    product: o.product,
    quantity: o.quantity,
    due: dueMinute(origin, o.due),
    release: o.release !== undefined ? Math.max(0, releaseMinute(origin, o.release)) : 0,
    priority: o.priority ?? 1,
  }));
}
