/**
 * Line events: what a line (real, or the simulator standing in for one) says about itself.
 * Three kinds:
 *
 * - `state`: the line entered a PackML state (optionally with the stop reason, when it stopped).
 * - `count`: the line's cumulative counters, `processed` and `defective` (good = processed −
 *   defective). Counters only grow; a line whose counters restarted from zero (a controller
 *   restart) says so with `counterReset: true`.
 * - `stop`: a stop with its reason, from `at` to `endedAt` (open while the stop lasts). Stops may
 *   be recorded after the fact by the shift lead, so they are not held to time order.
 *
 * `validateLineEvent` turns untrusted input (a JSON payload) into a typed event or a list of
 * per-field problems, all at once; given the line's previous position (`LineCursor`) it also
 * checks that counters do not go backwards, that the state can follow the previous one, and
 * that time does not run backwards.
 *
 * @example
 * const result = validateLineEvent(
 *   { kind: 'count', lineId: 'L1', at: '2026-11-22T06:00:00Z', processed: 1200, defective: 3 },
 *   { processed: 1000, defective: 2, at: '2026-11-22T05:59:00Z' },
 * );
 * if (result.ok) result.event.processed; // 1200
 * else result.problems; // [{ path: 'processed', problem: '...' }]
 */
import type { FieldProblem } from '../errors.ts';
import { ValidationError } from '../errors.ts';
import { canReach, isPackMLState, PACKML_STATES, type PackMLState } from './packml.ts';
import { isStopReasonCode, STOP_REASON_CODES, type StopReasonCode } from './stop-reasons.ts';

export const LINE_EVENT_KINDS = ['state', 'count', 'stop'] as const;
export type LineEventKind = (typeof LINE_EVENT_KINDS)[number];

interface LineEventBase {
  /** The line's id as the plant names it (`L1`). */
  readonly lineId: string;
  /** When it happened, ISO 8601 with a time zone (`2026-11-22T06:00:00Z`). */
  readonly at: string;
}

export interface LineStateChange extends LineEventBase {
  readonly kind: 'state';
  readonly state: PackMLState;
  /** Why the line left Execute, when it did (Stopped, Held, Suspended, Aborted). */
  readonly reason?: StopReasonCode;
}

export interface LineCount extends LineEventBase {
  readonly kind: 'count';
  /** Rounds processed since the counters last started from zero. */
  readonly processed: number;
  /** Of those, rounds rejected on the line (scrapped there). */
  readonly defective: number;
  /** The product being made, when the line knows it. */
  readonly productId?: string;
  /** True when the counters restarted from zero since the previous count. */
  readonly counterReset?: boolean;
}

export interface LineStop extends LineEventBase {
  readonly kind: 'stop';
  readonly reason: StopReasonCode;
  /** When the stop ended; absent while it lasts. */
  readonly endedAt?: string;
  readonly note?: string;
}

export type LineEvent = LineStateChange | LineCount | LineStop;

/** Where a line stood after its last accepted event: what the next event is checked against. */
export interface LineCursor {
  readonly state?: PackMLState;
  readonly processed?: number;
  readonly defective?: number;
  /** Time of the last state or count event. */
  readonly at?: string;
}

export type LineEventResult =
  | { readonly ok: true; readonly event: LineEvent }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 instant with a zone, or undefined. */
function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Checks one line event. `cursor` is where the same line stood before (omit for its first
 * event); `notAfter` is the latest acceptable time (the caller's "now" plus a tolerance).
 *
 * @example
 * validateLineEvent({ kind: 'state', lineId: 'L1', at: '2026-11-22T06:00:00Z', state: 'Execute' }, { state: 'Stopped' });
 * // { ok: false, problems: [{ path: 'state', problem: 'Execute cannot follow Stopped (PackML) ...' }] }
 */
export function validateLineEvent(input: unknown, cursor: LineCursor = {}, notAfter?: Date): LineEventResult {
  const problems: FieldProblem[] = [];
  const add = (path: string, problem: string): void => void problems.push({ path, problem });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', problem: `must be an object, got ${describe(input)}` }] };
  }
  const raw = input as Record<string, unknown>;
  const kind = raw['kind'];
  if (kind !== 'state' && kind !== 'count' && kind !== 'stop') {
    add('kind', `must be one of ${LINE_EVENT_KINDS.join(', ')}, got ${describe(kind)}`);
  }
  const lineId = raw['lineId'];
  if (typeof lineId !== 'string' || lineId.trim() === '') {
    add('lineId', `must be a non-empty string, got ${describe(lineId)}`);
  }
  const at = instant(raw['at']);
  if (at === undefined) {
    add('at', `must be an ISO 8601 instant with a time zone, got ${describe(raw['at'])}`);
  } else if (notAfter !== undefined && at > notAfter.getTime()) {
    add('at', `is in the future: ${String(raw['at'])} is after ${notAfter.toISOString()}`);
  }
  const previousAt = instant(cursor.at);
  const ordered = kind === 'state' || kind === 'count';
  if (ordered && at !== undefined && previousAt !== undefined && at < previousAt) {
    add('at', `runs backwards: ${String(raw['at'])} is before the line's previous event at ${cursor.at}`);
  }

  if (kind === 'state') checkState(raw, cursor, add);
  if (kind === 'count') checkCount(raw, cursor, add);
  if (kind === 'stop') checkStop(raw, at, add);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, event: pick(raw) };
}

type Add = (path: string, problem: string) => void;

function checkState(raw: Record<string, unknown>, cursor: LineCursor, add: Add): void {
  const state = raw['state'];
  if (!isPackMLState(state)) {
    add('state', `must be a PackML state (${PACKML_STATES.join(', ')}), got ${describe(state)}`);
  } else if (cursor.state !== undefined && !canReach(cursor.state, state)) {
    add('state', `${state} cannot follow ${cursor.state} (PackML): a command is missing between them`);
  }
  const reason = raw['reason'];
  if (reason !== undefined && !isStopReasonCode(reason)) {
    add('reason', `must be a stop reason (${STOP_REASON_CODES.join(', ')}), got ${describe(reason)}`);
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function checkCount(raw: Record<string, unknown>, cursor: LineCursor, add: Add): void {
  const processed = raw['processed'];
  const defective = raw['defective'];
  const reset = raw['counterReset'];
  if (reset !== undefined && typeof reset !== 'boolean') {
    add('counterReset', `must be true or false, got ${describe(reset)}`);
  }
  if (!isCount(processed)) add('processed', `must be a whole number ≥ 0, got ${describe(processed)}`);
  if (!isCount(defective)) add('defective', `must be a whole number ≥ 0, got ${describe(defective)}`);
  if (isCount(processed) && isCount(defective) && defective > processed) {
    add('defective', `must not exceed processed (${processed}), got ${defective}`);
  }
  if (reset !== true) {
    if (isCount(processed) && cursor.processed !== undefined && processed < cursor.processed) {
      add('processed', `went backwards from ${cursor.processed} to ${processed} without counterReset`);
    }
    if (isCount(defective) && cursor.defective !== undefined && defective < cursor.defective) {
      add('defective', `went backwards from ${cursor.defective} to ${defective} without counterReset`);
    }
  }
  const productId = raw['productId'];
  if (productId !== undefined && (typeof productId !== 'string' || productId === '')) {
    add('productId', `must be a non-empty string, got ${describe(productId)}`);
  }
}

function checkStop(raw: Record<string, unknown>, at: number | undefined, add: Add): void {
  const reason = raw['reason'];
  if (!isStopReasonCode(reason)) {
    add('reason', `must be a stop reason (${STOP_REASON_CODES.join(', ')}), got ${describe(reason)}`);
  }
  if (raw['endedAt'] !== undefined) {
    const ended = instant(raw['endedAt']);
    if (ended === undefined) {
      add('endedAt', `must be an ISO 8601 instant with a time zone, got ${describe(raw['endedAt'])}`);
    } else if (at !== undefined && ended < at) {
      add('endedAt', `must not be before at (${describe(raw['at'])}), got ${describe(raw['endedAt'])}`);
    }
  }
  const note = raw['note'];
  if (note !== undefined && typeof note !== 'string') add('note', `must be text, got ${describe(note)}`);
}

/** The event's known fields only (unknown fields are dropped, not stored). */
function pick(raw: Record<string, unknown>): LineEvent {
  const base = { lineId: raw['lineId'] as string, at: raw['at'] as string };
  switch (raw['kind'] as LineEventKind) {
    case 'state':
      return {
        kind: 'state',
        ...base,
        state: raw['state'] as PackMLState,
        ...(raw['reason'] !== undefined ? { reason: raw['reason'] as StopReasonCode } : {}),
      };
    case 'count':
      return {
        kind: 'count',
        ...base,
        processed: raw['processed'] as number,
        defective: raw['defective'] as number,
        ...(raw['productId'] !== undefined ? { productId: raw['productId'] as string } : {}),
        ...(raw['counterReset'] === true ? { counterReset: true } : {}),
      };
    case 'stop':
      return {
        kind: 'stop',
        ...base,
        reason: raw['reason'] as StopReasonCode,
        ...(raw['endedAt'] !== undefined ? { endedAt: raw['endedAt'] as string } : {}),
        ...(raw['note'] !== undefined ? { note: raw['note'] as string } : {}),
      };
  }
}

/**
 * Where the line stands after `event`.
 *
 * @example
 * advanceCursor({}, { kind: 'count', lineId: 'L1', at: '2026-11-22T06:00:00Z', processed: 10, defective: 0 });
 * // { processed: 10, defective: 0, at: '2026-11-22T06:00:00Z' }
 */
export function advanceCursor(cursor: LineCursor, event: LineEvent): LineCursor {
  switch (event.kind) {
    case 'state':
      return { ...cursor, state: event.state, at: event.at };
    case 'count':
      return { ...cursor, processed: event.processed, defective: event.defective, at: event.at };
    case 'stop':
      return cursor;
  }
}

/**
 * Checks a batch in order, each event against the position its line reached before it (from
 * `cursors`, then from the batch itself). Problem paths are prefixed with the event's index
 * (`[3].processed`). Returns the accepted events and every problem; the cursors returned are
 * where each line stands after the accepted events.
 *
 * @example
 * const { events, problems, cursors } = validateLineEvents(payload, new Map([['L1', { state: 'Idle' }]]));
 */
export function validateLineEvents(
  inputs: readonly unknown[],
  cursors: ReadonlyMap<string, LineCursor> = new Map(),
  notAfter?: Date,
): { events: LineEvent[]; problems: FieldProblem[]; cursors: Map<string, LineCursor> } {
  const positions = new Map(cursors);
  const events: LineEvent[] = [];
  const problems: FieldProblem[] = [];
  inputs.forEach((input, index) => {
    const lineId =
      typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['lineId'] : undefined;
    const cursor = typeof lineId === 'string' ? (positions.get(lineId) ?? {}) : {};
    const result = validateLineEvent(input, cursor, notAfter);
    if (result.ok) {
      events.push(result.event);
      positions.set(result.event.lineId, advanceCursor(cursor, result.event));
    } else {
      for (const p of result.problems) {
        problems.push({ path: p.path === '' ? `[${index}]` : `[${index}].${p.path}`, problem: p.problem });
      }
    }
  });
  return { events, problems, cursors: positions };
}

/**
 * The typed event, or a ValidationError (code `line_event.invalid`) naming every field at fault.
 *
 * @example
 * const event = parseLineEvent(JSON.parse(body), cursor);
 */
export function parseLineEvent(input: unknown, cursor: LineCursor = {}, notAfter?: Date): LineEvent {
  const result = validateLineEvent(input, cursor, notAfter);
  if (result.ok) return result.event;
  throw new ValidationError(
    'line_event.invalid',
    `line event has ${result.problems.length} problem(s): ${result.problems
      .map((p) => `${p.path}: ${p.problem}`)
      .join('; ')}`,
    result.problems,
  );
}
