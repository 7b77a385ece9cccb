import { HeadstampError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { userRepository } from '../../store/repositories/users.ts';
import type { UserActor } from '../actor.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { principalOf } from './principal.ts';
import { credentialDb } from './tables.ts';

/**
 * The second person of a four-eyes act, proven by their own password at the same terminal: naming
 * someone is not enough, they must be there. Whether they may approve (role, not the actor themself)
 * is the use case's rule.
 *
 * @example
 * const approver = await approverFor(store, { name: 'quinn', password: '...' });
 * await decideLot(app, actor, { lotNumber, decision: 'released', approver });
 */
export async function approverFor(
  store: Store,
  approval: { readonly name: string; readonly password: string },
): Promise<UserActor> {
  const record = await userRepository(store).byName(approval.name);
  const stored =
    record === undefined
      ? undefined
      : await credentialDb(store)
          .selectFrom('user_passwords')
          .select('hash')
          .where('user_id', '=', record.id)
          .executeTakeFirst();
  const ok = await verifyPassword(approval.password, stored?.hash ?? decoyHash);
  if (!ok || record === undefined || stored === undefined)
    throw new HeadstampError(
      'approval.bad_credentials',
      'unauthenticated',
      'approval: name or password: no match',
      {
        problems: [{ path: 'approval', problem: 'name or password does not match' }],
      },
    );
  return principalOf(record);
}
