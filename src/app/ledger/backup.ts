/**
 * Backup and restore of the records (SQLite). A backup is taken with SQLite's online backup API
 * while the records stay in use; a restore verifies the backup's ledger in full BEFORE it takes
 * the records' place, so a backup altered while it sat on a disk is refused, the first problem
 * named, and the current records stay exactly as they were.
 *
 * PostgreSQL records are backed up and restored with PostgreSQL's own tools (pg_dump and
 * pg_restore into a new database), outside this program; `headstamp ledger verify` on the
 * restored database is then the check before it is put to use. Both use cases refuse PostgreSQL
 * records with that advice.
 */
import {
  copyFileSync,
  existsSync,
  openSync,
  readSync,
  closeSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import type { LedgerProblem } from '../../ledger/entry.ts';
import type { Store } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { openSqlite } from '../../store/sqlite/open.ts';
import { systemClock } from '../runtime.ts';
import { verifyLedgerRecords } from './verify.ts';

/** What `backupRecords` wrote. */
export interface BackupAnswer {
  readonly file: string;
  readonly bytes: number;
}

/** What `restoreRecords` did. */
export interface RestoreAnswer {
  readonly restored: string;
  /** Events in the restored ledger, and its root (base64). */
  readonly size: number;
  readonly rootHash: string;
  readonly checkpointsMatched: number;
  /** Where the records that were replaced were kept (null when there were none). */
  readonly replaced: string | null;
}

const POSTGRES_ADVICE =
  'PostgreSQL records are backed up with pg_dump and restored with pg_restore into a new database; ' +
  'run headstamp ledger verify against the restored database before pointing HEADSTAMP_DATABASE_URL at it';

function refusePostgres(what: string): never {
  throw new ConflictError(`db.${what}_postgres`, `${what} of PostgreSQL records: ${POSTGRES_ADVICE}`);
}

/**
 * Writes a consistent copy of the SQLite records to `out` with SQLite's online backup API
 * (better-sqlite3's `backup`): other commands may keep reading and writing meanwhile. Refuses
 * an `out` that exists (a backup never overwrites anything) and PostgreSQL records.
 *
 * @example
 * const { bytes } = await backupRecords(store, '/backups/headstamp-2026-11-22.db');
 */
export async function backupRecords(store: Store, out: string): Promise<BackupAnswer> {
  if (store.native.dialect !== 'sqlite') refusePostgres('backup');
  if (store.location === ':memory:') {
    throw new ConflictError('db.backup_memory', 'records held in memory cannot be backed up to a file');
  }
  if (existsSync(out)) {
    throw new ValidationError('db.backup_out', `--out: ${out} exists; a backup never overwrites a file`, [
      { path: '--out', problem: `${out} exists` },
    ]);
  }
  await store.native.sqlite.backup(out);
  return { file: out, bytes: statSync(out).size };
}

function isSqliteFile(file: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** Folds the write-ahead log into the file and leaves it in rollback mode: one self-contained file. */
function settleFile(file: string): void {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 2000');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const mode = sqlite.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new Error(`journal mode stayed ${String(mode)}`);
  } catch (error) {
    throw new ConflictError(
      'db.records_in_use',
      `${file}: in use by another process (${error instanceof Error ? error.message : String(error)}); stop headstamp serve or start first`,
    );
  } finally {
    sqlite.close();
  }
}

function describe(problem: LedgerProblem | undefined, faults: readonly string[]): string {
  if (problem !== undefined) {
    return `${problem.kind} at index ${problem.index}${problem.eventID === undefined ? '' : ` (${problem.eventID})`}: ${problem.what}`;
  }
  return faults[0] ?? 'unknown problem';
}

/**
 * Puts the SQLite backup `backup` in the place of the records at `target`, after verifying it:
 * the backup is copied beside the records, its ledger verified in full (every event, column,
 * the tree, its tree head and every checkpoint it holds, and `against`, a witness's checkpoint,
 * when given), migrated to the current schema, and only then moved into place. The records it
 * replaces are kept beside it (`headstamp.db.replaced-<time>`), never deleted.
 *
 * A backup that fails verification is refused (ConflictError `db.restore_unverified`, naming
 * the first problem) and the current records are left untouched. Stop the server first: a
 * process still holding the old records open would go on writing to the replaced file (the
 * restore refuses when it sees the records in use).
 *
 * @example
 * const answer = await restoreRecords({ target: 'data/headstamp.db', backup: 'backups/monday.db' });
 */
export async function restoreRecords(options: {
  target: string;
  backup: string;
  against?: string;
  postgres?: boolean;
}): Promise<RestoreAnswer> {
  if (options.postgres === true) refusePostgres('restore');
  const { target, backup } = options;
  if (!existsSync(backup) || !statSync(backup).isFile()) {
    throw new ValidationError('db.restore_file', `FILE: ${backup} does not exist`, [
      { path: 'FILE', problem: `${backup} does not exist` },
    ]);
  }
  if (!isSqliteFile(backup)) {
    throw new ValidationError('db.restore_file', `FILE: ${backup} is not a SQLite database`, [
      { path: 'FILE', problem: `${backup} is not a SQLite database` },
    ]);
  }
  const staging = `${target}.restoring-${process.pid}`;
  removeDatabaseFiles(staging);
  copyFileSync(backup, staging);
  if (existsSync(`${backup}-wal`)) copyFileSync(`${backup}-wal`, `${staging}-wal`);
  let answer: Omit<RestoreAnswer, 'replaced'>;
  try {
    const store = openSqlite(staging);
    try {
      const tables = store.native.dialect === 'sqlite' ? store.native.sqlite : undefined;
      const hasLedger =
        tables
          ?.prepare("select 1 from sqlite_master where type = 'table' and name = 'ledger_events'")
          .get() !== undefined;
      if (!hasLedger) {
        throw new ValidationError('db.restore_file', `FILE: ${backup} holds no Headstamp ledger`, [
          { path: 'FILE', problem: `${backup} holds no Headstamp ledger` },
        ]);
      }
      const result = await verifyLedgerRecords(store, {
        depth: 'full',
        ...(options.against === undefined ? {} : { against: options.against }),
      });
      if (!result.ok) {
        throw new ConflictError(
          'db.restore_unverified',
          `${backup} NOT restored, its ledger does not verify: ${describe(result.problem, result.checkpointFaults)}`,
          {
            ...(result.problem === undefined ? {} : { problem: result.problem }),
            checkpointFaults: result.checkpointFaults,
          },
        );
      }
      await migrateToLatest(store);
      answer = {
        restored: backup,
        size: result.size,
        rootHash: result.rootHash,
        checkpointsMatched: result.checkpointsMatched,
      };
    } finally {
      await store.close();
    }
    settleFile(staging);
  } catch (error) {
    removeDatabaseFiles(staging);
    throw error;
  }

  let replaced: string | null = null;
  try {
    if (existsSync(target)) {
      settleFile(target);
      replaced = `${target}.replaced-${systemClock.now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, replaced);
    }
    // Side files left beside the old records would be read as part of the new ones.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  } catch (error) {
    removeDatabaseFiles(staging);
    throw error;
  }
  renameSync(staging, target);
  return { ...answer, replaced };
}
