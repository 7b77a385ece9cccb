import type { Tx } from '../database.ts';
import { sqliteInsertLedgerRows } from '../sqlite/ledger.ts';
import type { LedgerEventTable, LedgerNodeTable } from '../tables/ledger.ts';

/** Rows per multi-row insert on PostgreSQL: well under its parameter limit. */
const PG_CHUNK = 1000;

/**
 * The ledger's append hot path: event rows and tree-node rows written inside the caller's
 * transaction, with prepared many-row statements on SQLite and many-row inserts on PostgreSQL.
 * Everything else about the ledger's rows (reads, tree head, checkpoints, keys) goes through
 * Kysely in `src/app/ledger/records.ts`.
 *
 * @example
 * await ledgerRepository(tx).insertRows(eventRows, nodeRows);
 */
export function ledgerRepository(tx: Tx) {
  return {
    async insertRows(events: readonly LedgerEventTable[], nodes: readonly LedgerNodeTable[]): Promise<void> {
      if (tx.native.dialect === 'sqlite') {
        sqliteInsertLedgerRows(tx.native.sqlite, events, nodes);
        return;
      }
      for (let i = 0; i < events.length; i += PG_CHUNK) {
        await tx.db
          .insertInto('ledger_events')
          .values(events.slice(i, i + PG_CHUNK))
          .execute();
      }
      for (let i = 0; i < nodes.length; i += PG_CHUNK * 3) {
        await tx.db
          .insertInto('ledger_nodes')
          .values(nodes.slice(i, i + PG_CHUNK * 3))
          .execute();
      }
    },
  };
}
