/**
 * Finite-capacity scheduling of orders onto lines.
 *
 * @example
 * import { generateOrders, planLinesFromScenario, schedule } from '../plan/index.ts';
 * const plan = schedule({ lines: planLinesFromScenario(scenario), orders: generateOrders(scenario) });
 * plan.totals; // { changeovers, changeoverMinutes, tardinessMinutes, lateOrders, ... }
 */
export { schedule, reschedule, type ScheduleOptions } from './schedule.ts';
export {
  DAY,
  dateAfter,
  dayOf,
  dueMinute,
  firmOrders,
  localDateTime,
  planLinesFromScenario,
  releaseMinute,
  shiftWindows,
  type LinesFromScenarioOptions,
} from './scenario.ts';
export { generateOrders, type GeneratedOrder, type GenerateOptions } from './demand.ts';
export { Timeline } from './timeline.ts';
export type * from './types.ts';
