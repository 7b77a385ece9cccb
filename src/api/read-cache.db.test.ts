import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../app/transaction.ts';
import { orderRepository } from '../store/repositories/orders.ts';
import { openApiHarness, type ApiHarness } from './testing/harness.ts';

/** The server's read-cache lookups so far, by outcome. */
async function lookups(h: ApiHarness): Promise<Record<string, number>> {
  const text = (await h.call(undefined, { method: 'GET', url: '/metrics' })).body;
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^headstamp_read_cache_lookups_total\{outcome="(\w+)"\} (\d+)/gm))
    out[m[1] ?? ''] = Number(m[2]);
  return out;
}

const orderNumbers = async (h: ApiHarness, role: 'planner' | 'consignee' = 'planner'): Promise<string[]> => {
  const page = (await h.call(role, { method: 'GET', url: '/api/v1/orders?limit=500' })).json<{
    items: { orderNumber: string }[];
  }>();
  return page.items.map((o) => o.orderNumber);
};

describe('kept answers of read routes', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness();
  });
  afterAll(() => h.close());

  const place = (consigneeId: string) =>
    h.call('planner', {
      method: 'POST',
      url: '/api/v1/orders',
      payload: { consigneeId, productId: 'ball-ps', quantity: 10_000, dueDate: '2027-02-01' },
    });

  it('answers the same again, from the kept answer where the records have a version (SQLite)', async () => {
    expect((await place('army')).statusCode).toBe(201);
    const first = await h.call('planner', { method: 'GET', url: '/api/v1/orders' });
    const before = await lookups(h);
    const again = await h.call('planner', { method: 'GET', url: '/api/v1/orders' });
    const after = await lookups(h);
    expect(again.statusCode).toBe(200);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.body).toBe(first.body);
    const moved = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    if (h.db.dialect === 'sqlite') expect(moved('hit')).toBe(1);
    else expect(moved('bypass')).toBe(1);
  });

  it('shows a write at once, and keeps each user’s answer apart', async () => {
    const seen = await orderNumbers(h);
    const placed = (await place('police')).json().customerOrder.orderNumber as string;
    expect(await orderNumbers(h)).toEqual([...seen, placed].sort());
    // The consignee (army) sees only its own, even right after staff read the whole list.
    expect(await orderNumbers(h, 'consignee')).not.toContain(placed);
    expect(await orderNumbers(h)).toContain(placed);
  });

  it('never hands out, nor keeps, what a transaction still open has written', async () => {
    const seen = await orderNumbers(h);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written: () => void = () => undefined;
    const inserted = new Promise<void>((resolve) => {
      written = resolve;
    });
    const open = withTransaction(h.db.store, async (tx) => {
      await orderRepository(tx).insertCustomerOrder({
        id: 'co-uncommitted',
        orderNumber: 'CO-UNCOMMITTED',
        consigneeId: 'army',
        productId: 'ball-ps',
        quantity: 1,
        dueDate: '2027-01-01',
        priority: 0,
        createdAt: '2026-01-01T00:00:00.000Z',
        actor: 'user:admin',
      });
      written();
      await held;
      throw new Error('rolled back on purpose');
    });
    await inserted;
    const during = orderNumbers(h);
    // Time for the request to reach its read while the transaction is still open.
    await sleep(100);
    release();
    await expect(open).rejects.toThrow('rolled back on purpose');
    expect(await during).toEqual(seen);
    expect(await orderNumbers(h)).toEqual(seen);
  });
});
