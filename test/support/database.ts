import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Dialect, Store } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { openPostgres, quoteIdent } from '../../src/store/postgres/open.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';

/** A fresh, migrated database for one test file; `close()` drops it. */
export interface TestDatabase {
  readonly store: Store;
  readonly dialect: Dialect;
  /** Empties every table (the schema stays): cheaper than a new database between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The dialect this test run is for (HEADSTAMP_TEST_DIALECT, default sqlite). */
export function testDialect(): Dialect {
  return process.env['HEADSTAMP_TEST_DIALECT'] === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * Opens a fresh migrated database for the dialect in HEADSTAMP_TEST_DIALECT: SQLite in memory,
 * or a new PostgreSQL schema (in HEADSTAMP_TEST_PG_URL, default the local `test` database)
 * that `close()` drops.
 *
 * @example
 * let t: TestDatabase;
 * beforeAll(async () => { t = await openTestDatabase(); });
 * afterAll(() => t.close());
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const dialect = testDialect();
  if (dialect === 'sqlite') {
    const store = openSqlite(':memory:');
    await migrateToLatest(store);
    return { store, dialect, reset: () => emptyTables(store), close: () => store.close() };
  }
  const url = process.env['HEADSTAMP_TEST_PG_URL'] ?? DEFAULT_PG_URL;
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await adminQuery(url, `create schema ${quoteIdent(schema)}`);
  const store = openPostgres(url, schema);
  await migrateToLatest(store);
  return {
    store,
    dialect,
    reset: () => emptyTables(store),
    close: async () => {
      await store.close();
      await adminQuery(url, `drop schema ${quoteIdent(schema)} cascade`);
    },
  };
}

// Some tables refuse deletes by trigger (the ledger is append-only); emptying a test database
// between tests sets those triggers aside for the moment it takes.
async function emptyTables(store: Store): Promise<void> {
  // Introspection lists every schema of the database; other test runs and benchmarks have theirs.
  const own = store.native.dialect === 'postgres' ? store.native.schema : undefined;
  const tables = (await store.db.introspection.getTables())
    .filter((t) => own === undefined || t.schema === own)
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_'));
  if (store.native.dialect === 'postgres') {
    await store.db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      try {
        // Delete, not truncate: far cheaper on tables this small; with triggers set aside, foreign
        // keys (triggers in PostgreSQL) do not care about the order either.
        for (const name of tables) await sql.raw(`delete from ${quoteIdent(name)}`).execute(conn);
      } finally {
        await sql`set session_replication_role = default`.execute(conn);
      }
    });
    return;
  }
  const { sqlite } = store.native;
  const triggers = sqlite.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as {
    name: string;
    sql: string;
  }[];
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const t of triggers) sqlite.exec(`drop trigger ${quoteIdent(t.name)}`);
      for (const name of tables) sqlite.prepare(`delete from ${quoteIdent(name)}`).run();
      for (const t of triggers) sqlite.exec(t.sql);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
