import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { lineDataRepository } from '../store/repositories/line-data.ts';
import { userRepository } from '../store/repositories/users.ts';
import { setUpTestPlant } from '../../test/support/plant.ts';
import { withTransaction } from './transaction.ts';

describe('withTransaction', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await setUpTestPlant(t.store);
  });
  afterAll(() => t.close());

  const user = (name: string) => ({
    id: `user-${name}`,
    name,
    role: 'admin',
    consigneeId: null,
    createdAt: '2027-01-04T03:00:00.000Z',
    actor: 'user:x',
  });

  it('commits everything together, or on an error nothing (fast-path writes included)', async () => {
    await withTransaction(t.store, (tx) => userRepository(tx).insert(user('kept')));
    await expect(
      withTransaction(t.store, async (tx) => {
        await userRepository(tx).insert(user('lost'));
        await lineDataRepository(tx).insertEvents(
          { receivedAt: '2027-01-04T03:00:00.000Z', actor: 'device:L1' },
          [
            {
              lineId: 'L1',
              eventId: 'e1',
              kind: 'count',
              atMs: Date.parse('2027-01-04T03:00:00.000Z'),
              state: null,
              reason: null,
              processed: 10,
              defective: 0,
              counterReset: false,
              endedAt: null,
              note: null,
            },
          ],
        );
        throw new Error('fails half-way');
      }),
    ).rejects.toThrow('fails half-way');
    expect((await userRepository(t.store).list()).map((u) => u.name)).toEqual(['admin', 'kept']);
    expect(await lineDataRepository(t.store).existingEventIds('L1', ['e1'])).toEqual(new Set());
    // The batch's receipt went with it.
    expect(await t.store.db.selectFrom('line_event_receipts').selectAll().execute()).toEqual([]);
    // The records are usable afterwards: the failed transaction released its lock.
    await withTransaction(t.store, (tx) => userRepository(tx).insert(user('after')));
    expect(await userRepository(t.store).count()).toBe(3);
  });
});
