import { changeoverMinutes, type LineModel } from './line-plan.ts';
import type { PlanOrder } from './types.ts';

/** Orders by due date, then release, then priority (higher first), then id: the EDD order. */
export function byDueDate(orders: readonly PlanOrder[]): number[] {
  return orders
    .map((_, i) => i)
    .sort((a, b) => {
      const x = orders[a];
      const y = orders[b];
      if (x === undefined || y === undefined) return 0;
      return (
        x.due - y.due ||
        (x.release ?? 0) - (y.release ?? 0) ||
        (y.priority ?? 1) - (x.priority ?? 1) ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
      );
    });
}

/** What the earliest-due-date pass decided. */
export interface EddResult {
  /** Per line (by model index), order indexes in sequence. */
  readonly sequences: number[][];
  /** Order indexes no line could take, with the reason. */
  readonly unplaced: { order: number; reason: string }[];
}

/**
 * Earliest due date first: takes orders in due-date order and appends each to the line that
 * can make it and would finish it soonest (changeover included); ties go to the line needing
 * no changeover, then to the first line. The baseline, and the start of the batched method.
 *
 * @example
 * const { sequences } = earliestDueDate(models, orders, workByLine, byDueDate(orders));
 */
export function earliestDueDate(
  models: readonly LineModel[],
  orders: readonly PlanOrder[],
  workBy: readonly (readonly number[])[],
  sequence: readonly number[],
): EddResult {
  const sequences: number[][] = models.map(() => []);
  const cursor = models.map((m) => m.from);
  const setup = models.map((m) => m.line.setup);
  const unplaced: { order: number; reason: string }[] = [];
  for (const index of sequence) {
    const order = orders[index];
    if (order === undefined) continue;
    let best: { line: number; end: number; change: number } | undefined;
    let candidates = 0;
    for (const model of models) {
      if (!model.line.commissioned || !model.makes.has(order.product)) continue;
      candidates++;
      const i = model.index;
      const change = changeoverMinutes(model.line, setup[i], order.product);
      const c = model.timeline.advance(cursor[i] ?? 0, change);
      if (c === undefined) continue;
      const run = model.timeline.advance(Math.max(c.end, order.release ?? 0), workBy[i]?.[index] ?? 0);
      if (run === undefined) continue;
      if (best === undefined || run.end < best.end || (run.end === best.end && change < best.change))
        best = { line: i, end: run.end, change };
    }
    if (best === undefined) {
      unplaced.push({
        order: index,
        reason:
          candidates === 0
            ? `no commissioned line makes ${order.product}`
            : 'does not fit before the end of the shift calendar',
      });
      continue;
    }
    sequences[best.line]?.push(index);
    cursor[best.line] = best.end;
    setup[best.line] = order.product;
  }
  return { sequences, unplaced };
}
