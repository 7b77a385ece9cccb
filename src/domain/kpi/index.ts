/**
 * Key performance indicators of the plant, ISO 22400-2.
 *
 * @example
 * import { computeKpis } from '../domain/kpi/index.ts';
 * computeKpis(record).oee;
 */
export { addRecords, computeKpis, lossesInRounds, type LineKpis, type LineTimeRecord } from './iso22400.ts';
