import type { CoreTables } from './tables/core.ts';
import type { ProductionTables } from './tables/production.ts';
import type { QualityTables } from './tables/quality.ts';
import type { PackingTables } from './tables/packing.ts';
import type { LedgerTables } from './tables/ledger.ts';
import type { CustodyTables } from './custody/tables.ts';

/**
 * Every table of the records, for Kysely's types. Each area keeps its tables in
 * `src/store/tables/<area>.ts` and is listed here once (add one `extends` entry).
 *
 * @example
 * const lots = await db.selectFrom('lots').select(['id', 'lot_number']).execute();
 */
export interface Database
  extends CoreTables, ProductionTables, QualityTables, PackingTables, LedgerTables, CustodyTables {}
