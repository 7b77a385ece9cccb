import type { Executor } from '../database.ts';
import { keysetPage, type Keyset, type KeysetPage } from '../keyset.ts';
import { lineEventRow, withReceipts, type LineEventRow } from './line-data.ts';

/** A line event as the records hold it (see `LineEventRow`). */
export type LineEventRecord = LineEventRow;

/** A ledger event at its place in the log, with its EPCIS body. */
export interface LedgerEventRecord {
  readonly index: number;
  readonly eventId: string;
  readonly declaresError: boolean;
  readonly type: string;
  readonly bizStep: string | null;
  readonly eventTime: string;
  readonly recordTime: string;
  readonly leafHash: string;
  /** The Merkle leaf data: canonical JSON of `{ event, index }`. */
  readonly body: string;
}

/** The key of a line event in its line's list: its time, then its id (`at|eventId`). */
const lineEventKey = (e: { at: string; eventId: string }): string => `${e.at}|${e.eventId}`;

/**
 * A line-event key read back: the time in ms (NaN when it is not a time, which `pageLineEvents`
 * refuses) and the event id after it.
 */
export function lineEventCursor(after: string): { atMs: number; eventId: string } {
  const cut = after.indexOf('|');
  return {
    atMs: Date.parse(cut < 0 ? after : after.slice(0, cut)),
    eventId: cut < 0 ? '' : after.slice(cut + 1),
  };
}

/**
 * Paged reads of the two append-only logs, line events and ledger events, kept apart from their write
 * paths (ingest, ledger append), which have their own hot-path code.
 *
 * @example
 * const page = await listPages(store).lineEvents('L1', { limit: 100 }); // { items, nextKey }
 */
export function listPages(ex: Executor) {
  const { db } = ex;
  return {
    /** One line's events in time order (ties by event id), one page of them. */
    async lineEvents(lineId: string, page: Keyset): Promise<KeysetPage<LineEventRecord>> {
      let q = withReceipts(db).where('e.line_id', '=', lineId);
      if (page.after !== undefined) {
        const { atMs, eventId } = lineEventCursor(page.after);
        q = q.where((eb) =>
          eb.or([
            eb('e.at_ms', '>', atMs),
            eb.and([eb('e.at_ms', '=', atMs), eb('e.event_id', '>', eventId)]),
          ]),
        );
      }
      const rows = await q
        .orderBy('e.at_ms')
        .orderBy('e.event_id')
        .limit(page.limit + 1)
        .execute();
      const events = rows.map(lineEventRow);
      return keysetPage(events, page, lineEventKey);
    },

    /** Ledger events in log order, one page of them; the key is the index. */
    async ledgerEvents(page: Keyset): Promise<KeysetPage<LedgerEventRecord>> {
      let q = db.selectFrom('ledger_events').selectAll();
      if (page.after !== undefined) q = q.where('idx', '>', Number(page.after));
      const rows = await q
        .orderBy('idx')
        .limit(page.limit + 1)
        .execute();
      const events = rows.map((r): LedgerEventRecord => ({
        index: Number(r.idx),
        eventId: r.event_id,
        declaresError: Number(r.declares_error) === 1,
        type: r.event_type,
        bizStep: r.biz_step,
        eventTime: r.event_time,
        recordTime: r.record_time,
        leafHash: r.leaf_hash,
        body: r.body,
      }));
      return keysetPage(events, page, (e) => String(e.index));
    },
  };
}
