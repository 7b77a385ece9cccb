/**
 * Packing: SSCCs for crates and pallets, and the packaging hierarchy rules.
 *
 * @example
 * import { formatSscc, planBoxes, planCrates, checkPallet } from '../domain/packing/index.ts';
 */
export * from './sscc.ts';
export * from './hierarchy.ts';
