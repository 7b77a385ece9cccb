/**
 * The scheduler's input and output. Time is a number of minutes on the plan's axis: minute 0
 * is 00:00 (plant local time) of the plan's origin date, a day is 1,440 minutes (the same axis
 * as the simulator; daylight-saving shifts are ignored). `src/plan/scenario.ts` builds lines and
 * orders from a scenario and converts minutes back to local date-times.
 */

/** A span of plan minutes, start included, end excluded. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** An assembly line as the planner sees it. */
export interface PlanLine {
  readonly id: string;
  /** Product ids the line can make. */
  readonly products: readonly string[];
  /** Rounds per minute the plan counts on while the line is working (rated rate x efficiency). */
  readonly rate: number;
  /** Changeover minutes from one product (outer key) to another (inner key); missing = 0. */
  readonly changeovers?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Shift windows: the only time work is placed in. Sorted or not; overlaps are merged. */
  readonly windows: readonly Interval[];
  /** A line that is not commissioned gets no work (and a warning if it could have). */
  readonly commissioned: boolean;
  /** Intervals the line cannot work (a long stop, planned maintenance). */
  readonly blocked?: readonly Interval[];
  /** The product the line is set up for at the start; none means the first order needs no changeover. */
  readonly setup?: string;
  /** No work before this minute (e.g. now); default 0. */
  readonly availableFrom?: number;
}

/** A production order to place. */
export interface PlanOrder {
  readonly id: string;
  readonly product: string;
  /** Rounds. */
  readonly quantity: number;
  /** Minute by which the order should be finished. */
  readonly due: number;
  /** Minute before which it cannot start; default 0. */
  readonly release?: number;
  /** Weight of its lateness (1 = normal, higher = more urgent); default 1. */
  readonly priority?: number;
}

export interface ScheduleInput {
  readonly lines: readonly PlanLine[];
  readonly orders: readonly PlanOrder[];
}

/** The changeover done on a line just before an order. */
export interface ChangeoverPlacement {
  readonly from: string;
  readonly to: string;
  readonly minutes: number;
  readonly start: number;
  readonly end: number;
}

/** Where and when an order runs, and why there. */
export interface Placement {
  readonly orderId: string;
  readonly lineId: string;
  readonly product: string;
  readonly quantity: number;
  /** Position on its line, from 0. */
  readonly sequence: number;
  /** First and last minute of production (shift gaps in between are not worked). */
  readonly start: number;
  readonly end: number;
  /** Worked minutes of production (end - start less shift gaps and blocked time). */
  readonly workMinutes: number;
  readonly changeover?: ChangeoverPlacement;
  readonly due: number;
  /** Minutes past due (0 when on time). */
  readonly tardiness: number;
  /** Why the order is here, in words. */
  readonly reason: string;
}

export interface Unplaced {
  readonly orderId: string;
  readonly reason: string;
}

export interface ScheduleTotals {
  readonly orders: number;
  readonly placed: number;
  readonly changeovers: number;
  readonly changeoverMinutes: number;
  /** Sum of minutes past due over all placed orders. */
  readonly tardinessMinutes: number;
  /** Sum of priority x minutes past due. */
  readonly weightedTardiness: number;
  readonly lateOrders: number;
  /** Last end minute of any placement. */
  readonly makespan: number;
}

export type ScheduleMethod = 'batched' | 'edd';

export interface Schedule {
  readonly method: ScheduleMethod;
  /** By line (input order), then by sequence. */
  readonly placements: readonly Placement[];
  readonly unplaced: readonly Unplaced[];
  readonly warnings: readonly string[];
  readonly totals: ScheduleTotals;
}
