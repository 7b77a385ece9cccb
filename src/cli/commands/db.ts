import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupRecords, restoreRecords } from '../../app/ledger/backup.ts';
import { ValidationError } from '../../domain/errors.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { openStoreFromEnv } from '../../store/open.ts';
import type { RegisterCommand } from './index.ts';

function readWitnessNote(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ValidationError('db.against', `${file}: cannot read (${reason})`, [
      { path: '--against', problem: `cannot read ${file} (${reason})` },
    ]);
  }
}

/**
 * `headstamp db migrate`: brings the records' schema up to date (also done at every start).
 * `headstamp db backup --out FILE`: a consistent copy of the SQLite records, taken online.
 * `headstamp db restore FILE [--against NOTE]`: the backup's ledger verified in full, then put in
 * the records' place (the replaced records kept beside them); refused, the records untouched and
 * the first problem named, when it does not verify. PostgreSQL: pg_dump / pg_restore, then
 * `headstamp ledger verify` (both commands say so).
 *
 * @example
 * headstamp db backup --out backups/2026-11-22.db
 * headstamp db restore backups/2026-11-22.db --against witness/2026-11-22.note
 */
export const registerDb: RegisterCommand = (program, context) => {
  const db = program.command('db').description('The records themselves');
  db.command('migrate')
    .description('Apply pending schema migrations')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const store = openStoreFromEnv(context.env, context.cwd);
      try {
        const applied = await migrateToLatest(store);
        if (options.json === true) {
          context.out.json({ location: store.location, dialect: store.dialect, applied });
        } else {
          context.out.line(
            applied.length === 0
              ? `${store.location}: up to date`
              : `${store.location}: applied ${applied.join(', ')}`,
          );
        }
      } finally {
        await store.close();
      }
    });
  db.command('backup')
    .description('Write a consistent copy of the SQLite records while they stay in use')
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { out: string; json?: boolean }) => {
      const store = openStoreFromEnv(context.env, context.cwd);
      try {
        const answer = await backupRecords(store, resolve(context.cwd, options.out));
        if (options.json === true) context.out.json({ source: store.location, ...answer });
        else context.out.line(`${store.location}: backed up to ${answer.file} (${answer.bytes} bytes)`);
      } finally {
        await store.close();
      }
    });
  db.command('restore')
    .description("Verify a backup's ledger in full, then put it in the records' place")
    .argument('<file>', 'the backup file (written by headstamp db backup)')
    .option('--against <note>', "a witness's checkpoint note the backup's ledger must extend")
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { against?: string; json?: boolean }) => {
      const url = context.env['HEADSTAMP_DATABASE_URL'];
      const postgres = url !== undefined && /^postgres(ql)?:\/\//.test(url);
      const target = join(resolve(context.cwd, context.env['HEADSTAMP_DATA_DIR'] ?? 'data'), 'headstamp.db');
      const answer = await restoreRecords({
        target,
        backup: resolve(context.cwd, file),
        postgres,
        ...(options.against === undefined ? {} : { against: readWitnessNote(options.against, context.cwd) }),
      });
      if (options.json === true) {
        context.out.json({ target, ...answer });
        return;
      }
      context.out.line(
        `${answer.restored}: ledger verified (${answer.size} events, root ${answer.rootHash}, ` +
          `${answer.checkpointsMatched} checkpoint(s) matched), restored to ${target}`,
      );
      if (answer.replaced !== null)
        context.out.line(`the records it replaced are kept in ${answer.replaced}`);
    });
};
