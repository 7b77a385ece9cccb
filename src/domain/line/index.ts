/**
 * Line data: PackML states, stop reasons, and the line events that ingest accepts.
 *
 * @example
 * import { validateLineEvent, canReach, stopReason } from '../domain/line/index.ts';
 */
export * from './packml.ts';
export * from './stop-reasons.ts';
export * from './events.ts';
export * from './period.ts';
export * from './quick.ts';
