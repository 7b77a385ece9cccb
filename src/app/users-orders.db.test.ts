import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { setUpTestPlant, type TestPlant } from '../../test/support/plant.ts';
import { orderRepository } from '../store/repositories/orders.ts';
import { addOrder, listOrders } from './orders.ts';
import { receiveComponents } from './production/components.ts';
import { actorFor, addUser, listUsers } from './users.ts';

describe('users, orders and component receipts', () => {
  let t: TestDatabase;
  let plant: TestPlant;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    plant = await setUpTestPlant(t.store);
  });

  it('adds users with roles; a consignee user is tied to an existing consignee', async () => {
    const { app, admin } = plant;
    await addUser(app, admin, { name: 'ana', role: 'planner' });
    await addUser(app, admin, { name: 'depot', role: 'consignee', consigneeId: 'army' });
    await expect(
      addUser(app, admin, { name: 'navy', role: 'consignee', consigneeId: 'navy' }),
    ).rejects.toMatchObject({
      code: 'user.invalid',
      problems: [{ path: 'consignee', problem: "no consignee navy in the plant's records" }],
    });
    await expect(addUser(app, admin, { name: 'ana', role: 'quality' })).rejects.toMatchObject({
      code: 'user.exists',
    });
    const ana = await actorFor(app, 'ana');
    await expect(addUser(app, ana, { name: 'bob', role: 'admin' })).rejects.toMatchObject({
      code: 'forbidden.role',
      message: 'role planner may not add a user (needs admin)',
    });
    expect((await listUsers(app, admin)).map((u) => [u.name, u.role, u.consigneeId, u.actor])).toEqual([
      ['admin', 'admin', null, 'user:admin'],
      ['ana', 'planner', null, 'user:admin'],
      ['depot', 'consignee', 'army', 'user:admin'],
    ]);
    await expect(actorFor(app, 'nobody')).rejects.toMatchObject({
      code: 'actor.unknown',
      kind: 'unauthenticated',
    });
  });

  it('numbers orders, ties a consignee user to its own, and names the actor', async () => {
    const { app, admin } = plant;
    await addUser(app, admin, { name: 'depot', role: 'consignee', consigneeId: 'army' });
    const depot = await actorFor(app, 'depot');
    const own = await addOrder(app, depot, {
      consigneeId: 'police',
      productId: 'ball-ps',
      quantity: 1000,
      dueDate: '2027-02-01',
    });
    expect(own.customerOrder).toMatchObject({
      orderNumber: 'CO-2027-0001',
      consigneeId: 'army',
      actor: 'user:depot',
    });
    await addOrder(app, admin, {
      consigneeId: 'police',
      productId: 'tracer-t',
      quantity: 500,
      dueDate: '2027-02-01',
      priority: 3,
    });
    expect((await listOrders(app, depot)).map((o) => o.orderNumber)).toEqual(['CO-2027-0001']);
    expect(
      (await listOrders(app, admin)).map((o) => [o.orderNumber, o.productionOrderNumber, o.priority]),
    ).toEqual([
      ['CO-2027-0001', 'PO-2027-0001', 1],
      ['CO-2027-0002', 'PO-2027-0002', 3],
    ]);
  });

  it('refuses a bad order naming every field, leaving the records as they were', async () => {
    const { app, admin } = plant;
    await expect(
      addOrder(app, admin, {
        consigneeId: 'navy',
        productId: 'x',
        quantity: 1.5,
        dueDate: '2027-02-30x',
        priority: 0,
      }),
    ).rejects.toMatchObject({
      code: 'order.invalid',
      problems: [
        { path: 'consignee', problem: 'no consignee navy' },
        { path: 'product', problem: 'no product x' },
        { path: 'quantity', problem: 'must be a whole number of rounds > 0, got 1.5' },
        { path: 'due', problem: 'must be a date YYYY-MM-DD, got "2027-02-30x"' },
        { path: 'priority', problem: 'must be a whole number ≥ 1, got 0' },
      ],
    });
    expect(await orderRepository(t.store).productionOrders()).toEqual([]);
  });

  it('receives component lots once, with our number beside the supplier’s', async () => {
    const { app, admin } = plant;
    const lot = await receiveComponents(app, admin, {
      componentId: 'case',
      supplier: 'Supplier A',
      supplierLot: ' A-114 ',
      quantity: 5000,
    });
    expect(lot).toMatchObject({
      lotNumber: 'CASE-27A-0001',
      supplierLot: 'A-114',
      remaining: 5000,
      actor: 'user:admin',
    });
    await expect(
      receiveComponents(app, admin, {
        componentId: 'case',
        supplier: 'Supplier A',
        supplierLot: 'A-114',
        quantity: 10,
      }),
    ).rejects.toMatchObject({ code: 'components.received' });
    await expect(
      receiveComponents(app, admin, {
        componentId: 'case',
        supplier: 'Supplier B',
        supplierLot: 'B-1',
        quantity: 0,
      }),
    ).rejects.toMatchObject({
      problems: [
        { path: 'supplier', problem: 'Supplier B is not a supplier of case (known: Supplier A)' },
        { path: 'quantity', problem: 'must be a whole number > 0, got 0' },
      ],
    });
  });
});
