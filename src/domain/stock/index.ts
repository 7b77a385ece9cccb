/**
 * Stock: storage locations, the rules of moving stock, and physical count adjustments.
 *
 * @example
 * import { checkMove, countAdjustment } from '../domain/stock/index.ts';
 */
export * from './location.ts';
export * from './count.ts';
