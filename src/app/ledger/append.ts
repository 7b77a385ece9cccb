import { ConflictError, ValidationError, type FieldProblem } from '../../domain/errors.ts';
import { checkCustodyEvent } from '../../ledger/check-event.ts';
import { toStoredEntry, type StoredEntry } from '../../ledger/entry.ts';
import type { CustodyEvent } from '../../ledger/event.ts';
import { toBase64 } from '../../ledger/merkle/hash.ts';
import type { TreeNode } from '../../ledger/merkle/frontier.ts';
import type { Tx } from '../../store/database.ts';
import { plantRepository } from '../../store/repositories/plant.ts';
import { systemClock } from '../runtime.ts';
import { ledgerRecords } from './records.ts';

/** Where appended events landed in the log. */
export interface Appended {
  /** Index of the first event appended. */
  readonly from: number;
  /** Size of the log afterwards. */
  readonly size: number;
  /** Root hash (base64) of the log afterwards. */
  readonly rootHash: string;
}

/** The record time of an append: the plant's clock as the records hold it (simulated or real). */
async function recordTimeOf(tx: Tx): Promise<string> {
  const plant = await plantRepository(tx).get();
  if (plant?.clockMode === 'simulated' && plant.simulatedNow !== null) return plant.simulatedNow;
  return systemClock.now().toISOString();
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/**
 * Appends custody events to the ledger INSIDE the caller's transaction, so that a change of
 * quantity, place or custody and its ledger events commit together or not at all. Every use
 * case that changes quantity, place or custody calls this with the events built by the builders
 * of `src/ledger/builders.ts` (`lotCommissioned`, `cratePacked`, `cratesShipped`, ...).
 *
 * Each event is checked (shape, actor, counts), stamped with the record time (the plant's clock
 * as the records hold it, unless `recordTime` is given), given the next index of the log, and
 * written with its canonical bytes and leaf hash; the Merkle tree's new nodes and the tree head
 * are written in the same transaction. Nothing is ever updated or deleted: a correction is a
 * new event (see `errorDeclared`).
 *
 * Refuses (ValidationError) an ill-formed event, naming `events[i].field`; refuses
 * (ConflictError) an eventID already in the ledger.
 *
 * @example
 * await withTransaction(app.store, async (tx) => {
 *   const lot = await lots.insert(row);
 *   await appendCustodyEvents(tx, [
 *     lotCommissioned({ eventID: app.ids.next('event'), eventTime: app.clock.now(), actor },
 *       { product: lot.productId, lot: lot.lotNumber, quantity, line, location: 'quarantine' }),
 *   ]);
 * });
 */
export async function appendCustodyEvents(
  tx: Tx,
  events: readonly CustodyEvent[],
  options: { recordTime?: Date | string } = {},
): Promise<Appended> {
  const records = ledgerRecords(tx);
  const head = await records.treeHead({ forUpdate: true });
  if (events.length === 0) return { from: head.size, size: head.size, rootHash: toBase64(head.rootHash) };
  const problems: FieldProblem[] = events.flatMap((event, i) => checkCustodyEvent(event, `events[${i}]`));
  if (problems.length > 0) {
    throw new ValidationError(
      'ledger.invalid_event',
      `${problems.length} problem(s) in custody events`,
      problems,
    );
  }
  const recordTime =
    options.recordTime === undefined
      ? await recordTimeOf(tx)
      : typeof options.recordTime === 'string'
        ? options.recordTime
        : options.recordTime.toISOString();
  const frontier = head.frontier;
  const nodes: TreeNode[] = [];
  const entries: StoredEntry[] = events.map((event, i) => {
    const entry = toStoredEntry(head.size + i, { ...event, recordTime });
    frontier.append(entry.leafHash, (node) => nodes.push(node));
    return entry;
  });
  try {
    await records.insertEntries(tx, entries, nodes);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        'ledger.duplicate_event',
        'an event with this eventID is in the ledger already',
        {
          eventIDs: events.map((e) => e.eventID),
        },
      );
    }
    throw error;
  }
  const root = frontier.root();
  await records.writeTreeHead(tx, frontier.snapshot(), root, recordTime);
  return { from: head.size, size: frontier.size, rootHash: toBase64(root) };
}
