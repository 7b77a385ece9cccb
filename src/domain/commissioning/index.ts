/**
 * Line commissioning: the acceptance test protocol, its measurement from recorded line data,
 * the verdict and the acceptance act's document. Pure: the records and files are the app's.
 *
 * @example
 * import { evaluateTest, measureTestPeriod, protocolFor, renderAct } from '../domain/commissioning/index.ts';
 */
export * from './protocol.ts';
export * from './operating-time.ts';
export * from './measure.ts';
export * from './evaluate.ts';
export * from './act.ts';
export * from './service.ts';
