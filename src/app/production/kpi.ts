import { addRecords, computeKpis, type LineKpis, type LineTimeRecord } from '../../domain/kpi/index.ts';
import { measureLinePeriod } from '../../domain/line/index.ts';
import type { Calendar } from '../../domain/scenario/schema.ts';
import { WEEKDAYS } from '../../domain/scenario/schema.ts';
import type { Executor } from '../../store/database.ts';
import { isoOfMs, lineDataRepository } from '../../store/repositories/line-data.ts';
import { requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { localDate, localInstant } from '../plant-time.ts';

export interface KpiRow extends LineKpis {
  /** `L1:2026-01-05:A` (shift) or `L1:2026-01-05` (day). */
  readonly id: string;
  readonly lineId: string;
  /** Plant-local date the shift starts on. */
  readonly date: string;
  /** Shift name, or null for a whole day. */
  readonly shift: string | null;
  readonly record: LineTimeRecord;
}

export interface KpiQuery {
  /** First plant-local date (default: the date of the first line event). */
  readonly from?: string | undefined;
  /** Last plant-local date, inclusive (default: the date of the last line event). */
  readonly to?: string | undefined;
  readonly lineId?: string | undefined;
  readonly by?: 'shift' | 'day' | undefined;
}

interface Shift {
  readonly date: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * ISO 22400-2 time elements and KPIs per line and shift (or day) from the recorded line data:
 * each shift of the line's calendar is its planned time; the PackML states recorded in it are
 * sorted into production time (Execute, and short stops), set-up, down time by stop reason,
 * planned down time (out of planned busy time) and delay (idle without a reason); quantities
 * are the growth of the line's cumulative counters in the shift. Shifts with no data at all
 * are left out.
 *
 * @example
 * const rows = await lineKpis(app, actor, { from: '2026-01-05', to: '2026-01-09', by: 'day' });
 * rows[0]?.oee;
 */
export async function lineKpis(app: AppContext, actor: Actor, query: KpiQuery = {}): Promise<KpiRow[]> {
  requireRole(actor, ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'], 'see KPIs');
  const scenario = await plantScenario(app.store);
  const tz = scenario.plant.timezone;
  const range = await dataRange(app.store);
  if (range === undefined) return [];
  const from = query.from ?? localDate(tz, new Date(range.first));
  const to = query.to ?? localDate(tz, new Date(range.last));
  const calendars = new Map(scenario.calendars.map((c) => [c.id, c]));
  const rows: KpiRow[] = [];
  for (const line of scenario.lines) {
    if (query.lineId !== undefined && line.id !== query.lineId) continue;
    const calendar = calendars.get(line.calendar);
    if (calendar === undefined) continue;
    const shiftRows: KpiRow[] = [];
    // A shift still running is measured up to now, not to its end: its future is neither production
    // nor loss yet (otherwise the last state would be stretched over time that has not happened).
    const nowMs = app.clock.now().getTime();
    for (const planned of shiftsOf(calendar, tz, from, to)) {
      if (planned.start >= nowMs) continue;
      const shift = { ...planned, end: Math.min(planned.end, nowMs) };
      const record = await shiftRecord(app.store, line.id, 1 / line.ratedRate, shift);
      if (record === undefined) continue;
      shiftRows.push({
        id: `${line.id}:${shift.date}:${shift.name}`,
        lineId: line.id,
        date: shift.date,
        shift: shift.name,
        record,
        ...computeKpis(record),
      });
    }
    if (query.by === 'shift') {
      rows.push(...shiftRows);
      continue;
    }
    const byDay = new Map<string, LineTimeRecord>();
    for (const r of shiftRows) {
      const prior = byDay.get(r.date);
      byDay.set(r.date, prior === undefined ? r.record : addRecords(prior, r.record));
    }
    for (const [date, record] of byDay)
      rows.push({
        id: `${line.id}:${date}`,
        lineId: line.id,
        date,
        shift: null,
        record,
        ...computeKpis(record),
      });
  }
  return rows;
}

async function dataRange(ex: Executor): Promise<{ first: string; last: string } | undefined> {
  const r = await ex.db
    .selectFrom('line_events')
    .select((eb) => [eb.fn.min('at_ms').as('first'), eb.fn.max('at_ms').as('last')])
    .executeTakeFirst();
  if (r?.first === null || r?.first === undefined || r.last === null) return undefined;
  return { first: isoOfMs(r.first), last: isoOfMs(r.last) };
}

/** The calendar's shifts that start on the dates from..to (plant local), as instants (ms). */
function shiftsOf(calendar: Calendar, tz: string, from: string, to: string): Shift[] {
  const out: Shift[] = [];
  const holidays = new Set(calendar.holidays ?? []);
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (holidays.has(date)) continue;
    const weekday = WEEKDAYS[(new Date(day).getUTCDay() + 6) % 7];
    if (weekday === undefined) continue;
    (calendar.week[weekday] ?? []).forEach((w, i) => {
      const startMin = minutes(w.start);
      let endMin = minutes(w.end);
      if (endMin <= startMin) endMin += 1440;
      out.push({
        date,
        name: w.name ?? `S${i + 1}`,
        start: localInstant(tz, date, startMin).getTime(),
        end: localInstant(tz, date, endMin).getTime(),
      });
    });
  }
  return out;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** One shift's time elements and quantities from the line's events; undefined without data. */
async function shiftRecord(
  ex: Executor,
  lineId: string,
  pri: number,
  shift: Shift,
): Promise<LineTimeRecord | undefined> {
  const data = lineDataRepository(ex);
  const start = new Date(shift.start).toISOString();
  const end = new Date(shift.end).toISOString();
  const events = await data.events(lineId, start, end);
  const stateBefore = await data.lastBefore(lineId, 'state', start);
  if (events.length === 0 && stateBefore === undefined) return undefined;
  // A count says what was made up to its time: one at the shift's start belongs to the shift
  // before, one at its end to this one. A state at the end belongs to the next shift.
  const countBefore = await data.lastBefore(lineId, 'count', start, true);

  return measureLinePeriod({
    from: shift.start,
    to: shift.end,
    plannedRunTimePerItem: pri,
    stateBefore,
    countBefore,
    events,
  }).record;
}
