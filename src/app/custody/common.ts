import { NotFoundError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Executor } from '../../store/database.ts';
import { sequenceRepository } from '../../store/repositories/sequences.ts';
import { userRepository } from '../../store/repositories/users.ts';
import type { UserActor } from '../actor.ts';
import { principalOf } from '../auth/principal.ts';
import { UnknownActorError } from '../actor.ts';
import { localDate, zoneOffsetMinutes } from '../plant-time.ts';

/**
 * The next number of a yearly series, gap-free inside the writer's transaction:
 * `SH-2027-0001`, `AR-2027-0001`, `RC-2027-0001`.
 *
 * @example
 * await nextNumber(tx, scenario, 'SH', new Date('2027-01-04T10:00:00Z')); // 'SH-2027-0001'
 */
export async function nextNumber(
  ex: Executor,
  scenario: Scenario,
  prefix: string,
  at: Date,
): Promise<string> {
  const year = localDate(scenario.plant.timezone, at).slice(0, 4);
  const n = await sequenceRepository(ex).next(scenario.plant.id, `${prefix.toLowerCase()}:${year}`);
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
}

/** The plant-local date of an instant (`YYYY-MM-DD`). */
export function plantDate(scenario: Scenario, at: Date): string {
  return localDate(scenario.plant.timezone, at);
}

/** The consignee of the scenario, or NotFoundError. */
export function consigneeOf(scenario: Scenario, id: string): Scenario['consignees'][number] {
  const c = scenario.consignees.find((x) => x.id === id);
  if (c === undefined) {
    throw new NotFoundError('consignee.not_found', `no consignee ${id} (see the scenario's consignees)`, {
      consignee: id,
    });
  }
  return c;
}

/** The user of a name as an actor, read inside the current transaction or from the records. */
export async function userActor(ex: Executor, name: string): Promise<UserActor> {
  const user = await userRepository(ex).byName(name);
  if (user === undefined) throw new UnknownActorError(name);
  return principalOf(user);
}

/**
 * The shift a run began in: the line's calendar window holding its start in plant local time,
 * or null outside every window (overtime).
 *
 * @example
 * shiftAt(scenario, 'L1', '2027-01-04T04:00:00.000Z'); // { date: '2027-01-04', shift: 'A' }
 */
export function shiftAt(
  scenario: Scenario,
  lineId: string,
  at: string,
): { date: string; shift: string | null } {
  const instant = new Date(at);
  const tz = scenario.plant.timezone;
  const date = localDate(tz, instant);
  const line = scenario.lines.find((l) => l.id === lineId);
  const calendar = scenario.calendars.find((c) => c.id === line?.calendar);
  const local = new Date(instant.getTime() + zoneOffsetMinutes(tz, instant) * 60_000);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const day = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[local.getUTCDay()] ?? 'mon';
  const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  for (const [i, w] of (calendar?.week[day] ?? []).entries()) {
    const start = toMin(w.start);
    const end = toMin(w.end);
    const inside = end > start ? minutes >= start && minutes < end : minutes >= start || minutes < end;
    if (inside) return { date, shift: w.name ?? `shift ${i + 1}` };
  }
  return { date, shift: null };
}
