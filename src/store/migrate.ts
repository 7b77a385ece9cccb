import { Migrator, type MigrationResultSet } from 'kysely';
import { HeadstampError } from '../domain/errors.ts';
import type { Store } from './database.ts';
import { migrations } from './migrations/index.ts';

/**
 * The migrator of the records: every migration in `migrations`, its bookkeeping in the records'
 * own schema. For going back to an earlier version (tests of a migration's data copy).
 *
 * @example
 * await migratorOf(store).migrateTo('2026-12-06T0030-list-read-indexes');
 */
export function migratorOf(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
    // In PostgreSQL the bookkeeping tables live in the records' own schema, so that several
    // schemas (one per test file) in one database never see each other's.
    ...(store.native.dialect === 'postgres' ? { migrationTableSchema: store.native.schema } : {}),
  });
}

/**
 * Applies every migration not yet applied, in name order. Safe to call at every start.
 * Returns the names applied now.
 *
 * @example
 * const applied = await migrateToLatest(store); // ['2026-11-22T0700-initial'] on new records
 */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const result: MigrationResultSet = await migratorOf(store).migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new HeadstampError(
      'store.migration_failed',
      'unavailable',
      `migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`,
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
