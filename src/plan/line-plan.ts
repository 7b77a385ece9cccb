import { Timeline } from './timeline.ts';
import type { PlanLine, PlanOrder } from './types.ts';

/** A line prepared for placing: its free time and a changeover lookup. */
export interface LineModel {
  readonly line: PlanLine;
  readonly index: number;
  readonly timeline: Timeline;
  readonly from: number;
  readonly makes: ReadonlySet<string>;
}

export function lineModel(line: PlanLine, index: number): LineModel {
  const from = line.availableFrom ?? 0;
  return {
    line,
    index,
    timeline: Timeline.of(line.windows, line.blocked ?? [], from),
    from,
    makes: new Set(line.products),
  };
}

/** Whole minutes to change `line` over from one product to another (0 for none or same). */
export function changeoverMinutes(line: PlanLine, from: string | undefined, to: string): number {
  if (from === undefined || from === to) return 0;
  return Math.ceil(line.changeovers?.[from]?.[to] ?? 0);
}

/** Whole worked minutes to make `order` on `line`. */
export function workMinutes(line: PlanLine, order: PlanOrder): number {
  return Math.ceil(order.quantity / line.rate);
}

/** One order as placed by `placeSequence`. */
export interface Slot {
  readonly order: number;
  readonly changeoverMinutes: number;
  readonly changeoverStart: number;
  readonly changeoverEnd: number;
  readonly start: number;
  readonly end: number;
  readonly work: number;
  readonly tardiness: number;
}

/** Placing a whole sequence on a line: its slots and what it costs. */
export interface SequencePlan {
  readonly slots: Slot[];
  /** Index in the sequence of the first order that did not fit (past the calendar), or -1. */
  readonly overflowAt: number;
  readonly changeoverMinutes: number;
  readonly changeovers: number;
  readonly weightedTardiness: number;
}

/**
 * Places `sequence` (indexes into `orders`) on the line in that order: each order's changeover
 * (if the product changes) is worked from where the line is free, then production from the later
 * of that and the order's release, both only inside free time.
 */
export function placeSequence(
  model: LineModel,
  orders: readonly PlanOrder[],
  sequence: readonly number[],
  work: readonly number[],
): SequencePlan {
  const slots: Slot[] = [];
  let cursor = model.from;
  let setup = model.line.setup;
  let changeoverTotal = 0;
  let changeovers = 0;
  let tardiness = 0;
  for (let k = 0; k < sequence.length; k++) {
    const index = sequence[k] ?? 0;
    const order = orders[index];
    if (order === undefined) continue;
    const minutes = changeoverMinutes(model.line, setup, order.product);
    const change = model.timeline.advance(cursor, minutes);
    if (change === undefined) return overflow(slots, k, changeoverTotal, changeovers, tardiness);
    const run = model.timeline.advance(Math.max(change.end, order.release ?? 0), work[index] ?? 0);
    if (run === undefined) return overflow(slots, k, changeoverTotal, changeovers, tardiness);
    const late = Math.max(0, run.end - order.due);
    slots.push({
      order: index,
      changeoverMinutes: minutes,
      changeoverStart: minutes > 0 ? change.start : change.end,
      changeoverEnd: change.end,
      start: run.start,
      end: run.end,
      work: work[index] ?? 0,
      tardiness: late,
    });
    if (minutes > 0) {
      changeoverTotal += minutes;
      changeovers++;
    }
    tardiness += late * (order.priority ?? 1);
    cursor = run.end;
    setup = order.product;
  }
  return {
    slots,
    overflowAt: -1,
    changeoverMinutes: changeoverTotal,
    changeovers,
    weightedTardiness: tardiness,
  };
}

function overflow(
  slots: Slot[],
  at: number,
  minutes: number,
  count: number,
  tardiness: number,
): SequencePlan {
  return {
    slots,
    overflowAt: at,
    changeoverMinutes: minutes,
    changeovers: count,
    weightedTardiness: tardiness,
  };
}
