import { HS_BIZ_STEP } from '../../ledger/event.ts';
import { parseLotClassUri } from '../../ledger/identifiers.ts';
import type { StoredEntry } from '../../ledger/entry.ts';
import type { Executor } from '../../store/database.ts';
import { ledgerRecords } from '../ledger/records.ts';
import type { LedgerEvent, LotEvent } from './events.ts';

/** At most this many new entries are read per look; a larger jump reports the head only. */
const maxEntriesPerLook = 2000;

/**
 * What the ledger gained since `seenSize`: its head, and the lots made, released or rejected in the new
 * entries (the custody events are the one place every such act is written, by whichever process). The
 * first look (`seenSize` undefined) reports the head only.
 *
 * @example
 * const news = await ledgerNewsSince(store, 120); // { head: { type: 'ledger', size: 131, … }, lots: [...] }
 */
export async function ledgerNewsSince(
  ex: Executor,
  seenSize: number | undefined,
): Promise<{ readonly head: LedgerEvent; readonly lots: readonly LotEvent[] }> {
  const records = ledgerRecords(ex);
  const head = await records.treeHead();
  const event: LedgerEvent = {
    type: 'ledger',
    size: head.size,
    rootHash: Buffer.from(head.rootHash).toString('hex'),
  };
  if (seenSize === undefined || head.size <= seenSize) return { head: event, lots: [] };
  const from = Math.max(seenSize, head.size - maxEntriesPerLook);
  const lots = (await records.entries(from, head.size)).flatMap(lotNewsOf);
  return { head: event, lots };
}

interface EntryBody {
  readonly eventTime?: string;
  readonly bizStep?: string;
  readonly quantityList?: readonly { readonly epcClass?: string; readonly quantity?: number }[];
  readonly ilmd?: Readonly<Record<string, unknown>>;
}

/** A lot's custody entry as news: commissioning (made), releasing, rejecting; anything else is not. */
export function lotNewsOf(entry: StoredEntry): LotEvent[] {
  const step = entry.bizStep;
  const status =
    step === 'commissioning'
      ? 'made'
      : step === HS_BIZ_STEP.releasing
        ? 'released'
        : step === HS_BIZ_STEP.rejecting
          ? 'rejected'
          : undefined;
  if (status === undefined) return [];
  let body: EntryBody;
  try {
    body = JSON.parse(entry.text) as EntryBody;
  } catch {
    return [];
  }
  const item = body.quantityList?.[0];
  const lot = item?.epcClass === undefined ? undefined : parseLotClassUri(item.epcClass);
  if (lot === undefined) return [];
  const line = body.ilmd?.['hs:line'];
  return [
    {
      type: 'lot',
      lotNumber: lot.lot,
      status,
      lineId: typeof line === 'string' ? line : null,
      productId: lot.product,
      quantity: typeof item?.quantity === 'number' ? item.quantity : 0,
      at: body.eventTime ?? entry.eventTime ?? '',
    },
  ];
}
