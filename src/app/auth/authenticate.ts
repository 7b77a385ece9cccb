import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/database.ts';
import { principalOf, type Principal } from './principal.ts';
import { looksLikeSecret, secretHash } from './secrets.ts';
import { credentialDb } from './tables.ts';

/**
 * The user an API token belongs to, or undefined if the token is unknown or revoked.
 *
 * @example
 * const user = await authenticateToken(store, 'hst_...');
 */
export async function authenticateToken(store: Store, token: string): Promise<Principal | undefined> {
  if (!looksLikeSecret(token, 'hst')) return undefined;
  const row = await credentialDb(store)
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.consignee_id'])
    .where('api_tokens.token_hash', '=', secretHash(token))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : principalOf({ id: row.id, name: row.name, role: row.role, consigneeId: row.consignee_id });
}

/**
 * The user a browser session belongs to, or undefined if it is unknown or has expired.
 *
 * @example
 * const user = await authenticateSession(store, cookieValue, systemClock);
 */
export async function authenticateSession(
  store: Store,
  session: string,
  clock: Clock,
): Promise<Principal | undefined> {
  if (!looksLikeSecret(session, 'hss')) return undefined;
  const row = await credentialDb(store)
    .selectFrom('user_sessions')
    .innerJoin('users', 'users.id', 'user_sessions.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.consignee_id'])
    .where('user_sessions.id_hash', '=', secretHash(session))
    .where('user_sessions.expires_at', '>', clock.now().toISOString())
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : principalOf({ id: row.id, name: row.name, role: row.role, consigneeId: row.consignee_id });
}
