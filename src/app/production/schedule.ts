import { RefusedError } from '../../domain/errors.ts';
import { isStopReasonCode, stopReason } from '../../domain/line/index.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import {
  dueMinute,
  localDateTime,
  planLinesFromScenario,
  schedule,
  type Interval,
  type PlanOrder,
  type Schedule,
} from '../../plan/index.ts';
import type { Executor } from '../../store/database.ts';
import { lineDataRepository } from '../../store/repositories/line-data.ts';
import { orderRepository } from '../../store/repositories/orders.ts';
import { lineServiceStatuses } from '../commissioning/status.ts';
import { runRepository } from '../../store/repositories/runs.ts';
import {
  scheduleRepository,
  type PlacementRecord,
  type ScheduleRecord,
} from '../../store/repositories/schedules.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { localDate, localInstant } from '../plant-time.ts';
import { withTransaction } from '../transaction.ts';

/** PackML states in which a line makes nothing until someone acts. */
const DOWN_STATES = new Set(['Stopping', 'Stopped', 'Aborting', 'Aborted', 'Holding', 'Held']);

export interface ScheduleView {
  readonly schedule: ScheduleRecord;
  readonly placements: readonly (PlacementRecord & {
    orderNumber: string;
    startsLocal: string;
    endsLocal: string;
  })[];
  readonly unplaced: readonly { orderNumber: string; reason: string }[];
  readonly warnings: readonly string[];
  readonly totals: Schedule['totals'];
}

export interface MakeScheduleOptions {
  /**
   * Minutes a line that is down now stays blocked from now (default: the mean repair time of
   * the scenario's repair distribution for that line, else 120).
   */
  readonly blockedMinutes?: Readonly<Record<string, number>>;
}

/**
 * Schedules every open production order (what is left of it) on the commissioned lines from
 * the plant clock's "now", with the scenario's shifts and changeovers (src/plan), and stores
 * the result as the schedule in force. A line that is down now (stopped, held or aborted, and
 * not for a planned reason such as a changeover) is blocked for its expected repair time, and the others take its work where they can: this is
 * how the plant reschedules after a stop. A line that is not commissioned gets no work and a
 * warning. Planners and admins.
 *
 * @example
 * const plan = await makeSchedule(app, planner);
 * plan.placements[0]; // { orderNumber: 'PO-2026-0001', lineId: 'L1', startsLocal: '2026-01-05T06:00', ... }
 */
export async function makeSchedule(
  app: AppContext,
  actor: Actor,
  options: MakeScheduleOptions = {},
): Promise<ScheduleView> {
  requireRole(actor, ['planner', 'admin'], 'make a schedule');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const tz = scenario.plant.timezone;
    const now = app.clock.now();
    const origin = localDate(tz, now);
    const originInstant = localInstant(tz, origin);
    const nowMinute = Math.max(0, Math.floor((now.getTime() - originInstant.getTime()) / 60_000));
    const toInstant = (minute: number): string =>
      new Date(originInstant.getTime() + minute * 60_000).toISOString();

    // Work goes to lines in service (latest acceptance act, or the prior act the plant file
    // names) and to lines whose acceptance test is running: a test needs production to measure.
    const service = await lineServiceStatuses(tx);
    const commissioned = new Set(service.filter((l) => l.commissioned || l.testRunning).map((l) => l.lineId));
    const warnings: string[] = [];
    const blocked: Record<string, Interval[]> = {};
    const down: string[] = [];
    const status = await lineDataRepository(tx).status(scenario.lines.map((l) => l.id));
    for (const line of scenario.lines) {
      const s = status.get(line.id);
      if (s?.state === null || s?.state === undefined || !DOWN_STATES.has(s.state)) continue;
      // Stopped for a planned reason (a changeover, planned maintenance, a break) is not down.
      if (s.reason !== null && isStopReasonCode(s.reason) && stopReason(s.reason).planned) continue;
      const minutes = options.blockedMinutes?.[line.id] ?? meanMinutes(line.failures.repair) ?? 120;
      blocked[line.id] = [{ start: nowMinute, end: nowMinute + Math.ceil(minutes) }];
      down.push(`${line.id} (${s.state}${s.reason === null ? '' : `, ${s.reason}`})`);
      warnings.push(
        `line ${line.id} is ${s.state}${s.reason === null ? '' : ` (${s.reason})`}: blocked for ${Math.ceil(minutes)} min from now`,
      );
    }
    for (const line of scenario.lines) {
      if (line.kind === 'assembly' && !service.some((l) => l.lineId === line.id && l.commissioned)) {
        warnings.push(
          commissioned.has(line.id)
            ? `line ${line.id} is not commissioned: it gets work for its running acceptance test`
            : `line ${line.id} is not commissioned: it gets no work until its acceptance act is signed`,
        );
      }
    }
    const setups = await currentSetups(tx, scenario);
    const lines = planLinesFromScenario(scenario, { origin, days: 240, commissioned, blocked }).map((l) => ({
      ...l,
      availableFrom: nowMinute,
      ...(setups.has(l.id) ? { setup: setups.get(l.id) } : {}),
    }));

    const orders = orderRepository(tx);
    const runs = runRepository(tx);
    const open = await orders.productionOrders({ status: ['open', 'running'] });
    const planOrders: PlanOrder[] = [];
    const byId = new Map(open.map((o) => [o.id, o]));
    for (const o of open) {
      const left = o.quantity - (await runs.goodForOrder(o.id));
      if (left <= 0) continue;
      planOrders.push({
        id: o.id,
        product: o.productId,
        quantity: left,
        due: dueMinute(origin, o.dueDate),
        release: nowMinute,
        priority: o.priority,
      });
    }
    if (planOrders.length === 0) warnings.push('no open production orders to schedule');
    const plan = schedule({ lines, orders: planOrders });
    warnings.push(...plan.warnings);

    const record: ScheduleRecord = {
      id: app.ids.next('schedule'),
      createdAt: now.toISOString(),
      startsAt: now.toISOString(),
      reason: down.length > 0 ? `after stop on ${down.join(', ')}` : 'planned',
      actor: actorRef(actor),
    };
    const placements: PlacementRecord[] = plan.placements.map((p, i) => ({
      seq: i + 1,
      productionOrderId: p.orderId,
      lineId: p.lineId,
      productId: p.product,
      quantity: p.quantity,
      startsAt: toInstant(p.changeover?.start ?? p.start),
      endsAt: toInstant(p.end),
      changeoverMinutes: p.changeover?.minutes ?? 0,
      late: p.tardiness > 0,
    }));
    await scheduleRepository(tx).insert(record, placements);
    const numberOf = (id: string): string => byId.get(id)?.orderNumber ?? id;
    return {
      schedule: record,
      placements: placements.map((p, i) => ({
        ...p,
        orderNumber: numberOf(p.productionOrderId),
        startsLocal: localDateTime(
          origin,
          plan.placements[i]?.changeover?.start ?? plan.placements[i]?.start ?? 0,
        ),
        endsLocal: localDateTime(origin, plan.placements[i]?.end ?? 0),
      })),
      unplaced: plan.unplaced.map((u) => ({ orderNumber: numberOf(u.orderId), reason: u.reason })),
      warnings,
      totals: plan.totals,
    };
  });
}

/**
 * What each line is making now: the product of its open run (the run goes on until its order is
 * done), by line id; lines with no open run are left out. Those are the lines a new count goes
 * to without dispatch.
 *
 * @example
 * const making = await productsOnLines(app, planner);
 * making.get('L3'); // 'tracer-t'
 */
export async function productsOnLines(app: AppContext, actor: Actor): Promise<Map<string, string>> {
  requireRole(actor, ['planner', 'admin', 'operator', 'quality', 'logistics', 'auditor'], 'see the lines');
  return currentSetups(app.store, await plantScenario(app.store));
}

/** What each line is set up for now: the product of its open run, if any. */
async function currentSetups(ex: Executor, scenario: Scenario): Promise<Map<string, string>> {
  const runs = runRepository(ex);
  const out = new Map<string, string>();
  for (const line of scenario.lines) {
    const run = await runs.openOnLine(line.id);
    if (run !== undefined) out.set(line.id, run.productId);
  }
  return out;
}

function meanMinutes(d: Scenario['lines'][number]['failures']['repair']): number | undefined {
  switch (d.kind) {
    case 'exponential':
    case 'lognormal':
    case 'normal':
      return d.mean;
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'weibull':
      return d.scale;
    case 'empirical':
      return d.values.reduce((a, b) => a + b, 0) / d.values.length;
  }
}

/**
 * The schedule in force, if any.
 *
 * @example
 * const current = await currentSchedule(app, actor);
 */
export async function currentSchedule(
  app: AppContext,
  actor: Actor,
): Promise<{ schedule: ScheduleRecord; placements: PlacementRecord[] }> {
  requireRole(actor, ['planner', 'admin', 'operator', 'quality', 'logistics', 'auditor'], 'see the schedule');
  const latest = await scheduleRepository(app.store).latest();
  if (latest === undefined)
    throw new RefusedError('schedule.none', 'no schedule yet', ['run headstamp schedule']);
  return latest;
}
