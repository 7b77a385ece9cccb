import type BetterSqlite3 from 'better-sqlite3';

const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The statement for `text` on this connection, prepared on first use and kept with the connection:
 * for read paths run on every request, where preparing (or building through Kysely) each time
 * would cost more than SQLite's own work.
 *
 * @example
 * const rows = prepared(sqlite, 'select * from lots order by lot_number limit ?').all(21);
 */
export function prepared(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let byText = cache.get(sqlite);
  if (byText === undefined) {
    byText = new Map();
    cache.set(sqlite, byText);
  }
  let s = byText.get(text);
  if (s === undefined) {
    s = sqlite.prepare(text);
    byText.set(text, s);
  }
  return s;
}
