import type { UserActor } from '../actor.ts';
import { HeadstampError } from '../../domain/errors.ts';
import { isRole } from './roles.ts';

/**
 * The signed-in user behind a request: the actor of whatever the request writes.
 *
 * @example
 * const p = principalOf({ id: 'user-1', name: 'ana', role: 'quality', consigneeId: null });
 * p.id; // 'ana'
 */
export type Principal = UserActor;

export function principalOf(user: {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly consigneeId: string | null;
}): Principal {
  if (!isRole(user.role))
    throw new HeadstampError(
      'user.bad_role',
      'unavailable',
      `user ${user.name} has unknown role ${user.role}`,
    );
  return { kind: 'user', id: user.name, role: user.role, userId: user.id, consigneeId: user.consigneeId };
}
