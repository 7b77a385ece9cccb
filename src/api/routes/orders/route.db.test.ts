import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiHarness, testConsignee, type ApiHarness } from '../../testing/harness.ts';

describe('orders over HTTP', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness();
  });
  afterAll(() => h.close());

  const place = (role: 'planner' | 'consignee' | 'admin', body: object) =>
    h.call(role, { method: 'POST', url: '/api/v1/orders', payload: body });

  it('places orders with the signed-in user as actor, and a consignee sees only its own', async () => {
    const byPlanner = await place('planner', {
      consigneeId: 'police',
      productId: 'ball-ps',
      quantity: 20_000,
      dueDate: '2027-02-01',
    });
    expect(byPlanner.statusCode).toBe(201);
    expect(byPlanner.json().customerOrder).toMatchObject({ consigneeId: 'police', actor: 'user:petra' });

    const byConsignee = await place('consignee', {
      productId: 'tracer-t',
      quantity: 5000,
      dueDate: '2027-03-01',
    });
    expect(byConsignee.statusCode).toBe(201);
    expect(byConsignee.json().customerOrder).toMatchObject({
      consigneeId: testConsignee,
      actor: 'user:army-depot',
    });
    expect(byConsignee.json().productionOrder.status).toBe('open');

    const all = await h.call('auditor', { method: 'GET', url: '/api/v1/orders' });
    expect(
      all
        .json()
        .items.map((o: { consigneeId: string }) => o.consigneeId)
        .sort(),
    ).toEqual(['army', 'police']);
    const own = await h.call('consignee', { method: 'GET', url: '/api/v1/orders' });
    expect(own.json().items.map((o: { consigneeId: string }) => o.consigneeId)).toEqual(['army']);
  });

  it('pages through orders with a cursor', async () => {
    for (let i = 0; i < 3; i++)
      await place('admin', {
        consigneeId: 'army',
        productId: 'ball-ps',
        quantity: 1000 + i,
        dueDate: '2027-04-01',
      });
    const numbers: string[] = [];
    let url = '/api/v1/orders?limit=2';
    for (;;) {
      const page = (await h.call('planner', { method: 'GET', url })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      numbers.push(...page.items.map((o: { orderNumber: string }) => o.orderNumber));
      if (page.nextCursor === null) break;
      url = `/api/v1/orders?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    expect(numbers.length).toBeGreaterThanOrEqual(5);
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses bad input naming each field: schema first, then the use case’s own checks', async () => {
    const shape = await place('planner', {
      productId: 'ball-ps',
      quantity: '5',
      dueDate: 'soon',
      colour: 'red',
    });
    expect(shape.statusCode).toBe(400);
    const paths = shape
      .json()
      .details.problems.map((p: { path: string }) => p.path)
      .sort();
    expect(paths).toEqual(['colour', 'dueDate', 'quantity']);

    const rules = await place('planner', {
      consigneeId: 'navy',
      productId: 'ball-ps',
      quantity: 10,
      dueDate: '2027-01-09',
    });
    expect(rules.statusCode).toBe(400);
    expect(rules.json()).toMatchObject({
      code: 'order.invalid',
      details: { problems: [{ path: 'consignee', problem: 'no consignee navy' }] },
    });

    const query = await h.call('planner', { method: 'GET', url: '/api/v1/orders?limit=0&sort=x' });
    expect(query.statusCode).toBe(400);
    expect(
      query
        .json()
        .details.problems.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['limit', 'sort']);
  });
});
