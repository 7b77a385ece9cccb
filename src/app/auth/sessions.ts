import type { Clock } from '../../domain/clock.ts';
import { HeadstampError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { userRepository } from '../../store/repositories/users.ts';
import { withTransaction } from '../transaction.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { principalOf, type Principal } from './principal.ts';
import { newSecret, secretHash } from './secrets.ts';
import { credentialDb } from './tables.ts';

/** How long a browser session lasts: one working day, then sign in again. */
export const sessionHours = 12;

export interface Session {
  /** The cookie value: given to the browser once; the records keep its SHA-256. */
  readonly secret: string;
  readonly user: Principal;
  readonly expiresAt: string;
}

/**
 * Signs a user in with a password and opens a session. A wrong name and a wrong password are refused
 * alike, and take the same time, so that sign-in does not reveal which names exist.
 *
 * @example
 * const session = await login({ store, clock }, { name: 'ana', password: 'correct horse battery' });
 */
export async function login(
  ctx: { readonly store: Store; readonly clock: Clock },
  input: { readonly name: string; readonly password: string },
): Promise<Session> {
  const record = await userRepository(ctx.store).byName(input.name);
  const stored =
    record === undefined
      ? undefined
      : await credentialDb(ctx.store)
          .selectFrom('user_passwords')
          .select('hash')
          .where('user_id', '=', record.id)
          .executeTakeFirst();
  const ok = await verifyPassword(input.password, stored?.hash ?? decoyHash);
  if (!ok || record === undefined || stored === undefined)
    throw new HeadstampError('auth.bad_credentials', 'unauthenticated', 'name or password: no match');
  const user = principalOf(record);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000).toISOString();
  const secret = newSecret('hss');
  await withTransaction(ctx.store, async (tx) => {
    const db = credentialDb(tx);
    // Sessions ended long ago are swept on sign-in, so the table does not grow without bound.
    await db.deleteFrom('user_sessions').where('expires_at', '<=', now.toISOString()).execute();
    await db
      .insertInto('user_sessions')
      .values({
        id_hash: secretHash(secret),
        user_id: user.userId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
  });
  return { secret, user, expiresAt };
}

/**
 * Ends a browser session; ending one that is unknown or already ended is not an error.
 *
 * @example
 * await logout(store, cookieValue);
 */
export async function logout(store: Store, secret: string): Promise<void> {
  await withTransaction(store, async (tx) => {
    await credentialDb(tx).deleteFrom('user_sessions').where('id_hash', '=', secretHash(secret)).execute();
  });
}
