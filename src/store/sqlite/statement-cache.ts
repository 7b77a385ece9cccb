import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept per connection: the app's queries have a few hundred distinct texts at most. */
const CAPACITY = 256;

interface Kept {
  readonly capacity: number;
  /** By SQL text, the most recently used last: the first is the one to drop. */
  readonly statements: Map<string, BetterSqlite3.Statement>;
}

const byConnection = new WeakMap<BetterSqlite3.Database, Kept>();

function keptOf(sqlite: BetterSqlite3.Database, capacity = CAPACITY): Kept {
  let kept = byConnection.get(sqlite);
  if (kept === undefined) {
    kept = { capacity, statements: new Map() };
    byConnection.set(sqlite, kept);
  }
  return kept;
}

/**
 * The statement for `sql` on this connection, prepared on first use and kept with the connection
 * (the least recently used dropped past 256): for queries run again and again, where compiling
 * the same SQL each time would cost more than SQLite's own work. A kept statement still busy
 * with a streamed read is not shared: that call gets a fresh one. Kysely's statements
 * (`keptStatements`) and the direct reads share the one set per connection.
 *
 * @example
 * const rows = keptStatement(sqlite, 'select * from lots order by lot_number limit ?').all(21);
 */
export function keptStatement(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  const { capacity, statements } = keptOf(sqlite);
  const statement = statements.get(sql);
  if (statement !== undefined) {
    if (statement.busy) return sqlite.prepare(sql);
    statements.delete(sql);
    statements.set(sql, statement);
    return statement;
  }
  const fresh = sqlite.prepare(sql);
  statements.set(sql, fresh);
  if (statements.size > capacity) {
    const oldest = statements.keys().next();
    if (oldest.done !== true) statements.delete(oldest.value);
  }
  return fresh;
}

/**
 * The connection as Kysely's SQLite driver sees it, each statement through `keptStatement`. The
 * driver prepares every query it runs; compiling the same SQL again each time was about a
 * thirtieth of a line-event batch's time in the CPU profile.
 *
 * @example
 * new SqliteDialect({ database: keptStatements(new BetterSqlite3('records.db')) });
 */
export function keptStatements(sqlite: BetterSqlite3.Database, capacity = CAPACITY): SqliteDatabase {
  keptOf(sqlite, capacity);
  return {
    close: () => {
      byConnection.delete(sqlite);
      sqlite.close();
    },
    prepare: (sql: string): SqliteStatement => keptStatement(sqlite, sql),
  };
}
