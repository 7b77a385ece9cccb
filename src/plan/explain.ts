/**
 * Turning placed sequences into the schedule people read: placements with their changeover and
 * a reason in words, unplaced orders, warnings and totals.
 */
import type { MoveNote } from './improve.ts';
import { placeSequence, type LineModel, type Slot } from './line-plan.ts';
import type { Placement, PlanOrder, Schedule, ScheduleMethod, ScheduleTotals, Unplaced } from './types.ts';

export function assemble(
  method: ScheduleMethod,
  models: readonly LineModel[],
  orders: readonly PlanOrder[],
  workBy: readonly (readonly number[])[],
  sequences: readonly number[][],
  unplacedIdx: readonly { order: number; reason: string }[],
  notes: ReadonlyMap<number, MoveNote>,
  fixedNotes: ReadonlyMap<string, string>,
): Schedule {
  const placements: Placement[] = [];
  const unplaced: Unplaced[] = unplacedIdx.map((u) => ({
    orderId: orders[u.order]?.id ?? '',
    reason: u.reason,
  }));
  for (const model of models) {
    const sequence = sequences[model.index] ?? [];
    const plan = placeSequence(model, orders, sequence, workBy[model.index] ?? []);
    plan.slots.forEach((slot, k) => {
      const order = orders[slot.order];
      if (order === undefined) return;
      const previous = k > 0 ? orders[plan.slots[k - 1]?.order ?? -1] : undefined;
      placements.push(
        placementOf(model, order, slot, k, previous, notes.get(slot.order), fixedNotes, orders),
      );
    });
    if (plan.overflowAt >= 0)
      for (const index of sequence.slice(plan.overflowAt))
        unplaced.push({
          orderId: orders[index]?.id ?? '',
          reason: 'does not fit before the end of the shift calendar',
        });
  }
  return {
    method,
    placements,
    unplaced,
    warnings: warningsOf(models, orders, placements, unplaced),
    totals: totalsOf(orders, placements),
  };
}

function placementOf(
  model: LineModel,
  order: PlanOrder,
  slot: Slot,
  sequence: number,
  previous: PlanOrder | undefined,
  note: MoveNote | undefined,
  fixedNotes: ReadonlyMap<string, string>,
  orders: readonly PlanOrder[],
): Placement {
  const from = previous?.product ?? (sequence === 0 ? model.line.setup : undefined);
  const changeover =
    slot.changeoverMinutes > 0 && from !== undefined
      ? {
          from,
          to: order.product,
          minutes: slot.changeoverMinutes,
          start: slot.changeoverStart,
          end: slot.changeoverEnd,
        }
      : undefined;
  const why =
    fixedNotes.get(order.id) ??
    (note !== undefined
      ? `grouped with ${orders[note.besideOrder]?.id ?? '?'} (${order.product}) to save ${note.savedMinutes} min of changeover`
      : 'in due-date order, on the line that could finish it soonest');
  const setupText =
    changeover !== undefined
      ? `changeover ${changeover.from} -> ${changeover.to} (${changeover.minutes} min) before it`
      : 'no changeover';
  const dueText =
    slot.tardiness > 0
      ? `late by ${hours(slot.tardiness)}`
      : `on time, ${hours(order.due - slot.end)} before due`;
  return {
    orderId: order.id,
    lineId: model.line.id,
    product: order.product,
    quantity: order.quantity,
    sequence,
    start: slot.start,
    end: slot.end,
    workMinutes: slot.work,
    ...(changeover !== undefined ? { changeover } : {}),
    due: order.due,
    tardiness: slot.tardiness,
    reason: `${model.line.id}: ${why}; ${setupText}; ${dueText}`,
  };
}

function hours(minutes: number): string {
  return minutes >= 2880 ? `${(minutes / 1440).toFixed(1)} d` : `${(minutes / 60).toFixed(1)} h`;
}

function totalsOf(orders: readonly PlanOrder[], placements: readonly Placement[]): ScheduleTotals {
  const priority = new Map(orders.map((o) => [o.id, o.priority ?? 1]));
  let changeovers = 0;
  let changeoverMinutes = 0;
  let tardinessMinutes = 0;
  let weightedTardiness = 0;
  let lateOrders = 0;
  let makespan = 0;
  for (const p of placements) {
    if (p.changeover !== undefined) {
      changeovers++;
      changeoverMinutes += p.changeover.minutes;
    }
    tardinessMinutes += p.tardiness;
    weightedTardiness += p.tardiness * (priority.get(p.orderId) ?? 1);
    if (p.tardiness > 0) lateOrders++;
    makespan = Math.max(makespan, p.end);
  }
  return {
    orders: orders.length,
    placed: placements.length,
    changeovers,
    changeoverMinutes,
    tardinessMinutes,
    weightedTardiness,
    lateOrders,
    makespan,
  };
}

function warningsOf(
  models: readonly LineModel[],
  orders: readonly PlanOrder[],
  placements: readonly Placement[],
  unplaced: readonly Unplaced[],
): string[] {
  const warnings: string[] = [];
  const products = new Set(orders.map((o) => o.product));
  for (const m of models) {
    if (m.line.commissioned) continue;
    const could = m.line.products.filter((p) => products.has(p));
    if (could.length > 0)
      warnings.push(
        `line ${m.line.id} is not commissioned: no work placed on it (it makes ${could.join(', ')})`,
      );
  }
  for (const u of unplaced) warnings.push(`order ${u.orderId} cannot be placed: ${u.reason}`);
  const late = placements.filter((p) => p.tardiness > 0).length;
  if (late > 0) warnings.push(`${late} order${late === 1 ? '' : 's'} finish after their due date`);
  return warnings;
}
