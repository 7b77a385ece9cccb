import type { Migration } from 'kysely';
import * as initial from './2026-11-22T0700-initial.ts';
import * as credentials from './2026-11-22T0710-credentials.ts';
import * as qualityPacking from './2026-11-22T0730-quality-packing.ts';
import * as ledger from './2026-11-22T0800-ledger.ts';
import * as linePresence from './2026-11-22T0900-line-presence.ts';
import * as custody from './2026-11-22T0930-custody.ts';
import * as commissioning from './2026-11-22T0940-commissioning.ts';
import * as shipmentLots from './2026-12-06T0000-shipment-lots.ts';
import * as destroyedCrates from './2026-12-06T0010-destroyed-crates.ts';
import * as listReadIndexes from './2026-12-06T0030-list-read-indexes.ts';
import * as lineEventReceipts from './2026-12-06T0900-line-event-receipts.ts';

/**
 * Every migration, by name; names sort in the order they apply (a timestamp first). Add one
 * import and one entry per new file.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-22T0700-initial': initial,
  '2026-11-22T0710-credentials': credentials,
  '2026-11-22T0730-quality-packing': qualityPacking,
  '2026-11-22T0800-ledger': ledger,
  '2026-11-22T0900-line-presence': linePresence,
  '2026-11-22T0930-custody': custody,
  '2026-11-22T0940-commissioning': commissioning,
  '2026-12-06T0000-shipment-lots': shipmentLots,
  '2026-12-06T0010-destroyed-crates': destroyedCrates,
  '2026-12-06T0030-list-read-indexes': listReadIndexes,
  '2026-12-06T0900-line-event-receipts': lineEventReceipts,
};
