import { isTx, type Executor, type Tx } from '../database.ts';
import { directReader } from '../sqlite/version.ts';
import {
  sqliteInsertLedgerRows,
  sqliteLedgerCheckpointNote,
  sqliteLedgerEventId,
  sqliteLedgerHead,
  sqliteLedgerNodeHashes,
} from '../sqlite/ledger.ts';
import type { LedgerEventTable, LedgerNodeTable } from '../tables/ledger.ts';

/** Rows per multi-row insert on PostgreSQL: well under its parameter limit. */
const PG_CHUNK = 1000;

/** A tree node's place: level 0 is a leaf (an event), level k the root of 2^k leaves. */
export type NodePlace = readonly [level: number, index: number];

/**
 * The ledger's hot paths: event rows and tree-node rows written inside the caller's
 * transaction (prepared many-row statements on SQLite, many-row inserts on PostgreSQL), and the
 * reads of a proof (one statement for all its nodes). Everything else about the ledger's rows
 * (tree head, checkpoints, keys, verification reads) goes through Kysely in
 * `src/app/ledger/records.ts`.
 *
 * @example
 * await ledgerRepository(tx).insertRows(eventRows, nodeRows);
 * const [leaf, node] = await ledgerRepository(store).nodeHashes([[0, 41], [3, 4]]);
 */
export function ledgerRepository(ex: Executor) {
  return {
    async insertRows(events: readonly LedgerEventTable[], nodes: readonly LedgerNodeTable[]): Promise<void> {
      if (ex.native.dialect === 'sqlite') {
        sqliteInsertLedgerRows(ex.native.sqlite, events, nodes);
        return;
      }
      const { db } = ex as Tx;
      for (let i = 0; i < events.length; i += PG_CHUNK) {
        await db
          .insertInto('ledger_events')
          .values(events.slice(i, i + PG_CHUNK))
          .execute();
      }
      for (let i = 0; i < nodes.length; i += PG_CHUNK * 3) {
        await db
          .insertInto('ledger_nodes')
          .values(nodes.slice(i, i + PG_CHUNK * 3))
          .execute();
      }
    },

    /** Hex hashes of the nodes asked for, in order; null where a node is not stored. */
    async nodeHashes(places: readonly NodePlace[]): Promise<(string | null)[]> {
      const sqlite = directReader(ex.native, isTx(ex));
      if (sqlite !== undefined) return sqliteLedgerNodeHashes(sqlite, places);
      const found = new Map<string, string>();
      const leaves = places.filter(([level]) => level === 0).map(([, index]) => index);
      const higher = places.filter(([level]) => level > 0);
      // At most two queries, whatever the proof's length: one for leaves, one for higher levels.
      if (leaves.length > 0) {
        const rows = await ex.db
          .selectFrom('ledger_events')
          .select(['idx', 'leaf_hash'])
          .where('idx', 'in', leaves)
          .execute();
        for (const r of rows) found.set(`0/${Number(r.idx)}`, r.leaf_hash);
      }
      if (higher.length > 0) {
        const rows = await ex.db
          .selectFrom('ledger_nodes')
          .select(['level', 'idx', 'hash'])
          .where((eb) =>
            eb.or(higher.map(([level, index]) => eb.and([eb('level', '=', level), eb('idx', '=', index)]))),
          )
          .execute();
        for (const r of rows) found.set(`${r.level}/${Number(r.idx)}`, r.hash);
      }
      return places.map(([level, index]) => found.get(`${level}/${index}`) ?? null);
    },

    /** The eventID stored at `index`, if any. */
    async eventIdAt(index: number): Promise<string | undefined> {
      const sqlite = directReader(ex.native, isTx(ex));
      if (sqlite !== undefined) return sqliteLedgerEventId(sqlite, index);
      const row = await ex.db
        .selectFrom('ledger_events')
        .select('event_id')
        .where('idx', '=', index)
        .executeTakeFirst();
      return row?.event_id;
    },

    /** The tree head's size and root (hex), or undefined before the first event. */
    async head(): Promise<{ size: number; rootHex: string } | undefined> {
      const sqlite = directReader(ex.native, isTx(ex));
      if (sqlite !== undefined) return sqliteLedgerHead(sqlite);
      const row = await ex.db
        .selectFrom('ledger_tree_head')
        .select(['size', 'root_hash'])
        .where('id', '=', 1)
        .executeTakeFirst();
      return row === undefined ? undefined : { size: Number(row.size), rootHex: row.root_hash };
    },

    /** The signed note of the checkpoint of exactly `size` events, if one was signed. */
    async checkpointNote(size: number): Promise<string | undefined> {
      const sqlite = directReader(ex.native, isTx(ex));
      if (sqlite !== undefined) return sqliteLedgerCheckpointNote(sqlite, size);
      const row = await ex.db
        .selectFrom('ledger_checkpoints')
        .select('note')
        .where('size', '=', size)
        .executeTakeFirst();
      return row?.note;
    },
  };
}
