import { ValidationError } from '../domain/errors.ts';
import type { Keyset, KeysetPage } from '../store/keyset.ts';
import {
  lineEventCursor,
  listPages,
  type LedgerEventRecord,
  type LineEventRecord,
} from '../store/repositories/list-pages.ts';
import { requireRole, type Actor } from './actor.ts';
import { staff } from './auth/roles.ts';
import type { AppContext } from './context.ts';

/**
 * One page of a line's recorded events (states, counts, stops), in time order. The plant's staff read
 * them; consignees do not.
 *
 * @example
 * const { items, nextKey } = await pageLineEvents(app, actor, 'L1', { limit: 100 });
 */
export async function pageLineEvents(
  app: AppContext,
  actor: Actor,
  lineId: string,
  page: Keyset,
): Promise<KeysetPage<LineEventRecord>> {
  requireRole(actor, staff, 'read line events');
  // The key is the API's cursor: a time, "|" and an event id; anything else cannot be from this list.
  if (page.after !== undefined && Number.isNaN(lineEventCursor(page.after).atMs)) {
    throw new ValidationError('line_events.cursor', 'cursor: not a cursor from this list', [
      { path: 'cursor', problem: 'is not a cursor from this list; start again without it' },
    ]);
  }
  return listPages(app.store).lineEvents(lineId, page);
}

/** A ledger event as a list shows it: its place, ids, times, and the EPCIS event itself. */
export interface LedgerEventView extends Omit<LedgerEventRecord, 'body'> {
  readonly event: Readonly<Record<string, unknown>>;
}

/**
 * One page of the ledger's events in log order, each with its EPCIS event and leaf hash (what
 * inclusion proofs are about).
 *
 * @example
 * const { items } = await pageLedgerEvents(app, auditor, { limit: 50 }); // items[0].index === 0
 */
export async function pageLedgerEvents(
  app: AppContext,
  actor: Actor,
  page: Keyset,
): Promise<KeysetPage<LedgerEventView>> {
  requireRole(actor, staff, 'read ledger events');
  if (page.after !== undefined && !/^\d{1,15}$/.test(page.after))
    throw new ValidationError('request.cursor', 'cursor: not a cursor from this list', [
      { path: 'cursor', problem: 'is not a cursor from this list; start again without it' },
    ]);
  const rows = await listPages(app.store).ledgerEvents(page);
  return {
    items: rows.items.map(({ body, ...e }) => ({
      ...e,
      event: (JSON.parse(body) as { event: Record<string, unknown> }).event,
    })),
    nextKey: rows.nextKey,
  };
}
