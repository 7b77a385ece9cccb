import { join, resolve } from 'node:path';
import type { Store } from './database.ts';
import { openPostgres } from './postgres/open.ts';
import { openSqlite } from './sqlite/open.ts';

/**
 * Opens the records the environment names: PostgreSQL when HEADSTAMP_DATABASE_URL is a
 * postgres URL, else SQLite at `$HEADSTAMP_DATA_DIR/headstamp.db` (default `./data`).
 *
 * @example
 * const store = openStoreFromEnv(process.env, process.cwd());
 */
export function openStoreFromEnv(env: NodeJS.ProcessEnv, cwd: string): Store {
  const url = env['HEADSTAMP_DATABASE_URL'];
  if (url !== undefined && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  const dir = resolve(cwd, env['HEADSTAMP_DATA_DIR'] ?? 'data');
  return openSqlite(join(dir, 'headstamp.db'));
}
