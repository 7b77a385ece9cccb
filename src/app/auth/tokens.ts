import type { Clock, IdGenerator } from '../../domain/clock.ts';
import { HeadstampError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { actorRef, type Actor } from '../actor.ts';
import { withTransaction } from '../transaction.ts';
import { newSecret, secretHash } from './secrets.ts';
import { credentialDb } from './tables.ts';
import { requireSelfOrAdmin, userByName } from './users.ts';

/** An API token as listed: never the token itself, which is shown once, at creation. */
export interface ApiTokenInfo {
  readonly id: string;
  readonly userName: string;
  readonly label: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface CreatedApiToken extends Omit<ApiTokenInfo, 'revokedAt'> {
  readonly revokedAt: null;
  /** The token: shown this once; the records keep only its SHA-256. */
  readonly token: string;
}

export interface TokenContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Issues an API token to a user. Only the user or an admin may; the records keep the token's SHA-256.
 *
 * @example
 * const { token } = await createApiToken(ctx, admin, { userName: 'ana', label: 'line terminal 2' });
 */
export async function createApiToken(
  ctx: TokenContext,
  actor: Actor,
  input: { readonly userName: string; readonly label?: string | undefined },
): Promise<CreatedApiToken> {
  const label = input.label ?? '';
  if (label.length > 200)
    throw new ValidationError('token.label', `label: must be at most 200 characters, got ${label.length}`, [
      { path: 'label', problem: `must be at most 200 characters, got ${label.length}` },
    ]);
  return withTransaction(ctx.store, async (tx) => {
    const user = await userByName(tx, input.userName);
    requireSelfOrAdmin(actor, user, 'create an API token');
    const token = newSecret('hst');
    const row = {
      id: ctx.ids.next('token'),
      user_id: user.userId,
      token_hash: secretHash(token),
      label,
      created_at: ctx.clock.now().toISOString(),
      revoked_at: null,
      actor: actorRef(actor),
    };
    await credentialDb(tx).insertInto('api_tokens').values(row).execute();
    return { id: row.id, userName: user.id, label, createdAt: row.created_at, revokedAt: null, token };
  });
}

/**
 * The tokens an actor may see: their own, or every user's for an admin; newest first.
 *
 * @example
 * const mine = await listApiTokens(store, ana);
 */
export async function listApiTokens(store: Store, actor: Actor): Promise<ApiTokenInfo[]> {
  let query = credentialDb(store)
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'users.name',
      'api_tokens.label',
      'api_tokens.created_at',
      'api_tokens.revoked_at',
    ])
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id', 'desc');
  if (actor.kind !== 'user' || actor.role !== 'admin')
    query = query.where('api_tokens.user_id', '=', actor.kind === 'user' ? actor.userId : '');
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    userName: r.name,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/**
 * Revokes a token: it stops working at once. The user or an admin may; revoking twice is refused.
 *
 * @example
 * await revokeApiToken(ctx, ana, 'token-000001');
 */
export async function revokeApiToken(ctx: TokenContext, actor: Actor, id: string): Promise<ApiTokenInfo> {
  return withTransaction(ctx.store, async (tx) => {
    const db = credentialDb(tx);
    const row = await db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([
        'api_tokens.id',
        'users.name',
        'api_tokens.label',
        'api_tokens.created_at',
        'api_tokens.revoked_at',
      ])
      .where('api_tokens.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw new NotFoundError('token.not_found', `id: no API token ${id}`, { id });
    const user = await userByName(tx, row.name);
    try {
      requireSelfOrAdmin(actor, user, 'revoke an API token');
    } catch {
      // Someone else's token is as good as absent: do not confirm that it exists.
      throw new NotFoundError('token.not_found', `id: no API token ${id}`, { id });
    }
    if (row.revoked_at !== null)
      throw new HeadstampError(
        'token.revoked',
        'conflict',
        `token ${id} was already revoked at ${row.revoked_at}`,
      );
    const revokedAt = ctx.clock.now().toISOString();
    await db.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    return { id, userName: row.name, label: row.label, createdAt: row.created_at, revokedAt };
  });
}
