/**
 * What the plant tells a watching screen as it happens: the events of `GET /api/v1/stream`
 * (server-sent events, the `type` as the SSE `event:` name, the rest as JSON `data:`). Pure types, shared
 * by the server and the dashboard (`web/src/app/live.ts`).
 *
 * @example
 * const e: LiveEvent = { type: 'line-state', lineId: 'L1', state: 'Execute', reason: null, at: '2026-01-05T06:00:00.000Z' };
 */
export type LiveEvent = LineStateEvent | LineCountEvent | LotEvent | LedgerEvent | HeartbeatEvent;

/** A line changed PackML state (`reason`: the stop reason code when it went to Held/Stopped for one). */
export interface LineStateEvent {
  readonly type: 'line-state';
  readonly lineId: string;
  readonly state: string;
  readonly reason: string | null;
  /** When the line says it happened (plant time). */
  readonly at: string;
}

/**
 * Cartridges a line made since the previous `line-count` of that line, good and defective, as an
 * increment: one for each batch of counts recorded (or each stretch of it between two state
 * changes), `at` the last count's time.
 */
export interface LineCountEvent {
  readonly type: 'line-count';
  readonly lineId: string;
  readonly good: number;
  readonly defective: number;
  readonly at: string;
}

/** A lot was made (commissioned when its run completed it), released or rejected. */
export interface LotEvent {
  readonly type: 'lot';
  readonly lotNumber: string;
  readonly status: 'made' | 'released' | 'rejected';
  readonly lineId: string | null;
  readonly productId: string | null;
  readonly quantity: number;
  readonly at: string;
}

/** The ledger grew: its new size and root hash (hex). */
export interface LedgerEvent {
  readonly type: 'ledger';
  readonly size: number;
  readonly rootHash: string;
}

/** Sent every 15 s (and at once on connecting), so proxies keep the stream open and clients see it alive. */
export interface HeartbeatEvent {
  readonly type: 'heartbeat';
  /** The plant's clock. */
  readonly now: string;
}

export type LiveEventType = LiveEvent['type'];

/** Every event name, for clients that subscribe by name (EventSource needs one listener per name). */
export const liveEventTypes: readonly LiveEventType[] = [
  'line-state',
  'line-count',
  'lot',
  'ledger',
  'heartbeat',
];
