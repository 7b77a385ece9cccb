import type BetterSqlite3 from 'better-sqlite3';
import { keptStatement } from './statement-cache.ts';

const VERSION = 'select total_changes() as changes, data_version as version from pragma_data_version';

/**
 * The version of the records as this connection sees them: the rows it has changed itself
 * (`total_changes()`, rolled-back ones included, which only makes the version change more often)
 * and the commits of every other connection (`PRAGMA data_version`). Equal versions mean equal
 * records. Undefined while a transaction is open on the connection: what it reads then may
 * include writes not yet committed.
 *
 * @example
 * const before = sqliteRecordsVersion(sqlite); // '12:3'
 */
export function sqliteRecordsVersion(sqlite: BetterSqlite3.Database): string | undefined {
  if (sqlite.inTransaction) return undefined;
  const row = keptStatement(sqlite, VERSION).get() as { changes: number; version: number } | undefined;
  return row === undefined ? undefined : `${row.changes}:${row.version}`;
}

/**
 * The connection to read on directly, bypassing Kysely, if that reads only committed records (or
 * the caller's own transaction). Kysely queues a read behind a transaction another request has
 * open on the one connection; a direct read would not wait and could see its uncommitted rows,
 * so then the caller takes the Kysely path.
 *
 * @example
 * const sqlite = directReader(ex, isTx(ex));
 * if (sqlite !== undefined) return sqliteLotPage(sqlite, q);
 */
export function directReader(
  native:
    | { readonly dialect: 'sqlite'; readonly sqlite: BetterSqlite3.Database }
    | { readonly dialect: 'postgres' },
  inOwnTransaction: boolean,
): BetterSqlite3.Database | undefined {
  if (native.dialect !== 'sqlite') return undefined;
  return inOwnTransaction || !native.sqlite.inTransaction ? native.sqlite : undefined;
}
