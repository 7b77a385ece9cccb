import { ConflictError, ValidationError, type FieldProblem } from '../domain/errors.ts';
import { plantRepository } from '../store/repositories/plant.ts';
import { userRepository, type UserRecord } from '../store/repositories/users.ts';
import { actorRef, requireRole, UnknownActorError, type Actor, type UserActor } from './actor.ts';
import { isRole, roles, type Role } from './auth/roles.ts';
import type { AppContext } from './context.ts';
import type { Executor } from '../store/database.ts';
import { mapPage, type Keyset, type KeysetPage } from '../store/keyset.ts';
import { withTransaction } from './transaction.ts';

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly consigneeId: string | null;
  readonly createdAt: string;
  readonly actor: string;
}

export interface AddUserInput {
  readonly name: string;
  readonly role: string;
  readonly consigneeId?: string | undefined;
}

const NAME = /^[a-z][a-z0-9._-]{0,63}$/;

/**
 * Adds a user. Admin only. A consignee user names the consignee they speak for.
 *
 * @example
 * await addUser(app, admin, { name: 'ana', role: 'planner' });
 */
export async function addUser(app: AppContext, actor: Actor, input: AddUserInput): Promise<User> {
  requireRole(actor, ['admin'], 'add a user');
  return withTransaction(app.store, async (tx) => {
    const problems = await checkNewUser(tx, input);
    if (problems.length > 0)
      throw new ValidationError('user.invalid', `user ${input.name}: invalid`, problems);
    const users = userRepository(tx);
    if ((await users.byName(input.name)) !== undefined) {
      throw new ConflictError('user.exists', `a user named ${input.name} already exists`, {
        name: input.name,
      });
    }
    const record: UserRecord = {
      id: app.ids.next('user'),
      name: input.name,
      role: input.role,
      consigneeId: input.role === 'consignee' ? (input.consigneeId ?? null) : null,
      createdAt: app.clock.now().toISOString(),
      actor: actorRef(actor),
    };
    await users.insert(record);
    return toUser(record);
  });
}

/** Problems with a new user's fields (shared with plant setup, which adds the first admin). */
export async function checkNewUser(ex: Executor, input: AddUserInput): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!NAME.test(input.name)) {
    problems.push({
      path: 'name',
      problem: `must be lower-case letters, digits, . _ - (starting with a letter), got ${JSON.stringify(input.name)}`,
    });
  }
  if (!isRole(input.role)) {
    problems.push({
      path: 'role',
      problem: `must be one of ${roles.join(', ')}, got ${JSON.stringify(input.role)}`,
    });
  }
  if (input.role === 'consignee') {
    if (input.consigneeId === undefined) {
      problems.push({
        path: 'consignee',
        problem: 'a consignee user must name the consignee (--consignee ID)',
      });
    } else if ((await plantRepository(ex).catalogueEntry('consignees', input.consigneeId)) === undefined) {
      problems.push({
        path: 'consignee',
        problem: `no consignee ${input.consigneeId} in the plant's records`,
      });
    }
  } else if (input.consigneeId !== undefined) {
    problems.push({
      path: 'consignee',
      problem: `only a consignee user names a consignee, not a ${input.role}`,
    });
  }
  return problems;
}

/**
 * Every user, by name. Any user may list them (a consignee sees only itself).
 *
 * @example
 * const users = await listUsers(app, actor);
 */
export async function listUsers(app: AppContext, actor: Actor): Promise<User[]> {
  const all = (await userRepository(app.store).list()).map(toUser);
  return actor.role === 'consignee' ? all.filter((u) => u.name === actor.id) : all;
}

/**
 * One page of users by name, read in the records' own order (keyset on the name). A consignee sees
 * only itself.
 *
 * @example
 * const { items, nextKey } = await pageUsers(app, actor, { limit: 50 });
 */
export async function pageUsers(app: AppContext, actor: Actor, page: Keyset): Promise<KeysetPage<User>> {
  const filter = actor.role === 'consignee' ? { name: actor.id } : {};
  return mapPage(await userRepository(app.store).page(page, filter), toUser);
}

/**
 * The actor for a user name (from `--as NAME`, HEADSTAMP_USER, or a signed-in request).
 *
 * @example
 * const actor = await actorFor(app, 'ana'); // { kind: 'user', id: 'ana', role: 'planner', ... }
 */
export async function actorFor(app: Pick<AppContext, 'store'>, name: string | undefined): Promise<UserActor> {
  if (name === undefined || name === '') throw new UnknownActorError(undefined);
  const user = await userRepository(app.store).byName(name);
  if (user === undefined || !isRole(user.role)) throw new UnknownActorError(name);
  return { kind: 'user', id: user.name, role: user.role, userId: user.id, consigneeId: user.consigneeId };
}

function toUser(r: UserRecord): User {
  return { ...r, role: r.role as Role };
}
