import type { IdGenerator } from '../domain/clock.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { openStoreFromEnv } from '../store/open.ts';
import { plantClock } from './clock.ts';
import type { AppContext } from './context.ts';
import { randomIds } from './runtime.ts';

export interface OpenApp extends AppContext {
  close(): Promise<void>;
}

/**
 * Opens the records the environment names (see `openStoreFromEnv`), brings their schema up to
 * date and reads the plant's clock. What every command starts with.
 *
 * @example
 * const app = await openApp(process.env, process.cwd());
 * try { ... } finally { await app.close(); }
 */
export async function openApp(
  env: NodeJS.ProcessEnv,
  cwd: string,
  ids: IdGenerator = randomIds,
): Promise<OpenApp> {
  const store = openStoreFromEnv(env, cwd);
  try {
    await migrateToLatest(store);
    const clock = await plantClock(store);
    return { store, clock, ids, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * Opens the records, runs `work`, and closes them whatever happens.
 *
 * @example
 * await withApp(process.env, process.cwd(), (app) => listUsers(app, actor));
 */
export async function withApp<T>(
  env: NodeJS.ProcessEnv,
  cwd: string,
  work: (app: OpenApp) => Promise<T>,
): Promise<T> {
  const app = await openApp(env, cwd);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
