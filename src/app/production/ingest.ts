import { ConflictError, type FieldProblem } from '../../domain/errors.ts';
import {
  isCanonicalInstant,
  isPackMLState,
  quickLineEvent,
  validateLineEvent,
  type LineCursor,
  type LineEvent,
} from '../../domain/line/index.ts';
import {
  lineDataRepository,
  type LineStatusRecord,
  type NewLineEvent,
} from '../../store/repositories/line-data.ts';
import type { LotRecord } from '../../store/repositories/lots.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { LiveEvent } from '../live/events.ts';
import { plantNews } from '../live/notifier.ts';
import { withTransaction } from '../transaction.ts';
import { LateEvents } from './late.ts';
import { RunBook } from './runs.ts';

export interface IngestOptions {
  /** How far past the plant clock's "now" an event may be stamped (default 60 s). */
  readonly futureToleranceMs?: number;
  /** How late (behind the line's last event) an event may arrive and still be placed (default 10 min). */
  readonly lateWindowMs?: number;
}

export type EventStatus = 'accepted' | 'duplicate' | 'refused';

export interface EventOutcome {
  /** Position in the batch. */
  readonly index: number;
  readonly eventId: string | null;
  readonly lineId: string | null;
  readonly status: EventStatus;
  /** Why it was refused, field by field. */
  readonly problems?: readonly FieldProblem[];
}

export interface IngestResult {
  readonly accepted: number;
  readonly duplicates: number;
  readonly refused: number;
  /** One outcome per input, in input order. */
  readonly results: readonly EventOutcome[];
  readonly lotsCommissioned: readonly LotRecord[];
  readonly runsStarted: number;
}

interface Candidate {
  readonly index: number;
  readonly eventId: string;
  readonly lineId: string;
  readonly input: Record<string, unknown>;
  readonly atMs: number;
}

const DEFAULT_TOLERANCE = 60_000;
const DEFAULT_LATE_WINDOW = 10 * 60_000;

/**
 * Takes a batch of line events (PackML state changes, cumulative counts, stops), each with the
 * sender's `eventId`, and records them in one transaction. Each event gets its own outcome:
 * `accepted`, `duplicate` (its id was seen before: sending again is harmless) or `refused`
 * (with the fields at fault); valid events are kept even when others in the batch are refused.
 * Events are placed in time order per line, whatever order they arrive in; one arriving behind
 * the line's last event is placed among the recorded ones if within the late window. Counts
 * turn into runs and lots (see RunBook). A device may send only its own line's events.
 *
 * @example
 * const result = await ingestLineEvents(app, lineDevice('L1'), [
 *   { eventId: 'L1-1', kind: 'state', lineId: 'L1', at: '2026-01-05T06:00:00Z', state: 'Execute' },
 *   { eventId: 'L1-2', kind: 'count', lineId: 'L1', at: '2026-01-05T06:01:00Z', processed: 110, defective: 0 },
 * ]);
 * result.accepted; // 2
 */
export async function ingestLineEvents(
  app: AppContext,
  actor: Actor,
  inputs: readonly unknown[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  requireRole(actor, ['operator', 'admin', 'line'], 'send line data');
  const now = app.clock.now();
  const notAfter = new Date(now.getTime() + (options.futureToleranceMs ?? DEFAULT_TOLERANCE));
  const notAfterMs = notAfter.getTime();
  const lateWindow = options.lateWindowMs ?? DEFAULT_LATE_WINDOW;
  const isDevice = actor.kind === 'device';
  const outcomes: (EventOutcome | undefined)[] = new Array<EventOutcome | undefined>(inputs.length);
  const refuse = (
    index: number,
    eventId: string | null,
    lineId: string | null,
    problems: FieldProblem[],
  ): void => {
    outcomes[index] = { index, eventId, lineId, status: 'refused', problems };
  };

  // Shape first, without the records: every event needs an id and a line.
  const byLine = new Map<string, Candidate[]>();
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      refuse(index, null, null, [{ path: '', problem: 'must be an object' }]);
      continue;
    }
    const raw = input as Record<string, unknown>;
    const id = raw['eventId'];
    const line = raw['lineId'];
    const eventId = typeof id === 'string' ? id : null;
    const lineId = typeof line === 'string' && line !== '' ? line : null;
    if (eventId === null || !isEventId(eventId) || lineId === null || (isDevice && lineId !== actor.id)) {
      refuse(index, eventId, lineId, shapeProblems(raw, eventId, lineId, actor));
      continue;
    }
    const at = raw['at'];
    const atMs = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    let list = byLine.get(lineId);
    if (list === undefined) {
      list = [];
      byLine.set(lineId, list);
    }
    list.push({ index, eventId, lineId, input: raw, atMs });
  }

  const receivedAt = now.toISOString();
  const by = actorRef(actor);
  // What screens are told once the transaction has committed (never before: it may roll back).
  let news: LiveEvent[] = [];
  const result = await withTransaction(app.store, async (tx) => {
    const lineData = lineDataRepository(tx);
    // One query each per batch: the lines and where they stand, the ids that may have been
    // sent before, the recorded events late ones fall among (only when there are late ones).
    const positions = await lineData.positions([...byLine.keys()]);
    const lookups = new Map<string, string[]>();
    const lateFrom = new Map<string, string>();
    for (const [lineId, candidates] of byLine) {
      if (!positions.has(lineId)) continue;
      sortByTime(candidates);
      // Only an event at or before the line's last one (or a stop, which keeps no order) can
      // have been stored before: the records are asked about those alone. Any other id already
      // stored means the sender gave one id to two events; the insert below catches that.
      const startMs = statusMs(positions.get(lineId));
      const ids: string[] = [];
      let earliestLate = Number.NaN;
      for (const c of candidates) {
        if (c.input['kind'] === 'stop') ids.push(c.eventId);
        else if (!(c.atMs > startMs)) {
          ids.push(c.eventId);
          if (c.atMs < startMs && startMs - c.atMs <= lateWindow && !(c.atMs >= earliestLate))
            earliestLate = c.atMs;
        }
      }
      if (ids.length > 0) lookups.set(lineId, ids);
      if (!Number.isNaN(earliestLate)) lateFrom.set(lineId, new Date(earliestLate).toISOString());
    }
    const stored = await lineData.storedEventIds(lookups);
    const recorded = await lineData.recordedSince(lateFrom);
    const book = new RunBook(tx, app, actor);
    const rows: NewLineEvent[] = [];
    news = [];
    for (const [lineId, candidates] of byLine) {
      if (!positions.has(lineId)) {
        for (const c of candidates)
          refuse(c.index, c.eventId, lineId, [
            { path: 'lineId', problem: `no line ${lineId} in the plant's records` },
          ]);
        continue;
      }
      const status = positions.get(lineId);
      const existing = stored.get(lineId);
      const late = lateFrom.has(lineId) ? new LateEvents(recorded.get(lineId) ?? []) : undefined;
      // Where the line stands, moved along event by event (mutable: this loop is the hot path).
      const cursor: { -readonly [K in keyof LineCursor]: LineCursor[K] } = cursorOf(status);
      const saved: { -readonly [K in keyof LineStatusRecord]: LineStatusRecord[K] } = {
        ...(status ?? emptyStatus(lineId)),
      };
      let lastMs = cursor.at === undefined ? Number.NaN : Date.parse(cursor.at);
      let changed = false;
      // A line's counts are told as one increment per batch (or per stretch between two state
      // changes): a screen adds them up either way, and a batch of 10,000 counts is one message.
      const counted = { good: 0, defective: 0, at: '' };
      const tellCounted = (): void => {
        if (counted.good + counted.defective === 0) return;
        news.push({
          type: 'line-count',
          lineId,
          good: counted.good,
          defective: counted.defective,
          at: iso(counted.at),
        });
        counted.good = 0;
        counted.defective = 0;
      };
      const seen = new Set<string>();
      for (const c of candidates) {
        if (seen.has(c.eventId) || existing?.has(c.eventId) === true) {
          outcomes[c.index] = { index: c.index, eventId: c.eventId, lineId, status: 'duplicate' };
          continue;
        }
        seen.add(c.eventId);
        const isStop = c.input['kind'] === 'stop';
        let event: LineEvent;
        // The time as stored, in ms: the quick path has read it already.
        let atMs: number | undefined;
        if (!isStop && c.atMs < lastMs) {
          if (lastMs - c.atMs > lateWindow || late === undefined) {
            refuse(c.index, c.eventId, lineId, [
              {
                path: 'at',
                problem: `arrived too late: ${String(c.input['at'])} is more than ${lateWindow / 60_000} min before the line's last event at ${cursor.at}`,
              },
            ]);
            continue;
          }
          const at = new Date(c.atMs).toISOString();
          const placed = late.place(c.input, at, notAfter);
          if (!placed.ok) {
            refuse(c.index, c.eventId, lineId, placed.problems);
            continue;
          }
          event = placed.event;
          late.add(event, c.eventId, at);
        } else {
          const quick = isStop ? undefined : quickLineEvent(c.input, c.atMs, cursor, lastMs, notAfterMs);
          if (quick !== undefined) {
            event = quick;
            atMs = c.atMs;
          } else {
            const checked = validateLineEvent(c.input, isStop ? {} : cursor, notAfter);
            if (!checked.ok) {
              refuse(c.index, c.eventId, lineId, [...checked.problems]);
              continue;
            }
            event = checked.event;
          }
          if (event.kind === 'count') {
            const reset = event.counterReset === true;
            const dp = reset ? event.processed : event.processed - (cursor.processed ?? 0);
            const dd = reset ? event.defective : event.defective - (cursor.defective ?? 0);
            if (dd > dp) {
              refuse(c.index, c.eventId, lineId, [
                {
                  path: 'defective',
                  problem: `rose by ${dd} while processed rose by only ${dp}: good rounds cannot go backwards`,
                },
              ]);
              continue;
            }
            const refusal = book.addCountsFast(lineId, dp, dd, event.productId)
              ? undefined
              : await book.addCounts(lineId, new Date(c.atMs).toISOString(), dp, dd, event.productId);
            if (refusal !== undefined) {
              refuse(c.index, c.eventId, lineId, [{ path: 'lineId', problem: refusal }]);
              continue;
            }
            cursor.processed = event.processed;
            cursor.defective = event.defective;
            cursor.at = event.at;
            lastMs = c.atMs;
            saved.processed = event.processed;
            saved.defective = event.defective;
            saved.countAt = event.at;
            changed = true;
            if (dp > 0) {
              counted.good += dp - dd;
              counted.defective += dd;
              counted.at = event.at;
            }
          } else if (event.kind === 'state') {
            cursor.state = event.state;
            cursor.at = event.at;
            lastMs = c.atMs;
            saved.state = event.state;
            saved.stateAt = event.at;
            saved.reason = event.reason ?? null;
            changed = true;
            tellCounted();
            news.push({
              type: 'line-state',
              lineId,
              state: event.state,
              reason: event.reason ?? null,
              at: iso(event.at),
            });
          }
        }
        rows.push(toRow(c.eventId, event, atMs ?? Date.parse(iso(event.at))));
        outcomes[c.index] = { index: c.index, eventId: c.eventId, lineId, status: 'accepted' };
      }
      tellCounted();
      if (changed) {
        await lineData.saveStatus({
          ...saved,
          stateAt: saved.stateAt === null ? null : iso(saved.stateAt),
          countAt: saved.countAt === null ? null : iso(saved.countAt),
        });
      }
    }
    const inserted = await lineData.insertEvents({ receivedAt, actor: by }, rows);
    if (inserted !== rows.length) {
      throw new ConflictError(
        'line_event.id_reused',
        `an event id in this batch was already used for another event of the same line: each event needs an id of its own; nothing in the batch was recorded`,
        { lines: [...byLine.keys()] },
      );
    }
    await book.flush();
    return { lots: book.lots, runsStarted: book.runsStarted.length };
  });
  const notifier = plantNews(app.store);
  for (const event of news) notifier.publish(event);

  const results = outcomes.map(
    (o, index): EventOutcome =>
      o ?? {
        index,
        eventId: null,
        lineId: null,
        status: 'refused',
        problems: [{ path: '', problem: 'not handled' }],
      },
  );
  let accepted = 0;
  let duplicates = 0;
  for (const r of results) {
    if (r.status === 'accepted') accepted += 1;
    else if (r.status === 'duplicate') duplicates += 1;
  }
  return {
    accepted,
    duplicates,
    refused: results.length - accepted - duplicates,
    results,
    lotsCommissioned: result.lots,
    runsStarted: result.runsStarted,
  };
}

/** Why an event's id or line is not acceptable (the slow path: only refused events come here). */
function shapeProblems(
  raw: Record<string, unknown>,
  eventId: string | null,
  lineId: string | null,
  actor: Actor,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (eventId === null || !isEventId(eventId)) {
    problems.push({
      path: 'eventId',
      problem: `must be 1 to 128 printable characters, got ${JSON.stringify(raw['eventId'])}`,
    });
  }
  if (lineId === null)
    problems.push({ path: 'lineId', problem: `must be a line id, got ${JSON.stringify(raw['lineId'])}` });
  else if (actor.kind === 'device' && lineId !== actor.id) {
    problems.push({
      path: 'lineId',
      problem: `line ${actor.id} may send only its own events, not ${lineId}'s`,
    });
  }
  return problems;
}

/** 1 to 128 printable ASCII characters, checked without a regular expression (hot path). */
function isEventId(id: string): boolean {
  const n = id.length;
  if (n === 0 || n > 128) return false;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/**
 * Time order within a line, in place; events without a readable time go last (they are refused
 * there) so that the rest keep a consistent order. Senders mostly send in order: checked first.
 */
function sortByTime(candidates: Candidate[]): void {
  let ordered = true;
  for (let i = 1; i < candidates.length; i++) {
    if (!(candidates[i - 1]!.atMs <= candidates[i]!.atMs)) {
      ordered = false;
      break;
    }
  }
  if (ordered) return;
  candidates.sort((a, b) => {
    const an = Number.isNaN(a.atMs);
    const bn = Number.isNaN(b.atMs);
    if (an || bn) return an === bn ? 0 : an ? 1 : -1;
    return a.atMs - b.atMs;
  });
}

/** Time (ms) of the line's last state or count event; -Infinity for a line with none. */
function statusMs(status: LineStatusRecord | undefined): number {
  if (status === undefined) return Number.NEGATIVE_INFINITY;
  const times = [status.stateAt, status.countAt]
    .filter((t): t is string => t !== null)
    .map((t) => Date.parse(t));
  return times.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...times);
}

function cursorOf(status: LineStatusRecord | undefined): LineCursor {
  if (status === undefined) return {};
  const at = [status.stateAt, status.countAt]
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1);
  return {
    ...(status.state !== null && isPackMLState(status.state) ? { state: status.state } : {}),
    ...(status.countAt !== null ? { processed: status.processed, defective: status.defective } : {}),
    ...(at !== undefined ? { at } : {}),
  };
}

function emptyStatus(lineId: string): LineStatusRecord {
  return { lineId, state: null, stateAt: null, reason: null, processed: 0, defective: 0, countAt: null };
}

/** Times are stored as UTC ISO strings with milliseconds, whatever zone the sender wrote. */
function iso(at: string): string {
  return isCanonicalInstant(at) ? at : new Date(at).toISOString();
}

function toRow(eventId: string, e: LineEvent, atMs: number): NewLineEvent {
  const row: { -readonly [K in keyof NewLineEvent]: NewLineEvent[K] } = {
    lineId: e.lineId,
    eventId,
    kind: e.kind,
    atMs,
    state: null,
    reason: null,
    processed: null,
    defective: null,
    counterReset: false,
    endedAt: null,
    note: null,
  };
  switch (e.kind) {
    case 'state':
      row.state = e.state;
      row.reason = e.reason ?? null;
      break;
    case 'count':
      row.processed = e.processed;
      row.defective = e.defective;
      row.counterReset = e.counterReset === true;
      break;
    case 'stop':
      row.reason = e.reason;
      row.endedAt = e.endedAt === undefined ? null : iso(e.endedAt);
      row.note = e.note ?? null;
      break;
  }
  return row;
}
