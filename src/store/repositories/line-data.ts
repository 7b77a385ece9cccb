import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import { pgExistingEventIds, pgInsertLineEvents, pgStoredEventIds } from '../postgres/line-events.ts';
import {
  sqliteExistingEventIds,
  sqliteInsertLineEvents,
  sqliteStoredEventIds,
} from '../sqlite/line-events.ts';

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

/** A line event to record: its time in milliseconds; its sender and arrival go on the batch's receipt. */
export interface NewLineEvent extends Omit<LineEventRow, 'at' | 'receivedAt' | 'actor'> {
  /** Milliseconds since the epoch. */
  readonly atMs: number;
}

/** Who sent a batch of line events and when it arrived: recorded once for the batch. */
export interface LineEventReceipt {
  readonly receivedAt: string;
  readonly actor: string;
}

/** A recorded state or count, as late events are checked against it. */
export interface RecordedEvent {
  readonly kind: 'state' | 'count';
  readonly at: string;
  readonly eventId: string;
  readonly state: string | null;
  readonly processed: number;
  readonly defective: number;
  readonly counterReset: boolean;
}

/** Time order, then the event id: the order the records hold events in. */
export function byTime(a: { at: string; eventId: string }, b: { at: string; eventId: string }): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
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

    /**
     * The lines among `lineIds` that the plant has, each with its status (undefined for a line
     * that has sent nothing yet): one query.
     */
    async positions(lineIds: readonly string[]): Promise<Map<string, LineStatusRecord | undefined>> {
      const out = new Map<string, LineStatusRecord | undefined>();
      if (lineIds.length === 0) return out;
      const rows = await db
        .selectFrom('lines')
        .leftJoin('line_status', 'line_status.line_id', 'lines.id')
        .select([
          'lines.id as id',
          'line_status.line_id as status_line',
          'line_status.state',
          'line_status.state_at',
          'line_status.reason',
          'line_status.processed',
          'line_status.defective',
          'line_status.count_at',
        ])
        .where('lines.id', 'in', [...lineIds])
        .execute();
      for (const r of rows) {
        out.set(
          r.id,
          r.status_line === null
            ? undefined
            : {
                lineId: r.id,
                state: r.state,
                stateAt: r.state_at,
                reason: r.reason,
                processed: Number(r.processed),
                defective: Number(r.defective),
                countAt: r.count_at,
              },
        );
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

    /** Which of the `(line, event id)` pairs are stored already, as event ids by line: one query. */
    storedEventIds(ids: ReadonlyMap<string, readonly string[]>): Promise<Map<string, Set<string>>> {
      const lineIds: string[] = [];
      const eventIds: string[] = [];
      for (const [lineId, list] of ids) {
        for (const id of list) {
          lineIds.push(lineId);
          eventIds.push(id);
        }
      }
      if (eventIds.length === 0) return Promise.resolve(new Map<string, Set<string>>());
      return ex.native.dialect === 'sqlite'
        ? Promise.resolve(sqliteStoredEventIds(ex.native.sqlite, lineIds, eventIds))
        : pgStoredEventIds(db, lineIds, eventIds);
    },

    /**
     * Inserts a batch's line events under one receipt; returns how many were inserted. Fewer
     * than `rows.length` means some `(line_id, event_id)` is stored already: SQLite skips those
     * rows, PostgreSQL stops (and answers 0), and either way the caller must roll the
     * transaction back.
     */
    insertEvents(receipt: LineEventReceipt, rows: readonly NewLineEvent[]): Promise<number> {
      if (rows.length === 0) return Promise.resolve(0);
      if (ex.native.dialect === 'sqlite')
        return Promise.resolve(sqliteInsertLineEvents(ex.native.sqlite, receipt, rows));
      return pgInsertLineEvents(db, receipt, rows);
    },

    /**
     * The recorded states and counts of each line from its `from` time on, with the last count
     * and the last state before it, in time order: what late events are placed among. One
     * query for every line of a batch.
     */
    async recordedSince(from: ReadonlyMap<string, string>): Promise<Map<string, RecordedEvent[]>> {
      const out = new Map<string, RecordedEvent[]>();
      if (from.size === 0) return out;
      const columns = sql`line_id, kind, at_ms, event_id, state, processed, defective, counter_reset`;
      const parts = [...from].map(([lineId, sinceIso]) => {
        const since = Date.parse(sinceIso);
        return sql`
          select ${columns} from line_events
            where line_id = ${lineId} and kind in ('count', 'state') and at_ms >= ${since}
          union all select * from (select ${columns} from line_events
            where line_id = ${lineId} and kind = 'count' and at_ms < ${since} order by at_ms desc limit 1) as c
          union all select * from (select ${columns} from line_events
            where line_id = ${lineId} and kind = 'state' and at_ms < ${since} order by at_ms desc limit 1) as s`;
      });
      const { rows } = await sql<{
        line_id: string;
        kind: string;
        at_ms: number;
        event_id: string;
        state: string | null;
        processed: number | string | null;
        defective: number | string | null;
        counter_reset: number;
      }>`${sql.join(parts, sql` union all `)}`.execute(db);
      for (const r of rows) {
        const list = out.get(r.line_id) ?? [];
        list.push({
          kind: r.kind === 'count' ? 'count' : 'state',
          at: isoOfMs(r.at_ms),
          eventId: r.event_id,
          state: r.state,
          processed: Number(r.processed ?? 0),
          defective: Number(r.defective ?? 0),
          counterReset: Number(r.counter_reset) === 1,
        });
        out.set(r.line_id, list);
      }
      for (const list of out.values()) list.sort(byTime);
      return out;
    },

    /** A line's events from `from` to `to` (both inclusive), in time order. */
    async events(lineId: string, from: string, to: string): Promise<LineEventRow[]> {
      const rows = await withReceipts(db)
        .where('e.line_id', '=', lineId)
        .where('e.at_ms', '>=', Date.parse(from))
        .where('e.at_ms', '<=', Date.parse(to))
        .orderBy('e.at_ms')
        .orderBy('e.event_id')
        .execute();
      return rows.map(lineEventRow);
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
      const r = await withReceipts(db)
        .where('e.line_id', '=', lineId)
        .where('e.kind', '=', kind)
        .where('e.at_ms', inclusive ? '<=' : '<', Date.parse(at))
        .orderBy('e.at_ms', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r === undefined ? undefined : lineEventRow(r);
    },
  };
}

export type LineDataRepository = ReturnType<typeof lineDataRepository>;

/** Line events with their batch's receipt: every stored column a reader sees. */
export function withReceipts(db: Executor['db']) {
  return db
    .selectFrom('line_events as e')
    .innerJoin('line_event_receipts as r', 'r.id', 'e.receipt_id')
    .select([
      'e.line_id',
      'e.event_id',
      'e.kind',
      'e.at_ms',
      'e.state',
      'e.reason',
      'e.processed',
      'e.defective',
      'e.counter_reset',
      'e.ended_at',
      'e.note',
      'r.received_at',
      'r.actor',
    ]);
}

type StoredLineEvent = Awaited<ReturnType<ReturnType<typeof withReceipts>['executeTakeFirstOrThrow']>>;

/** A stored line event as read (ISO time, sender and arrival from its receipt). */
export function lineEventRow(r: StoredLineEvent): LineEventRow {
  return {
    lineId: r.line_id,
    eventId: r.event_id,
    kind: r.kind as LineEventRow['kind'],
    at: isoOfMs(r.at_ms),
    state: r.state,
    reason: r.reason,
    processed: r.processed === null ? null : Number(r.processed),
    defective: r.defective === null ? null : Number(r.defective),
    counterReset: Number(r.counter_reset) === 1,
    endedAt: r.ended_at,
    note: r.note,
    receivedAt: r.received_at,
    actor: r.actor,
  };
}

/** A stored time in ms as the ISO instant reads answer. */
export function isoOfMs(ms: number): string {
  return new Date(ms).toISOString();
}
