import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialect, type TestDatabase } from '../../../test/support/database.ts';
import { ManualClock, SequentialIds } from '../../domain/clock.ts';
import { plantEvents } from '../../ledger/fixtures/plant-events.ts';
import type { Store } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { openSqlite } from '../../store/sqlite/open.ts';
import type { Actor } from '../actor.ts';
import { withTransaction } from '../transaction.ts';
import { appendCustodyEvents } from './append.ts';
import { backupRecords, restoreRecords } from './backup.ts';
import { signLedgerCheckpoint } from './checkpoint.ts';
import { ledgerRecords } from './records.ts';
import { verifyLedger, verifyLedgerRecords } from './verify.ts';

// Whole-log verification on worker threads (SQLite files), verification from the last
// checkpoint, and backup and restore. The restore and the threads need files; PostgreSQL runs
// the same verifications on its own records, and is refused backup and restore with advice.

const admin: Actor = { kind: 'user', id: 'olga', role: 'admin', userId: 'user-1', consigneeId: null };
const at = new Date('2026-11-22T08:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'headstamp-ledger-restore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sqliteOnly = testDialect() === 'sqlite';
const events = plantEvents(300, 21);
let files = 0;

async function fill(store: Store, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 100) {
    await withTransaction(store, (tx) =>
      appendCustodyEvents(tx, events.slice(i, Math.min(to, i + 100)), { recordTime: at }),
    );
  }
}

const context = (store: Store) => ({ store, clock: new ManualClock(at), ids: new SequentialIds() });

/** A SQLite records file with 300 events and a checkpoint at 200, settled into one file. */
async function recordsFile(): Promise<string> {
  files += 1;
  const file = join(dir, `records-${files}.db`);
  const store = openSqlite(file);
  await migrateToLatest(store);
  await fill(store, 0, 200);
  await signLedgerCheckpoint(context(store), admin, { keyFile: join(dir, `key-${files}.key`) });
  await fill(store, 200, 300);
  await store.close();
  return file;
}

/** What an intruder with write access to the file does: guards dropped, one statement run. */
function tamperFile(file: string, statements: string[]): void {
  const sqlite = new BetterSqlite3(file);
  sqlite.exec(
    'drop trigger if exists ledger_events_no_update; drop trigger if exists ledger_events_no_delete',
  );
  for (const statement of statements) sqlite.exec(statement);
  sqlite.close();
}

type Damage =
  | { kind: 'byte'; index: number; at: number }
  | { kind: 'hash'; index: number; to: 'short' | 'not-hex' | 'bytes' | 'neighbour' }
  | { kind: 'delete'; index: number }
  | { kind: 'swap'; index: number; other: number };

function statementsFor(damage: Damage): string[] {
  switch (damage.kind) {
    case 'byte':
      // One character of the stored text replaced by another ('#' is in no event's text).
      return [
        `update ledger_events set body = substr(body, 1, ${damage.at}) || '#' || substr(body, ${damage.at + 2}) where idx = ${damage.index}`,
      ];
    case 'hash': {
      // The stored leaf hash made one digit short, not hex, its own 32 bytes as a blob instead of
      // hex text, or the next event's.
      const to = {
        short: 'substr(leaf_hash, 2)',
        'not-hex': "'zz' || substr(leaf_hash, 3)",
        bytes: 'unhex(leaf_hash)',
        neighbour: `(select leaf_hash from ledger_events where idx = ${damage.index + 1})`,
      }[damage.to];
      return [`update ledger_events set leaf_hash = ${to} where idx = ${damage.index}`];
    }
    case 'delete':
      return [`delete from ledger_events where idx = ${damage.index}`];
    case 'swap':
      return [
        `update ledger_events set idx = 1000000 where idx = ${damage.index}`,
        `update ledger_events set idx = ${damage.index} where idx = ${damage.other}`,
        `update ledger_events set idx = ${damage.other} where idx = 1000000`,
      ];
  }
}

describe.runIf(sqliteOnly)('whole-log verification on worker threads (SQLite file)', () => {
  it('names the same first problem as the one-thread verification (property)', async () => {
    const base = await recordsFile();
    const damage: fc.Arbitrary<Damage> = fc.oneof(
      fc.record({ kind: fc.constant('byte' as const), index: fc.nat(299), at: fc.nat(300) }),
      fc.record({ kind: fc.constant('delete' as const), index: fc.nat(299) }),
      fc.record({
        kind: fc.constant('hash' as const),
        index: fc.nat(298),
        to: fc.constantFrom('short' as const, 'not-hex' as const, 'bytes' as const, 'neighbour' as const),
      }),
      fc
        .record({ kind: fc.constant('swap' as const), index: fc.nat(298), other: fc.nat(299) })
        .filter((d) => d.index !== d.other),
    );
    // Both depths: the worker threads read fewer columns for `hashes`.
    const depth = fc.constantFrom('full' as const, 'hashes' as const);
    await fc.assert(
      fc.asyncProperty(damage, depth, async (d, depth) => {
        files += 1;
        const file = join(dir, `damaged-${files}.db`);
        copyFileSync(base, file);
        tamperFile(file, statementsFor(d));
        const store = openSqlite(file);
        try {
          const serial = await verifyLedgerRecords(store, { threads: 1, depth });
          const parallel = await verifyLedgerRecords(store, {
            threads: 2,
            parallelFrom: 0,
            blockLevel: 5,
            depth,
          });
          expect(parallel.threads).toBe(2);
          expect(serial.threads).toBe(1);
          expect(serial.ok).toBe(false);
          expect(parallel.problem).toEqual(serial.problem);
          expect(parallel.ok).toBe(serial.ok);
          // The damage is found where it was done (a swap: at the lower of the two places).
          const first = d.kind === 'swap' ? Math.min(d.index, d.other) : d.index;
          expect(serial.problem?.index).toBeLessThanOrEqual(first);
        } finally {
          await store.close();
          rmSync(file, { force: true });
        }
      }),
      {
        seed: 9162,
        numRuns: 16,
        // The blob case at both depths, whatever the seed draws.
        examples: [
          [{ kind: 'hash', index: 5, to: 'bytes' }, 'full'],
          [{ kind: 'hash', index: 40, to: 'bytes' }, 'hashes'],
        ],
      },
    );
  }, 180_000);

  it('verifies an intact file on worker threads with the same root as one thread', async () => {
    const file = await recordsFile();
    const store = openSqlite(file);
    try {
      const serial = await verifyLedgerRecords(store, { threads: 1 });
      const parallel = await verifyLedgerRecords(store, { threads: 2, parallelFrom: 0, blockLevel: 6 });
      // 300 events and the signing key's own event.
      expect(serial).toMatchObject({ ok: true, size: 301, checkpointsMatched: 1 });
      expect(parallel).toMatchObject({ ok: true, size: 301, rootHash: serial.rootHash, threads: 2 });
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('verification from the last checkpoint', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase();
  });
  afterEach(async () => {
    await t.close();
  });

  it('reads only the events after it, and catches a change among them', async () => {
    await fill(t.store, 0, 200);
    await signLedgerCheckpoint(context(t.store), admin, { keyFile: join(dir, `since-${t.dialect}.key`) });
    await fill(t.store, 200, 260);
    const size = (await ledgerRecords(t.store).treeHead()).size;
    const since = await verifyLedger(context(t.store), admin, { since: 'checkpoint' });
    const whole = await verifyLedger(context(t.store), admin);
    expect(since).toMatchObject({ ok: true, from: size - 60, size, rootHash: whole.rootHash });

    if (t.dialect === 'postgres') {
      await sql
        .raw('alter table ledger_events disable trigger ledger_events_append_only')
        .execute(t.store.db);
    } else {
      await sql.raw('drop trigger ledger_events_no_update').execute(t.store.db);
    }
    await sql
      .raw(`update ledger_events set event_time = '2026-11-22T09:00:00.000Z' where idx = ${size - 10}`)
      .execute(t.store.db);
    const caught = await verifyLedger(context(t.store), admin, { since: 'checkpoint' });
    expect(caught).toMatchObject({ ok: false, problem: { kind: 'altered', index: size - 10 } });
    expect(caught.problem?.what).toMatch(/column eventTime/);
  });

  it('refuses a stored tree that no longer hashes to the checkpoint', async () => {
    await fill(t.store, 0, 100);
    await signLedgerCheckpoint(context(t.store), admin, { keyFile: join(dir, `nodes-${t.dialect}.key`) });
    if (t.dialect === 'postgres') {
      await sql.raw('alter table ledger_nodes disable trigger ledger_nodes_append_only').execute(t.store.db);
    } else {
      await sql.raw('drop trigger ledger_nodes_no_update').execute(t.store.db);
    }
    await sql.raw(`update ledger_nodes set hash = '${'00'.repeat(32)}' where level = 6`).execute(t.store.db);
    const result = await verifyLedger(context(t.store), admin, { since: 'checkpoint' });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'root_mismatch' } });
    expect(result.problem?.what).toMatch(/stored tree nodes/);
  });
});

describe('backup and restore', () => {
  it.runIf(!sqliteOnly)('refuses PostgreSQL records with the advice to use pg_dump and verify', async () => {
    const t = await openTestDatabase();
    try {
      await expect(backupRecords(t.store, join(dir, 'pg.db'))).rejects.toThrow(/pg_dump/);
      await expect(
        restoreRecords({ target: join(dir, 'pg-target.db'), backup: join(dir, 'none.db'), postgres: true }),
      ).rejects.toThrow(/pg_restore.*headstamp ledger verify/);
    } finally {
      await t.close();
    }
  });

  describe.runIf(sqliteOnly)('SQLite records', () => {
    async function rootOf(file: string): Promise<{ size: number; root: string; events: number }> {
      const store = openSqlite(file);
      try {
        const head = await ledgerRecords(store).treeHead();
        return {
          size: head.size,
          root: Buffer.from(head.rootHash).toString('hex'),
          events: await ledgerRecords(store).count(),
        };
      } finally {
        await store.close();
      }
    }

    it('restores a good backup in place of the records, keeping the replaced ones', async () => {
      const live = await recordsFile();
      const store = openSqlite(live);
      const backup = join(dir, `backup-${files}.db`);
      try {
        expect((await backupRecords(store, backup)).bytes).toBeGreaterThan(0);
        await expect(backupRecords(store, backup)).rejects.toThrow(/exists/);
      } finally {
        await store.close();
      }
      const before = await rootOf(backup);
      // The records go on after the backup: 40 more events.
      const later = openSqlite(live);
      const more = plantEvents(40, 77).map((e) => ({
        ...e,
        eventID: `${e.eventID}-later` as typeof e.eventID,
      }));
      await withTransaction(later, (tx) => appendCustodyEvents(tx, more, { recordTime: at }));
      await later.close();
      expect((await rootOf(live)).size).toBe(before.size + 40);

      const answer = await restoreRecords({ target: live, backup });
      expect(answer).toMatchObject({ size: before.size, checkpointsMatched: 1 });
      expect(answer.replaced).not.toBeNull();
      expect((await rootOf(live)).root).toBe(before.root);
      expect((await rootOf(answer.replaced as string)).size).toBe(before.size + 40);
    });

    it('refuses a tampered backup, names the first problem, leaves the records as they were', async () => {
      const live = await recordsFile();
      const backup = join(dir, `tampered-${files}.db`);
      const store = openSqlite(live);
      await backupRecords(store, backup);
      await store.close();
      tamperFile(backup, [
        'update ledger_events set body = replace(body, \'"eventTime":"2026\', \'"eventTime":"2025\') where idx = 57',
      ]);
      const before = await rootOf(live);
      const refused = restoreRecords({ target: live, backup });
      await expect(refused).rejects.toMatchObject({ code: 'db.restore_unverified' });
      await expect(restoreRecords({ target: live, backup })).rejects.toThrow(/NOT restored.* at index 57 /);
      expect(await rootOf(live)).toEqual(before);
      expect(existsSync(`${live}.restoring-${process.pid}`)).toBe(false);
    });

    it('refuses a file that is not a database, or holds no ledger', async () => {
      const live = await recordsFile();
      await expect(restoreRecords({ target: live, backup: join(dir, 'nothing.db') })).rejects.toThrow(
        /does not exist/,
      );
      const empty = join(dir, 'empty.db');
      new BetterSqlite3(empty).exec('create table x (a)');
      await expect(restoreRecords({ target: live, backup: empty })).rejects.toThrow(/no Headstamp ledger/);
    });
  });
});
