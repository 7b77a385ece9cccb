/**
 * Lots: lot numbers (MIL-STD-1168 style), component lot numbers, and the lot's marking.
 *
 * @example
 * import { parseLotNumber, headstamp, crateLabel, UN0012 } from '../domain/lot/index.ts';
 */
export * from './lot-number.ts';
export * from './marking.ts';
export * from './component-lot.ts';
