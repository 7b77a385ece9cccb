import type { Actor as LedgerActor, CustodyEvent } from '../ledger/event.ts';
import type { Tx } from '../store/database.ts';
import type { Actor } from './actor.ts';
import { appendCustodyEvents } from './ledger/append.ts';

/**
 * Appends custody events to the ledger inside the writer's transaction, so that a change of
 * quantity, place or custody and its ledger event commit together or not at all. Every use
 * case of ours that changes quantity, place or custody calls this.
 *
 * @example
 * await appendCustody(tx, [lotCommissioned({ eventID, eventTime, actor: custodyActor(actor) }, act)]);
 */
export async function appendCustody(tx: Tx, events: readonly CustodyEvent[]): Promise<void> {
  if (events.length === 0) return;
  await appendCustodyEvents(tx, events);
}

/**
 * The actor as the ledger names it: kind, id and role only (no internal user id).
 *
 * @example
 * custodyActor(actor); // { kind: 'user', id: 'ana', role: 'logistics' }
 */
export function custodyActor(actor: Actor): LedgerActor {
  return { kind: actor.kind, id: actor.id, role: actor.role };
}
