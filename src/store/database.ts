import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from './schema.ts';
import { sqliteRecordsVersion } from './sqlite/version.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * What repositories run their queries on: the records themselves (reads) or an open
 * transaction (writes). `native` gives the backend's own handle for the few hot paths that
 * Kysely's per-query compilation would slow down (line-event ingest); only code under
 * `src/store/sqlite/` and `src/store/postgres/` may use it.
 */
export interface Executor {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly native: NativeHandle;
}

export type NativeHandle =
  | { readonly dialect: 'sqlite'; readonly sqlite: BetterSqlite3.Database }
  | { readonly dialect: 'postgres'; readonly pool: Pool; readonly schema: string };

/** The records, opened. Close it when done. */
export interface Store extends Executor {
  /** Where the records are: a file path, or a postgres URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

const txBrand: unique symbol = Symbol('tx');

/**
 * An open transaction. Only `withTransaction` (src/app/transaction.ts) makes one; repository
 * methods that write take a `Tx`, so a write outside a transaction does not type-check.
 */
export interface Tx extends Executor {
  readonly [txBrand]: true;
}

/** True if `executor` is an open transaction (so its reads see its own writes). */
export function isTx(executor: Executor): executor is Tx {
  return txBrand in executor;
}

/**
 * The records' version: equal versions mean equal records. Undefined where it cannot be known
 * cheaply (PostgreSQL, where other processes write unseen) or while a transaction is open on the
 * connection. What read caches are checked against.
 *
 * @example
 * const v = recordsVersion(store); // '12:3' on SQLite
 */
export function recordsVersion(store: Executor): string | undefined {
  switch (store.native.dialect) {
    case 'sqlite':
      return sqliteRecordsVersion(store.native.sqlite);
    case 'postgres':
      return undefined;
  }
}

/** Wraps a transaction's executor as a `Tx`. For `withTransaction` only. */
export function asTx(executor: Executor): Tx {
  return { ...executor, [txBrand]: true };
}
