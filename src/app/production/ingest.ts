import { ConflictError, type FieldProblem } from '../../domain/errors.ts';
import {
  canReach,
  isPackMLState,
  validateLineEvent,
  type LineCursor,
  type LineEvent,
} from '../../domain/line/index.ts';
import type { Tx } from '../../store/database.ts';
import {
  lineDataRepository,
  type LineEventRow,
  type LineStatusRecord,
} from '../../store/repositories/line-data.ts';
import type { LotRecord } from '../../store/repositories/lots.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import type { LiveEvent } from '../live/events.ts';
import { plantNews } from '../live/notifier.ts';
import { withTransaction } from '../transaction.ts';
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
const EVENT_ID = /^[\x21-\x7e]{1,128}$/;

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
  const lateWindow = options.lateWindowMs ?? DEFAULT_LATE_WINDOW;
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
  inputs.forEach((input, index) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      refuse(index, null, null, [{ path: '', problem: 'must be an object' }]);
      return;
    }
    const raw = input as Record<string, unknown>;
    const eventId = typeof raw['eventId'] === 'string' ? raw['eventId'] : null;
    const lineId = typeof raw['lineId'] === 'string' && raw['lineId'] !== '' ? raw['lineId'] : null;
    const problems: FieldProblem[] = [];
    if (eventId === null || !EVENT_ID.test(eventId)) {
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
    if (problems.length > 0 || eventId === null || lineId === null) {
      refuse(index, eventId, lineId, problems);
      return;
    }
    const atMs = typeof raw['at'] === 'string' ? Date.parse(raw['at']) : Number.NaN;
    const list = byLine.get(lineId) ?? [];
    list.push({ index, eventId, lineId, input: raw, atMs });
    byLine.set(lineId, list);
  });

  const receivedAt = now.toISOString();
  const by = actorRef(actor);
  // What screens are told once the transaction has committed (never before: it may roll back).
  let news: LiveEvent[] = [];
  const result = await withTransaction(app.store, async (tx) => {
    const lineData = lineDataRepository(tx);
    const lineIds = [...byLine.keys()];
    const known = await knownLines(tx, lineIds);
    const statuses = await lineData.status(lineIds);
    const book = new RunBook(tx, app, actor);
    const rows: LineEventRow[] = [];
    news = [];
    for (const [lineId, candidates] of byLine) {
      if (!known.has(lineId)) {
        for (const c of candidates)
          refuse(c.index, c.eventId, lineId, [
            { path: 'lineId', problem: `no line ${lineId} in the plant's records` },
          ]);
        continue;
      }
      // Only an event at or before the line's last one (or a stop, which keeps no order) can
      // have been stored before: the records are asked about those alone. Any other id already
      // stored means the sender gave one id to two events; the insert below catches that.
      const status = statuses.get(lineId);
      const startMs = statusMs(status);
      const existing = await lineData.existingEventIds(
        lineId,
        candidates.filter((c) => c.input['kind'] === 'stop' || !(c.atMs > startMs)).map((c) => c.eventId),
      );
      // Time order within the line; unparseable times keep their place and are refused below.
      candidates.sort((a, b) => (Number.isNaN(a.atMs) || Number.isNaN(b.atMs) ? 0 : a.atMs - b.atMs));
      // Where the line stands, moved along event by event (mutable: this loop is the hot path).
      const cursor: { -readonly [K in keyof LineCursor]: LineCursor[K] } = cursorOf(status);
      const saved: { -readonly [K in keyof LineStatusRecord]: LineStatusRecord[K] } = {
        ...(status ?? emptyStatus(lineId)),
      };
      let lastMs = cursor.at === undefined ? Number.NaN : Date.parse(cursor.at);
      let changed = false;
      const seen = new Set<string>();
      for (const c of candidates) {
        if (existing.has(c.eventId) || seen.has(c.eventId)) {
          outcomes[c.index] = { index: c.index, eventId: c.eventId, lineId, status: 'duplicate' };
          continue;
        }
        seen.add(c.eventId);
        const late = c.input['kind'] !== 'stop' && c.atMs < lastMs;
        let event: LineEvent;
        if (late) {
          if (lastMs - c.atMs > lateWindow) {
            refuse(c.index, c.eventId, lineId, [
              {
                path: 'at',
                problem: `arrived too late: ${String(c.input['at'])} is more than ${lateWindow / 60_000} min before the line's last event at ${cursor.at}`,
              },
            ]);
            continue;
          }
          const placed = await placeLate(tx, c, notAfter);
          if (!placed.ok) {
            refuse(c.index, c.eventId, lineId, placed.problems);
            continue;
          }
          event = placed.event;
        } else {
          const checked = validateLineEvent(c.input, c.input['kind'] === 'stop' ? {} : cursor, notAfter);
          if (!checked.ok) {
            refuse(c.index, c.eventId, lineId, [...checked.problems]);
            continue;
          }
          event = checked.event;
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
            if (dp > 0)
              news.push({ type: 'line-count', lineId, good: dp - dd, defective: dd, at: iso(event.at) });
          } else if (event.kind === 'state') {
            cursor.state = event.state;
            cursor.at = event.at;
            lastMs = c.atMs;
            saved.state = event.state;
            saved.stateAt = event.at;
            saved.reason = event.reason ?? null;
            changed = true;
            news.push({
              type: 'line-state',
              lineId,
              state: event.state,
              reason: event.reason ?? null,
              at: iso(event.at),
            });
          }
        }
        rows.push(toRow(c.eventId, event, iso(event.at), receivedAt, by));
        outcomes[c.index] = { index: c.index, eventId: c.eventId, lineId, status: 'accepted' };
      }
      if (changed) {
        await lineData.saveStatus({
          ...saved,
          stateAt: saved.stateAt === null ? null : iso(saved.stateAt),
          countAt: saved.countAt === null ? null : iso(saved.countAt),
        });
      }
    }
    const inserted = await lineData.insertEvents(rows);
    if (inserted !== rows.length) {
      throw new ConflictError(
        'line_event.id_reused',
        `${rows.length - inserted} event id(s) in this batch were already used for other events of the same line: each event needs an id of its own; nothing in the batch was recorded`,
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

/**
 * An event behind the line's last one: checked against the recorded events around its time.
 * A late count must fit between its neighbours (it changes no totals: counters are cumulative,
 * so the later count already holds its rounds); a late state must follow the state recorded
 * before it.
 */
async function placeLate(
  tx: Tx,
  c: Candidate,
  notAfter: Date,
): Promise<{ ok: true; event: LineEvent } | { ok: false; problems: FieldProblem[] }> {
  const at = new Date(c.atMs).toISOString();
  const around = await lineDataRepository(tx).neighbours(c.lineId, at);
  const before: LineCursor = {
    ...(around.previousCount === undefined
      ? {}
      : { processed: around.previousCount.processed, defective: around.previousCount.defective }),
    ...(around.previousState !== undefined && isPackMLState(around.previousState.state)
      ? { state: around.previousState.state }
      : {}),
  };
  const checked = validateLineEvent(c.input, before, notAfter);
  if (!checked.ok) return { ok: false, problems: [...checked.problems] };
  const event = checked.event;
  if (event.kind === 'count') {
    if (event.counterReset === true) {
      return {
        ok: false,
        problems: [{ path: 'counterReset', problem: 'a counter reset cannot arrive late: send it in order' }],
      };
    }
    const next = around.nextCount;
    if (
      next !== undefined &&
      !next.counterReset &&
      (event.processed > next.processed || event.defective > next.defective)
    ) {
      return {
        ok: false,
        problems: [
          {
            path: 'processed',
            problem: `does not fit before the count at ${next.at} (processed ${next.processed}, defective ${next.defective}): counts would go backwards`,
          },
        ],
      };
    }
  }
  if (event.kind === 'state' && before.state !== undefined && !canReach(before.state, event.state)) {
    return {
      ok: false,
      problems: [{ path: 'state', problem: `${event.state} cannot follow ${before.state} (PackML)` }],
    };
  }
  return { ok: true, event };
}

async function knownLines(tx: Tx, lineIds: readonly string[]): Promise<Set<string>> {
  if (lineIds.length === 0) return new Set();
  const rows = await tx.db
    .selectFrom('lines')
    .select('id')
    .where('id', 'in', [...lineIds])
    .execute();
  return new Set(rows.map((r) => r.id));
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
  return CANONICAL.test(at) ? at : new Date(at).toISOString();
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function toRow(eventId: string, e: LineEvent, at: string, receivedAt: string, actor: string): LineEventRow {
  const row: { -readonly [K in keyof LineEventRow]: LineEventRow[K] } = {
    lineId: e.lineId,
    eventId,
    kind: e.kind,
    at,
    state: null,
    reason: null,
    processed: null,
    defective: null,
    counterReset: false,
    endedAt: null,
    note: null,
    receivedAt,
    actor,
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
