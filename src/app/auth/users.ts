import { HeadstampError, NotFoundError } from '../../domain/errors.ts';
import type { Executor } from '../../store/database.ts';
import { userRepository } from '../../store/repositories/users.ts';
import type { Actor } from '../actor.ts';
import { principalOf, type Principal } from './principal.ts';

/**
 * The user named `name`, as an actor; refuses if there is none.
 *
 * @example
 * const ana = await userByName(store, 'ana'); // { kind: 'user', id: 'ana', role: 'quality', ... }
 */
export async function userByName(ex: Executor, name: string): Promise<Principal> {
  const record = await userRepository(ex).byName(name);
  if (record === undefined)
    throw new NotFoundError('user.not_found', `user: no user named ${name}`, { name });
  return principalOf(record);
}

/** Refuses unless the actor is an admin or the user themselves: credentials are personal. */
export function requireSelfOrAdmin(actor: Actor, user: Principal, act: string): void {
  if (actor.kind === 'user' && (actor.role === 'admin' || actor.userId === user.userId)) return;
  throw new HeadstampError(
    'forbidden.credentials',
    'forbidden',
    `${actor.kind}:${actor.id} may not ${act} for ${user.id} (only ${user.id} or an admin may)`,
    { actor: actor.id, user: user.id },
  );
}
