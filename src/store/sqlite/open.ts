import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../database.ts';
import type { Database } from '../schema.ts';
import { keptStatements } from './statement-cache.ts';

/**
 * Opens (creating if needed) the SQLite records at `path` (`:memory:` for a throw-away
 * database). WAL with synchronous=FULL: every commit is durable when it returns.
 *
 * @example
 * const store = openSqlite('./data/headstamp.db');
 */
export function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  applyPragmas(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keptStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    native: { dialect: 'sqlite', sqlite },
    location: path,
    close: async () => {
      await db.destroy();
      // Kysely closes the connection only if it ever ran a query; native-only use (a backup) did not.
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * The connection settings of the records: WAL with synchronous=FULL (every commit durable when
 * it returns), foreign keys on, a wait for the write lock. Benchmarks give their raw baselines
 * the same, so that a comparison is of the code alone.
 *
 * @example
 * applyPragmas(new BetterSqlite3('raw.db'));
 */
export function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Two commands on the same records wait for each other rather than fail.
  sqlite.pragma('busy_timeout = 5000');
}
