import type { Executor } from '../database.ts';
import { keysetPage, type Keyset, type KeysetPage } from '../keyset.ts';

export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly consigneeId: string | null;
  readonly createdAt: string;
  readonly actor: string;
}

/**
 * The plant's users.
 *
 * @example
 * const ana = await userRepository(store).byName('ana');
 */
export function userRepository(ex: Executor) {
  const { db } = ex;
  const toRecord = (r: {
    id: string;
    name: string;
    role: string;
    consignee_id: string | null;
    created_at: string;
    actor: string;
  }): UserRecord => ({
    id: r.id,
    name: r.name,
    role: r.role,
    consigneeId: r.consignee_id,
    createdAt: r.created_at,
    actor: r.actor,
  });
  return {
    async byName(name: string): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },
    async list(): Promise<UserRecord[]> {
      return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map(toRecord);
    },
    /** One page of users by name; `name` narrows it to that one user (a consignee sees only itself). */
    async page(page: Keyset, filter: { name?: string } = {}): Promise<KeysetPage<UserRecord>> {
      let q = db.selectFrom('users').selectAll();
      if (filter.name !== undefined) q = q.where('name', '=', filter.name);
      if (page.after !== undefined) q = q.where('name', '>', page.after);
      const rows = await q
        .orderBy('name')
        .limit(page.limit + 1)
        .execute();
      return keysetPage(rows.map(toRecord), page, (u) => u.name);
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async insert(user: UserRecord): Promise<void> {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          name: user.name,
          role: user.role,
          consignee_id: user.consigneeId,
          created_at: user.createdAt,
          actor: user.actor,
        })
        .execute();
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
