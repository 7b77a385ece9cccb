import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas } from './open.ts';
import { directReader, sqliteRecordsVersion } from './version.ts';

describe('sqliteRecordsVersion', () => {
  let dir: string;
  let ours: BetterSqlite3.Database;
  let theirs: BetterSqlite3.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'headstamp-version-'));
    ours = new BetterSqlite3(join(dir, 'records.db'));
    applyPragmas(ours);
    ours.exec('create table t (x integer)');
    theirs = new BetterSqlite3(join(dir, 'records.db'));
    applyPragmas(theirs);
  });
  afterEach(() => {
    ours.close();
    theirs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stays while nothing is written and moves with every write of this connection', () => {
    const first = sqliteRecordsVersion(ours);
    expect(sqliteRecordsVersion(ours)).toBe(first);
    ours.exec('insert into t values (1)');
    const second = sqliteRecordsVersion(ours);
    expect(second).not.toBe(first);
    ours.exec('update t set x = 2');
    expect(sqliteRecordsVersion(ours)).not.toBe(second);
  });

  it('moves when another connection (another process) commits', () => {
    const before = sqliteRecordsVersion(ours);
    theirs.exec('insert into t values (1)');
    expect(sqliteRecordsVersion(ours)).not.toBe(before);
  });

  it('is unknown while a transaction is open, and moves even when it rolls back', () => {
    const before = sqliteRecordsVersion(ours);
    ours.exec('begin immediate');
    ours.exec('insert into t values (1)');
    expect(sqliteRecordsVersion(ours)).toBeUndefined();
    ours.exec('rollback');
    const after = sqliteRecordsVersion(ours);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });
});

describe('directReader', () => {
  it('reads directly unless another flow has a transaction open on the connection', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const native = { dialect: 'sqlite' as const, sqlite };
    expect(directReader(native, false)).toBe(sqlite);
    sqlite.exec('begin');
    expect(directReader(native, false)).toBeUndefined();
    expect(directReader(native, true)).toBe(sqlite);
    sqlite.exec('rollback');
    expect(directReader({ dialect: 'postgres' }, false)).toBeUndefined();
    sqlite.close();
  });
});
