/**
 * The common case of `validateLineEvent`, at the rate lines send: a state change or a count in
 * the canonical time form (`2026-11-22T06:00:00.000Z`, what `toISOString` writes) that breaks no
 * rule. Hand-written checks, no closures, no problem lists: a valid event costs one object (the
 * typed event). Anything else (a stop, another time form, any doubt) answers `undefined`, and
 * the caller asks `validateLineEvent`, which gives the verdict and every problem by field. So
 * this never decides a refusal; it only accepts what `validateLineEvent` accepts, unchanged
 * (a property test holds the two to that).
 *
 * @example
 * const input = { kind: 'count', lineId: 'L1', at: '2026-11-22T06:00:00.000Z', processed: 10, defective: 0 };
 * const event = quickLineEvent(input, Date.parse(input.at), { processed: 5, defective: 0 }, Number.NaN, Infinity)
 *   ?? validateLineEvent(input, cursor, notAfter); // the slow path gives the problems
 */
import type { LineCount, LineCursor, LineEvent, LineStateChange } from './events.ts';
import { canReach, isPackMLState } from './packml.ts';
import { isStopReasonCode } from './stop-reasons.ts';

/**
 * `atMs` must be `Date.parse(input.at)` (the caller has it already, to sort by time);
 * `previousAtMs` is the time of the line's previous state or count (`NaN` for none), and
 * `notAfterMs` the latest acceptable time.
 */
export function quickLineEvent(
  input: Readonly<Record<string, unknown>>,
  atMs: number,
  cursor: LineCursor,
  previousAtMs: number,
  notAfterMs: number,
): LineEvent | undefined {
  const at = input['at'];
  const lineId = input['lineId'];
  if (typeof at !== 'string' || !isCanonicalInstant(at) || !(atMs <= notAfterMs)) return undefined;
  if (atMs < previousAtMs) return undefined;
  // `validateLineEvent` wants a line id that is not blank; a printable first character settles it.
  if (typeof lineId !== 'string' || lineId.length === 0) return undefined;
  const first = lineId.charCodeAt(0);
  if (first <= 0x20 || first > 0x7e) return undefined;
  const kind = input['kind'];
  if (kind === 'count') {
    const processed = input['processed'];
    const defective = input['defective'];
    const reset = input['counterReset'];
    const productId = input['productId'];
    if (!isCount(processed) || !isCount(defective) || defective > processed) return undefined;
    if (reset !== undefined && typeof reset !== 'boolean') return undefined;
    if (reset !== true) {
      if (cursor.processed !== undefined && processed < cursor.processed) return undefined;
      if (cursor.defective !== undefined && defective < cursor.defective) return undefined;
    }
    if (productId !== undefined && (typeof productId !== 'string' || productId === '')) return undefined;
    const event: { -readonly [K in keyof LineCount]: LineCount[K] } = {
      kind: 'count',
      lineId,
      at,
      processed,
      defective,
    };
    if (productId !== undefined) event.productId = productId;
    if (reset === true) event.counterReset = true;
    return event;
  }
  if (kind === 'state') {
    const state = input['state'];
    const reason = input['reason'];
    if (!isPackMLState(state)) return undefined;
    if (cursor.state !== undefined && !canReach(cursor.state, state)) return undefined;
    if (reason !== undefined && !isStopReasonCode(reason)) return undefined;
    const event: { -readonly [K in keyof LineStateChange]: LineStateChange[K] } = {
      kind: 'state',
      lineId,
      at,
      state,
    };
    if (reason !== undefined) event.reason = reason;
    return event;
  }
  return undefined;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * `dddd-dd-ddTdd:dd:dd.dddZ` (a form `validateLineEvent`'s pattern accepts; whether the date
 * exists is `Date.parse`'s answer, already in `atMs`). A fixed pattern without groups: V8
 * compiles it to machine code, which measured faster here than a loop over the characters.
 *
 * @example
 * isCanonicalInstant('2026-11-22T06:00:00.000Z'); // true
 * isCanonicalInstant('2026-11-22T06:00:00Z'); // false
 */
export function isCanonicalInstant(at: string): boolean {
  return CANONICAL.test(at);
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
