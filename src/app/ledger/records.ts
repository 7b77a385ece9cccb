import { ConflictError } from '../../domain/errors.ts';
import type { Executor, Tx } from '../../store/database.ts';
import { ledgerRepository } from '../../store/repositories/ledger.ts';
import type { LedgerEventTable, LedgerNodeTable } from '../../store/tables/ledger.ts';
import type { StoredEntry } from '../../ledger/entry.ts';
import {
  Frontier,
  type FrontierSnapshot,
  type NodeKey,
  type TreeNode,
} from '../../ledger/merkle/frontier.ts';
import { toHex, type Hash } from '../../ledger/merkle/hash.ts';
import type { NodeReader } from '../../ledger/merkle/proof.ts';

const hex = toHex;
// A stored hash is 64 hex digits; a hand-edited cell may hold anything (SQLite keeps a blob in a
// text column), and what is not 64 hex digits reads as an empty hash, which matches nothing. The
// worker threads' reader (`ledger-range-source.ts`) reads hashes by the same rule.
const unhex = (text: unknown): Hash =>
  typeof text === 'string' && text.length === 64
    ? new Uint8Array(Buffer.from(text, 'hex'))
    : new Uint8Array(0);

/** The row that stores an entry (the append's, and the benchmarks' that write a log directly). */
export function eventRowOf(e: StoredEntry): LedgerEventTable {
  return {
    idx: e.index,
    event_id: e.eventId,
    declares_error: e.declaresError === true ? 1 : 0,
    event_type: e.eventType ?? '',
    biz_step: e.bizStep ?? null,
    event_time: e.eventTime ?? '',
    record_time: e.recordTime ?? '',
    body: e.text,
    leaf_hash: hex(e.leafHash),
  };
}

/** The row that stores a completed tree node. */
export function nodeRowOf(n: TreeNode): LedgerNodeTable {
  return { level: n.level, idx: n.index, hash: hex(n.hash) };
}

/** The stored tree head, or an empty tree before the first event. */
export interface TreeHeadRecord {
  readonly size: number;
  readonly rootHash: Hash;
  readonly frontier: Frontier;
  readonly updatedAt: string | null;
}

/** One signed checkpoint as stored. */
export interface CheckpointRecord {
  readonly size: number;
  readonly rootHash: string;
  readonly note: string;
  readonly keyId: string;
  readonly signedAt: string;
  readonly actor: string;
}

/** A signing key's public half as stored. */
export interface KeyRecord {
  readonly keyId: string;
  readonly name: string;
  readonly verifierKey: string;
  readonly commissionedAt: string;
  readonly retiredAt: string | null;
}

type EventRow = {
  idx: number | string;
  event_id: string;
  declares_error: number;
  event_type: string;
  biz_step: string | null;
  event_time: string;
  record_time: string;
  body: string;
  leaf_hash: string;
};

/** A stored row as the verifier sees it: every column, to be checked against the body. */
export function entryOfRow(row: EventRow): StoredEntry {
  return {
    index: Number(row.idx),
    eventId: row.event_id,
    text: row.body,
    leafHash: unhex(row.leaf_hash),
    eventType: row.event_type,
    eventTime: row.event_time,
    recordTime: row.record_time,
    bizStep: row.biz_step,
    declaresError: row.declares_error === 1,
  };
}

/**
 * The ledger's rows: events, tree nodes, tree head, checkpoints and keys. Reads take any
 * executor; writes take a transaction.
 *
 * @example
 * const head = await ledgerRecords(tx).treeHead();
 */
export function ledgerRecords(ex: Executor) {
  const { db } = ex;
  async function* entriesFrom(
    from: number,
    page = 5000,
    until = Number.MAX_SAFE_INTEGER,
  ): AsyncGenerator<StoredEntry> {
    let after = from - 1;
    for (;;) {
      const rows = await db
        .selectFrom('ledger_events')
        .selectAll()
        .where('idx', '>', after)
        .where('idx', '<', until)
        .orderBy('idx')
        .limit(page)
        .execute();
      for (const row of rows) yield entryOfRow(row);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < page) return;
      after = Number(last.idx);
    }
  }
  return {
    async treeHead(options: { forUpdate?: boolean } = {}): Promise<TreeHeadRecord> {
      let query = db.selectFrom('ledger_tree_head').selectAll().where('id', '=', 1);
      // Concurrent appenders on PostgreSQL queue here; SQLite's write lock already serialises them.
      if (options.forUpdate === true && ex.dialect === 'postgres') query = query.forUpdate();
      const row = await query.executeTakeFirst();
      if (row === undefined) {
        const frontier = Frontier.empty();
        return { size: 0, rootHash: frontier.root(), frontier, updatedAt: null };
      }
      const frontier = Frontier.restore({
        size: Number(row.size),
        nodes: JSON.parse(row.frontier) as string[],
      });
      return { size: Number(row.size), rootHash: unhex(row.root_hash), frontier, updatedAt: row.updated_at };
    },

    async writeTreeHead(_tx: Tx, frontier: FrontierSnapshot, rootHash: Hash, at: string): Promise<void> {
      const row = {
        size: frontier.size,
        root_hash: hex(rootHash),
        frontier: JSON.stringify(frontier.nodes),
        updated_at: at,
      };
      await db
        .insertInto('ledger_tree_head')
        .values({ id: 1, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    },

    /** Writes new entries and the tree nodes they completed (the append hot path). */
    async insertEntries(tx: Tx, entries: readonly StoredEntry[], nodes: readonly TreeNode[]): Promise<void> {
      await ledgerRepository(tx).insertRows(entries.map(eventRowOf), nodes.map(nodeRowOf));
    },

    /** Entries with index in [from, to), in index order. */
    async entries(from: number, to: number): Promise<StoredEntry[]> {
      const rows = await db
        .selectFrom('ledger_events')
        .selectAll()
        .where('idx', '>=', from)
        .where('idx', '<', to)
        .orderBy('idx')
        .execute();
      return rows.map(entryOfRow);
    },

    /** Every entry in index order (below `until`, when given), read in pages. */
    allEntries(page = 5000, until?: number): AsyncGenerator<StoredEntry> {
      return entriesFrom(0, page, until);
    },

    /** The entries from index `from` on (below `until`, when given), in index order, read in pages. */
    entriesFrom,

    /** Highest stored index + 1 (0 when empty): how far a verification must read. */
    async storedSize(): Promise<number> {
      const row = await db
        .selectFrom('ledger_events')
        .select((eb) => eb.fn.max('idx').as('last'))
        .executeTakeFirst();
      return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
    },

    /** Number of stored events (highest index + 1 when nothing is missing). */
    async count(): Promise<number> {
      const row = await db
        .selectFrom('ledger_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async insertCheckpoint(_tx: Tx, record: CheckpointRecord): Promise<void> {
      await db
        .insertInto('ledger_checkpoints')
        .values({
          size: record.size,
          root_hash: record.rootHash,
          note: record.note,
          key_id: record.keyId,
          signed_at: record.signedAt,
          actor: record.actor,
        })
        .onConflict((oc) => oc.column('size').doNothing())
        .execute();
    },

    /** The stored checkpoint of exactly `size` events, if one was signed. */
    async checkpointOfSize(size: number): Promise<CheckpointRecord | undefined> {
      const r = await db
        .selectFrom('ledger_checkpoints')
        .selectAll()
        .where('size', '=', size)
        .executeTakeFirst();
      return r === undefined
        ? undefined
        : {
            size: Number(r.size),
            rootHash: r.root_hash,
            note: r.note,
            keyId: r.key_id,
            signedAt: r.signed_at,
            actor: r.actor,
          };
    },

    async checkpoints(): Promise<CheckpointRecord[]> {
      const rows = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('size').execute();
      return rows.map((r) => ({
        size: Number(r.size),
        rootHash: r.root_hash,
        note: r.note,
        keyId: r.key_id,
        signedAt: r.signed_at,
        actor: r.actor,
      }));
    },

    async insertKey(_tx: Tx, key: KeyRecord, actor: string): Promise<void> {
      await db
        .insertInto('ledger_keys')
        .values({
          key_id: key.keyId,
          name: key.name,
          verifier_key: key.verifierKey,
          commissioned_at: key.commissionedAt,
          retired_at: key.retiredAt,
          actor,
        })
        .execute();
    },

    async retireKey(_tx: Tx, keyId: string, at: string): Promise<void> {
      await db.updateTable('ledger_keys').set({ retired_at: at }).where('key_id', '=', keyId).execute();
    },

    async keys(): Promise<KeyRecord[]> {
      const rows = await db.selectFrom('ledger_keys').selectAll().orderBy('commissioned_at').execute();
      return rows.map((r) => ({
        keyId: r.key_id,
        name: r.name,
        verifierKey: r.verifier_key,
        commissionedAt: r.commissioned_at,
        retiredAt: r.retired_at,
      }));
    },
  };
}

/** Stored tree nodes as a `NodeReader` for proofs: level 0 from the events, higher from `ledger_nodes`. */
export function storedNodes(ex: Executor): NodeReader {
  return {
    async nodes(keys: readonly NodeKey[]): Promise<Hash[]> {
      // One statement a proof on SQLite (two on PostgreSQL), whatever its length.
      const hashes = await ledgerRepository(ex).nodeHashes(keys.map((k) => [k.level, k.index] as const));
      return keys.map((key, i) => {
        const hash = hashes[i];
        if (hash === null || hash === undefined) {
          throw new ConflictError(
            'ledger.node_missing',
            `ledger tree node ${key.level}/${key.index} is not stored`,
          );
        }
        return unhex(hash);
      });
    },
  };
}
