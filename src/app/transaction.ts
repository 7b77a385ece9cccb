import { sql } from 'kysely';
import { asTx, type Store, type Tx } from '../store/database.ts';

/**
 * Runs `work` in one transaction: all its writes land together, or (if it throws) none do.
 * The one place in the code base where a transaction begins. SQLite takes the write lock at
 * the start (`BEGIN IMMEDIATE`) so that two commands on the same file queue rather than
 * deadlock on a lock upgrade.
 *
 * @example
 * const user = await withTransaction(store, (tx) => users(tx).insert(row));
 */
export async function withTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (store.native.dialect === 'postgres') {
    return store.db.transaction().execute((trx) => work(asTx({ ...store, db: trx })));
  }
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(asTx({ ...store, db: conn }));
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
