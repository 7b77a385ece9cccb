import type { Executor } from '../database.ts';
import { pgExistingEventIds, pgInsertLineEvents } from '../postgres/line-events.ts';
import { sqliteExistingEventIds, sqliteInsertLineEvents } from '../sqlite/line-events.ts';

/** One stored line event (see `LineEventTable`). */
export interface LineEventRow {
  readonly lineId: string;
  readonly eventId: string;
  readonly kind: 'state' | 'count' | 'stop';
  readonly at: string;
  readonly state: string | null;
  readonly reason: string | null;
  readonly processed: number | null;
  readonly defective: number | null;
  readonly counterReset: boolean;
  readonly endedAt: string | null;
  readonly note: string | null;
  readonly receivedAt: string;
  readonly actor: string;
}

/** Where a line stands: its last state and its cumulative counters. */
export interface LineStatusRecord {
  readonly lineId: string;
  readonly state: string | null;
  readonly stateAt: string | null;
  readonly reason: string | null;
  readonly processed: number;
  readonly defective: number;
  readonly countAt: string | null;
}

/**
 * Line data: raw line events and each line's current status. `insertEvents` and
 * `existingEventIds` are the ingest hot path and use each backend's fastest way (prepared
 * statements in SQLite, one array-parameter statement in PostgreSQL).
 *
 * @example
 * const status = await lineDataRepository(tx).status(['L1', 'L2']);
 */
export function lineDataRepository(ex: Executor) {
  const { db } = ex;
  return {
    async status(lineIds: readonly string[]): Promise<Map<string, LineStatusRecord>> {
      const out = new Map<string, LineStatusRecord>();
      if (lineIds.length === 0) return out;
      const rows = await db
        .selectFrom('line_status')
        .selectAll()
        .where('line_id', 'in', [...lineIds])
        .execute();
      for (const r of rows) {
        out.set(r.line_id, {
          lineId: r.line_id,
          state: r.state,
          stateAt: r.state_at,
          reason: r.reason,
          processed: Number(r.processed),
          defective: Number(r.defective),
          countAt: r.count_at,
        });
      }
      return out;
    },

    async saveStatus(status: LineStatusRecord): Promise<void> {
      const values = {
        line_id: status.lineId,
        state: status.state,
        state_at: status.stateAt,
        reason: status.reason,
        processed: status.processed,
        defective: status.defective,
        count_at: status.countAt,
      };
      const { line_id: _id, ...changes } = values;
      await db
        .insertInto('line_status')
        .values(values)
        .onConflict((oc) => oc.column('line_id').doUpdateSet(changes))
        .execute();
    },

    /** Which of `eventIds` the line has already sent. */
    existingEventIds(lineId: string, eventIds: readonly string[]): Promise<Set<string>> {
      if (eventIds.length === 0) return Promise.resolve(new Set());
      return ex.native.dialect === 'sqlite'
        ? Promise.resolve(sqliteExistingEventIds(ex.native.sqlite, lineId, eventIds))
        : pgExistingEventIds(db, lineId, eventIds);
    },

    /**
     * Inserts line events, skipping any whose `(line_id, event_id)` is stored already; returns
     * how many were inserted.
     */
    insertEvents(rows: readonly LineEventRow[]): Promise<number> {
      if (rows.length === 0) return Promise.resolve(0);
      if (ex.native.dialect === 'sqlite')
        return Promise.resolve(sqliteInsertLineEvents(ex.native.sqlite, rows));
      return pgInsertLineEvents(db, rows);
    },

    /** The last count and state of a line at or before `at`, and its first count after: for late events. */
    async neighbours(
      lineId: string,
      at: string,
    ): Promise<{
      previousCount: { at: string; processed: number; defective: number } | undefined;
      nextCount: { at: string; processed: number; defective: number; counterReset: boolean } | undefined;
      previousState: { at: string; state: string } | undefined;
    }> {
      const prevCount = await db
        .selectFrom('line_events')
        .select(['at', 'processed', 'defective'])
        .where('line_id', '=', lineId)
        .where('kind', '=', 'count')
        .where('at', '<=', at)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const nextCount = await db
        .selectFrom('line_events')
        .select(['at', 'processed', 'defective', 'counter_reset'])
        .where('line_id', '=', lineId)
        .where('kind', '=', 'count')
        .where('at', '>', at)
        .orderBy('at')
        .limit(1)
        .executeTakeFirst();
      const prevState = await db
        .selectFrom('line_events')
        .select(['at', 'state'])
        .where('line_id', '=', lineId)
        .where('kind', '=', 'state')
        .where('at', '<=', at)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return {
        previousCount:
          prevCount === undefined
            ? undefined
            : {
                at: prevCount.at,
                processed: Number(prevCount.processed),
                defective: Number(prevCount.defective),
              },
        nextCount:
          nextCount === undefined
            ? undefined
            : {
                at: nextCount.at,
                processed: Number(nextCount.processed),
                defective: Number(nextCount.defective),
                counterReset: nextCount.counter_reset === 1,
              },
        previousState:
          prevState === undefined || prevState.state === null
            ? undefined
            : { at: prevState.at, state: prevState.state },
      };
    },

    /** A line's events from `from` to `to` (both inclusive), in time order. */
    async events(lineId: string, from: string, to: string): Promise<LineEventRow[]> {
      const rows = await db
        .selectFrom('line_events')
        .selectAll()
        .where('line_id', '=', lineId)
        .where('at', '>=', from)
        .where('at', '<=', to)
        .orderBy('at')
        .orderBy('event_id')
        .execute();
      return rows.map((r) => ({
        lineId: r.line_id,
        eventId: r.event_id,
        kind: r.kind as LineEventRow['kind'],
        at: r.at,
        state: r.state,
        reason: r.reason,
        processed: r.processed === null ? null : Number(r.processed),
        defective: r.defective === null ? null : Number(r.defective),
        counterReset: r.counter_reset === 1,
        endedAt: r.ended_at,
        note: r.note,
        receivedAt: r.received_at,
        actor: r.actor,
      }));
    },

    /**
     * The last event of a line before `at` (or at it, when `inclusive`), of the given kind: what
     * was true when a period began.
     */
    async lastBefore(
      lineId: string,
      kind: 'state' | 'count',
      at: string,
      inclusive = false,
    ): Promise<LineEventRow | undefined> {
      const r = await db
        .selectFrom('line_events')
        .selectAll()
        .where('line_id', '=', lineId)
        .where('kind', '=', kind)
        .where('at', inclusive ? '<=' : '<', at)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (r === undefined) return undefined;
      return {
        lineId: r.line_id,
        eventId: r.event_id,
        kind: r.kind as LineEventRow['kind'],
        at: r.at,
        state: r.state,
        reason: r.reason,
        processed: r.processed === null ? null : Number(r.processed),
        defective: r.defective === null ? null : Number(r.defective),
        counterReset: r.counter_reset === 1,
        endedAt: r.ended_at,
        note: r.note,
        receivedAt: r.received_at,
        actor: r.actor,
      };
    },
  };
}

export type LineDataRepository = ReturnType<typeof lineDataRepository>;
