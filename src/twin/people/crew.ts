import type { UserActor } from '../../app/actor.ts';
import type { AppContext } from '../../app/context.ts';
import { actorFor, addUser } from '../../app/users.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';

/** The people the twin plays, each its own user with its own role. */
export interface Crew {
  /** Keeps the plant clock (setting it is an admin's act). */
  readonly clockKeeper: UserActor;
  readonly planner: UserActor;
  readonly inspector: UserActor;
  /** The second quality person who approves releases (four eyes). */
  readonly approver: UserActor;
  readonly logistics: UserActor;
  /** The second logistics person who approves dispatches and authorisations (four eyes). */
  readonly armoury: UserActor;
  /** One user per consignee, by consignee id. */
  readonly consignees: ReadonlyMap<string, UserActor>;
}

const STAFF = [
  ['clockKeeper', 'twin-clock', 'admin'],
  ['planner', 'twin-planner', 'planner'],
  ['inspector', 'twin-inspector', 'quality'],
  ['approver', 'twin-approver', 'quality'],
  ['logistics', 'twin-logistics', 'logistics'],
  ['armoury', 'twin-armoury', 'logistics'],
] as const;

/** The user name of a consignee's twin user (`twin-army`). */
export function consigneeUserName(consigneeId: string): string {
  return `twin-${consigneeId.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 64);
}

/**
 * The twin's users, created on first use by `admin` through the users use case (so each is a
 * recorded user with its role, created by a named admin), found by name afterwards.
 *
 * @example
 * const crew = await ensureCrew(app, admin, scenario);
 * crew.planner.id; // 'twin-planner'
 */
export async function ensureCrew(app: AppContext, admin: UserActor, scenario: Scenario): Promise<Crew> {
  const find = async (name: string, role: string, consigneeId?: string): Promise<UserActor> => {
    try {
      return await actorFor(app, name);
    } catch {
      await addUser(app, admin, { name, role, ...(consigneeId === undefined ? {} : { consigneeId }) });
      return actorFor(app, name);
    }
  };
  const staff: Partial<Record<(typeof STAFF)[number][0], UserActor>> = {};
  for (const [key, name, role] of STAFF) staff[key] = await find(name, role);
  const consignees = new Map<string, UserActor>();
  for (const c of scenario.consignees)
    consignees.set(c.id, await find(consigneeUserName(c.id), 'consignee', c.id));
  return { ...(staff as Record<(typeof STAFF)[number][0], UserActor>), consignees };
}
