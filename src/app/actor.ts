import { ForbiddenError, HeadstampError } from '../domain/errors.ts';
import type { Role } from './auth/roles.ts';

/**
 * Who does an act: a user acting in their role, or a device (a line reporting its own data).
 * Shaped like the ledger's actor (`kind`, `id`, `role`), so it goes into custody events as is.
 *
 * @example
 * const actor: Actor = { kind: 'user', id: 'ana', role: 'planner', userId: 'user-1', consigneeId: null };
 * actorRef(actor); // 'user:ana'
 */
export type Actor = UserActor | DeviceActor;

export interface UserActor {
  readonly kind: 'user';
  /** The user's name. */
  readonly id: string;
  readonly role: Role;
  readonly userId: string;
  readonly consigneeId: string | null;
}

export interface DeviceActor {
  readonly kind: 'device';
  /** The line's id. */
  readonly id: string;
  readonly role: 'line';
}

/**
 * What the records write in their `actor` column: `user:NAME` or `device:LINE`.
 *
 * @example
 * actorRef(lineDevice('L1')); // 'device:L1'
 */
export function actorRef(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}

/**
 * A line acting as a device (its own counts and states).
 *
 * @example
 * lineDevice('L1'); // { kind: 'device', id: 'L1', role: 'line' }
 */
export function lineDevice(lineId: string): DeviceActor {
  return { kind: 'device', id: lineId, role: 'line' };
}

/**
 * Refuses the act unless the actor's role is one of `allowed`; `act` says what was tried, in
 * words (`add an order`), and goes into the message.
 *
 * @example
 * requireRole(actor, ['planner', 'admin'], 'add an order');
 * // ForbiddenError: role operator may not add an order (needs planner or admin)
 */
export function requireRole(actor: Actor, allowed: readonly (Role | 'line')[], act: string): void {
  if (allowed.includes(actor.role)) return;
  throw new ForbiddenError(
    'forbidden.role',
    `role ${actor.role} may not ${act} (needs ${allowed.join(' or ')})`,
    { role: actor.role, act, allowed },
  );
}

/** No actor was named: `--as NAME` or HEADSTAMP_USER at the command line. */
export class UnknownActorError extends HeadstampError {
  constructor(name: string | undefined) {
    super(
      name === undefined ? 'actor.missing' : 'actor.unknown',
      'unauthenticated',
      name === undefined
        ? 'who is acting? give --as NAME or set HEADSTAMP_USER'
        : `no user named ${name} (see headstamp user list)`,
      name === undefined ? {} : { name },
    );
    this.name = 'UnknownActorError';
  }
}
