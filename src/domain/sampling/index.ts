/**
 * Acceptance sampling by attributes: MIL-STD-105E tables, lot plans per defect class, judging
 * sample results, and the ANSI/ASQ Z1.4-2003 switching rules.
 *
 * @example
 * import { lotPlan, judgeLot, nextSwitchingState, DEFAULT_SCHEME } from '../domain/sampling/index.ts';
 */
export * from './tables.ts';
export * from './plan.ts';
export * from './judge.ts';
export * from './switching.ts';
