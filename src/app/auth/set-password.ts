import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/database.ts';
import { actorRef, type Actor } from '../actor.ts';
import { withTransaction } from '../transaction.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import { credentialDb } from './tables.ts';
import { requireSelfOrAdmin, userByName } from './users.ts';

/**
 * Sets a user's password (kept as an scrypt hash) and ends their open sessions, so that a changed
 * password locks out whoever had the old one. The user or an admin may.
 *
 * @example
 * await setPassword({ store, clock }, admin, { userName: 'ana', password: 'correct horse battery' });
 */
export async function setPassword(
  ctx: { readonly store: Store; readonly clock: Clock },
  actor: Actor,
  input: { readonly userName: string; readonly password: string },
): Promise<void> {
  checkPassword(input.password);
  const user = await userByName(ctx.store, input.userName);
  requireSelfOrAdmin(actor, user, 'set the password');
  // Hash before the transaction: scrypt takes tens of milliseconds and must not hold the write lock.
  const hash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  await withTransaction(ctx.store, async (tx) => {
    const db = credentialDb(tx);
    const row = { user_id: user.userId, hash, updated_at: now, actor: actorRef(actor) };
    const existing = await db
      .selectFrom('user_passwords')
      .select('user_id')
      .where('user_id', '=', user.userId)
      .executeTakeFirst();
    if (existing === undefined) await db.insertInto('user_passwords').values(row).execute();
    else await db.updateTable('user_passwords').set(row).where('user_id', '=', user.userId).execute();
    await db.deleteFrom('user_sessions').where('user_id', '=', user.userId).execute();
  });
}
