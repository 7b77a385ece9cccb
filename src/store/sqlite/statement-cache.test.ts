import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keptStatement, keptStatements } from './statement-cache.ts';

describe('keptStatements', () => {
  const open = () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.exec('create table t (n integer); insert into t values (1), (2), (3)');
    return sqlite;
  };

  it('prepares each SQL text once and answers with the kept statement', () => {
    const database = keptStatements(open());
    const first = database.prepare('select n from t order by n');
    expect(database.prepare('select n from t order by n')).toBe(first);
    expect(first.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(database.prepare('select n from t where n > ?').all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    database.close();
  });

  it('gives a fresh statement while the kept one is still being read', () => {
    const database = keptStatements(open());
    const streaming = database.prepare('select n from t order by n');
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const other = database.prepare('select n from t order by n');
    expect(other).not.toBe(streaming);
    expect(other.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    database.close();
  });

  it('keeps one set per connection for Kysely and the direct reads alike', () => {
    const sqlite = open();
    const database = keptStatements(sqlite);
    const direct = keptStatement(sqlite, 'select n from t where n = ?');
    expect(database.prepare('select n from t where n = ?')).toBe(direct);
    expect(keptStatement(sqlite, 'select n from t where n = ?')).toBe(direct);
    expect(keptStatement(open(), 'select n from t where n = ?')).not.toBe(direct);
    database.close();
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const database = keptStatements(open(), 2);
    const a = database.prepare('select 1');
    const b = database.prepare('select 2');
    expect(database.prepare('select 1')).toBe(a); // now b is the least recently used
    database.prepare('select 3');
    expect(database.prepare('select 1')).toBe(a);
    expect(database.prepare('select 2')).not.toBe(b);
    database.close();
  });
});
