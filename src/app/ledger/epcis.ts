import { ConflictError, RefusedError, ValidationError } from '../../domain/errors.ts';
import { eventOfEntry } from '../../ledger/entry.ts';
import type { CustodyEvent } from '../../ledger/event.ts';
import { toEpcisDocument, type EpcisDocument, type LedgerEvent } from '../../ledger/epcis/export.ts';
import { fromEpcisDocument } from '../../ledger/epcis/import.ts';
import { epcisInvalid, validateEpcisDocument } from '../../ledger/epcis/validate.ts';
import { describeUri, parseLotClassUri } from '../../ledger/identifiers.ts';
import type { Executor } from '../../store/database.ts';
import { actorOf } from '../../ledger/builders.ts';
import type { AppContext } from '../context.ts';
import { withTransaction } from '../transaction.ts';
import { appendCustodyEvents, type Appended } from './append.ts';
import { readJsonFile } from './epcis-file.ts';
import { requireRole, staffRoles, type Actor } from './roles.ts';

/** Which events to export: a time window (eventTime, from inclusive, to exclusive) or one lot. */
export interface ExportSelection {
  readonly from?: Date;
  readonly to?: Date;
  /** A lot number; `product` narrows it when lot numbers repeat across products. */
  readonly lot?: string;
  readonly product?: string;
}

function usesLot(event: CustodyEvent, lot: string, product: string | undefined): boolean {
  const lists = [
    'quantityList' in event ? event.quantityList : undefined,
    'childQuantityList' in event ? event.childQuantityList : undefined,
    'inputQuantityList' in event ? event.inputQuantityList : undefined,
    'outputQuantityList' in event ? event.outputQuantityList : undefined,
  ];
  return lists.some((list) =>
    (list ?? []).some((q) => {
      const parsed = parseLotClassUri(q.epcClass);
      return (
        parsed !== undefined && parsed.lot === lot && (product === undefined || parsed.product === product)
      );
    }),
  );
}

/**
 * The ledger's events as an EPCIS 2.0 JSON-LD document, each with its ledger index, selected by
 * event time or by lot (every event naming the lot's class: commissioning, packing, destruction,
 * ...). The document is validated against GS1's schema before it is returned. Staff only.
 *
 * @example
 * const doc = await exportEpcis(app, auditor, { lot: '0042-26' });
 */
export async function exportEpcis(
  app: AppContext,
  actor: Actor,
  selection: ExportSelection,
): Promise<EpcisDocument> {
  requireRole(actor, staffRoles, 'export ledger events');
  const { db } = app.store;
  let query = db.selectFrom('ledger_events').select(['idx', 'body']).orderBy('idx');
  if (selection.from !== undefined) query = query.where('event_time', '>=', selection.from.toISOString());
  if (selection.to !== undefined) query = query.where('event_time', '<', selection.to.toISOString());
  if (selection.lot !== undefined) {
    // A coarse text filter in the database, then the exact test on each event.
    query = query.where('body', 'like', `%/lot/${encodeURIComponent(selection.lot)}%`);
  }
  const rows = await query.execute();
  const events: LedgerEvent[] = rows
    .map((row) => ({ index: Number(row.idx), event: eventOfEntry({ text: row.body }) }))
    .filter(({ event }) => selection.lot === undefined || usesLot(event, selection.lot, selection.product));
  const doc = toEpcisDocument(events, { creationDate: app.clock.now() });
  const problems = validateEpcisDocument(doc);
  if (problems.length > 0) throw epcisInvalid(problems, 'exported document');
  return doc;
}

/** What the records say is wrong with one imported event's references. */
async function unknownReferences(
  ex: Executor,
  events: readonly LedgerEvent[],
): Promise<{ path: string; problem: string }[]> {
  const problems: { path: string; problem: string }[] = [];
  const lots = new Map<string, string[]>();
  const ssccs = new Map<string, string[]>();
  const places = new Map<string, string[]>();
  const consignees = new Map<string, string[]>();
  const note = (map: Map<string, string[]>, key: string, path: string): void => {
    map.set(key, [...(map.get(key) ?? []), path]);
  };
  events.forEach(({ event }, i) => {
    const path = `epcisBody.eventList[${i}]`;
    const walk = (value: unknown, at: string): void => {
      if (typeof value === 'string') {
        const d = describeUri(value);
        const lot = parseLotClassUri(value);
        if (lot !== undefined) note(lots, JSON.stringify([lot.product, lot.lot]), at);
        else if (d?.kind === 'sscc') note(ssccs, d.key, at);
        else if (d?.kind === 'location') note(places, d.key, at);
        else if (d?.kind === 'consignee') note(consignees, d.key, at);
      } else if (Array.isArray(value)) value.forEach((v, k) => walk(v, `${at}[${k}]`));
      else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value))
          if (k !== 'ilmd' && k !== 'extensions') walk(v, `${at}.${k}`);
      }
    };
    walk(event, path);
  });
  for (const [key, paths] of lots) {
    const [product, lot] = JSON.parse(key) as [string, string];
    const cartridge = await ex.db
      .selectFrom('lots')
      .select('id')
      .where('product_id', '=', product)
      .where('lot_number', '=', lot)
      .executeTakeFirst();
    const component =
      cartridge ??
      (await ex.db
        .selectFrom('component_lots')
        .select('id')
        .where('component_id', '=', product)
        .where('lot_number', '=', lot)
        .executeTakeFirst());
    if (component === undefined)
      for (const p of paths)
        problems.push({ path: p, problem: `no lot ${lot} of ${product} in the records` });
  }
  for (const [sscc, paths] of ssccs) {
    const crate = await ex.db.selectFrom('crates').select('id').where('sscc', '=', sscc).executeTakeFirst();
    const pallet =
      crate ?? (await ex.db.selectFrom('pallets').select('id').where('sscc', '=', sscc).executeTakeFirst());
    if (pallet === undefined)
      for (const p of paths) problems.push({ path: p, problem: `no crate or pallet with SSCC ${sscc}` });
  }
  for (const [id, paths] of places) {
    const found = await ex.db
      .selectFrom('storage_locations')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (found === undefined)
      for (const p of paths) problems.push({ path: p, problem: `no storage location ${id}` });
  }
  for (const [id, paths] of consignees) {
    const found = await ex.db.selectFrom('consignees').select('id').where('id', '=', id).executeTakeFirst();
    if (found === undefined) for (const p of paths) problems.push({ path: p, problem: `no consignee ${id}` });
  }
  return problems;
}

/**
 * Imports an EPCIS 2.0 JSON-LD file into the ledger, all or nothing: the document must be valid
 * EPCIS, every lot, crate, location and consignee it names must be in the records, and no event
 * may be in the ledger already. Events without `hs:actor` are recorded as the importing user's.
 * Admin or logistics only.
 *
 * @example
 * const { appended } = await importEpcisFile(app, officer, 'from-depot-7.jsonld', process.cwd());
 */
export async function importEpcisFile(
  app: AppContext,
  actor: Actor,
  file: string,
  cwd: string,
): Promise<{ file: string; events: number; appended: Appended }> {
  requireRole(actor, ['admin', 'logistics'], 'import EPCIS events');
  const doc = readJsonFile(file, cwd);
  const { events } = fromEpcisDocument(doc, { actor: actorOf(actor), source: file });
  if (events.length === 0)
    throw new RefusedError('epcis.empty', `${file} holds no events`, [
      'the document has no events to import',
    ]);
  const problems = await unknownReferences(app.store, events);
  if (problems.length > 0) {
    throw new ValidationError(
      'epcis.unknown_references',
      `${file}: ${problems.length} reference(s) not in the records`,
      problems,
    );
  }
  return withTransaction(app.store, async (tx) => {
    const ids = events.map((e) => e.event.eventID);
    const existing = await tx.db
      .selectFrom('ledger_events')
      .select(['event_id', 'declares_error'])
      .where('event_id', 'in', ids)
      .execute();
    const clash = existing.filter((row) =>
      events.some(
        (e) =>
          e.event.eventID === row.event_id &&
          (e.event.errorDeclaration !== undefined) === (row.declares_error === 1),
      ),
    );
    if (clash.length > 0) {
      throw new ConflictError(
        'epcis.already_in_ledger',
        `${clash.length} event(s) of ${file} are in the ledger already`,
        {
          eventIDs: clash.map((c) => c.event_id),
        },
      );
    }
    const appended = await appendCustodyEvents(
      tx,
      events.map((e) => e.event),
      { recordTime: app.clock.now() },
    );
    return { file, events: events.length, appended };
  });
}
