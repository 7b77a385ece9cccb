/**
 * Finite-capacity scheduling of orders onto lines: product-line compatibility, shift windows,
 * blocked time, changeover matrix, release and due dates. Pure: same input, same schedule.
 */
import { ValidationError, type FieldProblem } from '../domain/errors.ts';
import { byDueDate, earliestDueDate } from './edd.ts';
import { improveSequences, type MoveNote } from './improve.ts';
import { assemble } from './explain.ts';
import { lineModel, placeSequence, workMinutes, type LineModel } from './line-plan.ts';
import type { PlanOrder, Schedule, ScheduleInput, ScheduleMethod } from './types.ts';

export interface ScheduleOptions {
  /** `batched` (default): EDD, then runs of a product grouped to cut changeovers; `edd`: the baseline. */
  readonly method?: ScheduleMethod;
  /** Improvement passes for `batched`; default 8. */
  readonly maxPasses?: number;
}

/**
 * Places every order on a line: only inside the line's shift windows (an order may span several),
 * never in blocked time, only on a commissioned line that makes the product. The `batched`
 * method starts from earliest-due-date and then groups runs of the same product, keeping any
 * move that does not raise total (priority-weighted) tardiness; so it is never later in total
 * than `edd` on the same input, and usually needs far less changeover time.
 *
 * @example
 * const plan = schedule({
 *   lines: [{ id: 'L3', products: ['tracer', 'blank'], rate: 60, commissioned: true,
 *             changeovers: { tracer: { blank: 90 }, blank: { tracer: 120 } },
 *             windows: [{ start: 360, end: 1320 }, { start: 1800, end: 2760 }] }],
 *   orders: [{ id: 'SO-1', product: 'tracer', quantity: 30_000, due: 2880 },
 *            { id: 'SO-2', product: 'blank', quantity: 12_000, due: 2880 }],
 * });
 * plan.placements[1]; // { orderId: 'SO-2', lineId: 'L3', changeover: { from: 'tracer', to: 'blank', minutes: 90, ... }, ... }
 * plan.totals.tardinessMinutes; // 0
 */
export function schedule(input: ScheduleInput, options: ScheduleOptions = {}): Schedule {
  return run(input, options, { pinned: new Map(), note: new Map() });
}

/**
 * Schedules again after something changed (typically a new blocked interval: a long stop).
 * Orders of `previous` that had started before `at` (and are still in `input`) stay on their
 * line, first and in their order, re-timed around the new blocked time; every other order is
 * placed afresh, not before `at`.
 *
 * @example
 * const stop = { start: 3 * 1440, end: 8 * 1440 };
 * const lines = input.lines.map((l) => (l.id === 'L3' ? { ...l, blocked: [stop] } : l));
 * const again = reschedule({ ...input, lines }, plan, 3 * 1440);
 */
export function reschedule(
  input: ScheduleInput,
  previous: Schedule,
  at: number,
  options: ScheduleOptions = {},
): Schedule {
  const known = new Set(input.orders.map((o) => o.id));
  const started = previous.placements.filter(
    (p) => known.has(p.orderId) && (p.changeover?.start ?? p.start) < at,
  );
  const pinned = new Map<string, string[]>();
  for (const p of [...started].sort((x, y) => x.sequence - y.sequence)) {
    const list = pinned.get(p.lineId) ?? [];
    list.push(p.orderId);
    pinned.set(p.lineId, list);
  }
  const startedIds = new Set(started.map((p) => p.orderId));
  const lines = input.lines.map((line) => {
    const first = started.filter((p) => p.lineId === line.id).sort((x, y) => x.sequence - y.sequence)[0];
    if (first === undefined) return { ...line, availableFrom: Math.max(line.availableFrom ?? 0, at) };
    // A started line carries on from its first started order, set up as it was then.
    const setup = first.changeover?.from ?? line.setup ?? first.product;
    return { ...line, availableFrom: first.changeover?.start ?? first.start, setup };
  });
  const orders = input.orders.map((o) =>
    startedIds.has(o.id) ? o : { ...o, release: Math.max(o.release ?? 0, at) },
  );
  const note = new Map(started.map((p) => [p.orderId, 'started before the reschedule; kept in place']));
  return run({ lines, orders }, options, { pinned, note });
}

interface Fixed {
  /** Per line id, order ids that must run first, in this order. */
  readonly pinned: ReadonlyMap<string, readonly string[]>;
  readonly note: ReadonlyMap<string, string>;
}

function run(input: ScheduleInput, options: ScheduleOptions, fixed: Fixed): Schedule {
  check(input);
  const method = options.method ?? 'batched';
  const models = input.lines.map((line, i) => lineModel(line, i));
  const orders = input.orders;
  // Work minutes depend on the line's rate: one table per line.
  const workBy = models.map((m) => orders.map((o) => workMinutes(m.line, o)));
  const indexOf = new Map(orders.map((o, i) => [o.id, i]));
  const pinnedIdx = models.map((m) =>
    (fixed.pinned.get(m.line.id) ?? []).flatMap((id) => {
      const i = indexOf.get(id);
      return i === undefined ? [] : [i];
    }),
  );
  const pinnedSet = new Set(pinnedIdx.flat());
  const free = byDueDate(orders).filter((i) => !pinnedSet.has(i));
  const edd = earliestDueDateFrom(models, orders, workBy, free, pinnedIdx);
  const sequences = edd.sequences;
  const notes =
    method === 'batched'
      ? improveByLine(models, orders, workBy, sequences, pinnedIdx, options.maxPasses)
      : new Map<number, MoveNote>();
  return assemble(method, models, orders, workBy, sequences, edd.unplaced, notes, fixed.note);
}

/** EDD after the pinned heads: each line starts where its pinned orders end. */
function earliestDueDateFrom(
  models: readonly LineModel[],
  orders: readonly PlanOrder[],
  workBy: readonly (readonly number[])[],
  free: readonly number[],
  pinned: readonly (readonly number[])[],
): { sequences: number[][]; unplaced: { order: number; reason: string }[] } {
  const heads = models.map((m) => placeSequence(m, orders, pinned[m.index] ?? [], workBy[m.index] ?? []));
  const shifted = models.map((m) => {
    const head = heads[m.index];
    const last = head?.slots[head.slots.length - 1];
    if (last === undefined) return m;
    const lastOrder = orders[last.order];
    return lineModel(
      { ...m.line, availableFrom: last.end, setup: lastOrder?.product ?? m.line.setup },
      m.index,
    );
  });
  const result = earliestDueDate(shifted, orders, workBy, free);
  return {
    sequences: models.map((m) => [...(pinned[m.index] ?? []), ...(result.sequences[m.index] ?? [])]),
    unplaced: result.unplaced,
  };
}

function improveByLine(
  models: readonly LineModel[],
  orders: readonly PlanOrder[],
  workBy: readonly (readonly number[])[],
  sequences: number[][],
  pinned: readonly (readonly number[])[],
  maxPasses: number | undefined,
): Map<number, MoveNote> {
  return improveSequences(models, orders, workBy, sequences, {
    pinned: pinned.map((p) => p.length),
    ...(maxPasses !== undefined ? { maxPasses } : {}),
  });
}

function check(input: ScheduleInput): void {
  const problems: FieldProblem[] = [];
  input.lines.forEach((line, i) => {
    if (!(line.rate > 0))
      problems.push({ path: `lines[${i}].rate`, problem: `must be > 0, got ${line.rate}` });
  });
  const seen = new Set<string>();
  input.orders.forEach((order, i) => {
    if (!(order.quantity > 0))
      problems.push({ path: `orders[${i}].quantity`, problem: `must be > 0, got ${order.quantity}` });
    if (seen.has(order.id)) problems.push({ path: `orders[${i}].id`, problem: `duplicate id '${order.id}'` });
    seen.add(order.id);
  });
  if (problems.length > 0)
    throw new ValidationError('schedule.invalid', 'cannot schedule this input', problems);
}
