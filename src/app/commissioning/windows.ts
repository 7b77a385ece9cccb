import {
  clipWindows,
  dueInstant,
  type AcceptanceProtocol,
  type Span,
} from '../../domain/commissioning/index.ts';
import { RefusedError } from '../../domain/errors.ts';
import type { Line, Scenario } from '../../domain/scenario/schema.ts';
import { shiftWindows } from '../../plan/scenario.ts';
import { localDate, localInstant } from '../plant-time.ts';

/** The protocol as a test keeps it: with its operating windows, fixed when it started. */
export interface StoredProtocol extends AcceptanceProtocol {
  /** When a test begun before it was entered was entered (null: started when entered). */
  readonly startEnteredAt: string | null;
  readonly operatingWindows: readonly { readonly from: string; readonly to: string }[];
}

/**
 * The operating windows of a test from `start`: the line's shift windows (its calendar, in the
 * plant's time zone) until `hours` of them have passed. Refused when the calendar does not hold
 * that many hours in two years.
 *
 * @example
 * const { windows, dueAt } = operatingWindowsFrom(scenario, line, now, 72);
 */
export function operatingWindowsFrom(
  scenario: Scenario,
  line: Line,
  start: Date,
  hours: number,
): { windows: Span[]; dueAt: number } {
  const calendar = scenario.calendars.find((c) => c.id === line.calendar);
  const tz = scenario.plant.timezone;
  // From the day before: a night shift that began yesterday may still be open.
  const origin = localDate(tz, new Date(start.getTime() - 86_400_000));
  for (let days = 16; calendar !== undefined && days <= 740; days *= 2) {
    const windows = shiftWindows(calendar, origin, days).map((w) => ({
      from: localInstant(tz, origin, w.start).getTime(),
      to: localInstant(tz, origin, w.end).getTime(),
    }));
    const due = dueInstant(windows, start.getTime(), hours);
    if (due !== undefined) return { windows: clipWindows(windows, start.getTime(), due), dueAt: due };
  }
  throw new RefusedError(
    'commissioning.calendar',
    `line ${line.id}: its calendar does not hold ${hours} h of operating time`,
    [`calendar ${line.calendar} of line ${line.id} has too few shift hours`],
  );
}

/** A stored test's windows as spans. */
export const windowSpans = (p: StoredProtocol): Span[] =>
  p.operatingWindows.map((w) => ({ from: Date.parse(w.from), to: Date.parse(w.to) }));
