import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import {
  packedTestLot,
  receiveTestComponents,
  setUpCustodyPlant,
  testAuthorisation,
  type CustodyPlant,
} from '../../test/support/custody.ts';
import { commissionTestLot } from '../../test/support/lots.ts';
import type { Keyset, KeysetPage } from '../store/keyset.ts';
import { approveRequest } from './custody/approve.ts';
import { listApprovals, pageApprovals } from './custody/approvals.ts';
import { listAuthorisations, pageAuthorisations } from './custody/authorisations.ts';
import { dispatchShipment } from './custody/dispatch.ts';
import { createShipment, listShipments, pageShipments } from './custody/shipments.ts';
import { addOrder, listOrders, pageOrders } from './orders.ts';
import { listStock, pageStock } from './packing/stock.ts';
import { listComponentLots, pageComponentLots } from './production/components.ts';
import { listLots, pageLots } from './production/lots-query.ts';
import { addUser, listUsers, pageUsers } from './users.ts';

/**
 * Walks a paged list to its end with pages of `limit`, calling `between` after each page (to add rows
 * while a client is paging). Fails if the walk does not end.
 */
async function walk<T>(
  read: (page: Keyset) => Promise<KeysetPage<T>>,
  limit: number,
  between: (pageIndex: number) => Promise<void> = async () => {},
): Promise<T[]> {
  const seen: T[] = [];
  let after: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await read(after === undefined ? { limit } : { limit, after });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextKey !== null) expect(page.items).toHaveLength(limit);
    seen.push(...page.items);
    if (page.nextKey === null) return seen;
    after = page.nextKey;
    await between(i);
  }
  throw new Error('the walk did not end');
}

/** Byte order, as both dialects compare these keys (SQLite BINARY, PostgreSQL C collation). */
const sorted = (keys: readonly string[], order: 'asc' | 'desc' = 'asc'): string[] => {
  const out = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return order === 'asc' ? out : out.reverse();
};

describe('lists paged in the records (keyset): every row exactly once, in order', () => {
  let t: TestDatabase;
  let plant: CustodyPlant;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    plant = await setUpCustodyPlant(t.store);
  });

  const order = (consigneeId: string) =>
    addOrder(plant.app, plant.admin, {
      consigneeId,
      productId: 'ball-ps',
      quantity: 1000,
      dueDate: '2027-03-01',
    });

  it('orders: whatever the page size, and with orders placed while paging', async () => {
    for (let i = 0; i < 7; i++) await order(i % 3 === 0 ? 'police' : 'army');
    for (const limit of [1, 2, 3, 7, 8, 500]) {
      const walked = await walk((p) => pageOrders(plant.app, plant.admin, p), limit);
      const all = await listOrders(plant.app, plant.admin);
      expect(walked).toEqual(
        sorted(all.map((o) => o.orderNumber)).map((n) => all.find((o) => o.orderNumber === n)),
      );
    }
    // Orders placed during the walk come after every page already read, so they are seen once too.
    const walked = await walk(
      (p) => pageOrders(plant.app, plant.admin, p),
      3,
      async (i) => {
        if (i < 2) await order('army');
      },
    );
    const numbers = walked.map((o) => o.orderNumber);
    expect(numbers).toHaveLength(9);
    expect(new Set(numbers).size).toBe(9);
    expect(numbers).toEqual(sorted((await listOrders(plant.app, plant.admin)).map((o) => o.orderNumber)));
    // A consignee walks only its own.
    const own = await walk((p) => pageOrders(plant.app, plant.people.police, p), 1);
    expect(own.map((o) => o.consigneeId)).toEqual(['police', 'police', 'police']);
  });

  it('orders: the page carries status and rounds made, as the whole list does', async () => {
    const lot = await commissionTestLot(plant, 1200);
    await order('army');
    const paged = await walk((p) => pageOrders(plant.app, plant.admin, p), 1);
    const all = await listOrders(plant.app, plant.admin);
    expect(new Map(paged.map((o) => [o.id, o]))).toEqual(new Map(all.map((o) => [o.id, o])));
    expect(paged.some((o) => o.made === lot.quantity)).toBe(true);
  });

  it('lots and component lots: by number, with lots made while paging', async () => {
    await receiveTestComponents(plant, 'primer', 1_000_000, 'B-1');
    await receiveTestComponents(plant, 'primer', 1_000_000, 'B-2');
    for (let i = 0; i < 4; i++) await commissionTestLot(plant, 500 + i);
    const walked = await walk(
      (p) => pageLots(plant.app, plant.admin, {}, p),
      2,
      async (i) => {
        if (i === 0) await commissionTestLot(plant, 999);
      },
    );
    const all = await listLots(plant.app, plant.admin);
    expect(all).toHaveLength(5);
    expect(walked.map((l) => l.lotNumber)).toEqual(sorted(all.map((l) => l.lotNumber)));
    expect((await walk((p) => pageLots(plant.app, plant.admin, { lineId: 'L2' }, p), 2)).length).toBe(0);
    const components = await walk((p) => pageComponentLots(plant.app, plant.admin, p), 1);
    expect(components.map((c) => c.lotNumber)).toEqual(
      sorted((await listComponentLots(plant.app, plant.admin)).map((c) => c.lotNumber)),
    );
  });

  it('users: by name; a consignee sees only itself', async () => {
    const walked = await walk(
      (p) => pageUsers(plant.app, plant.admin, p),
      2,
      async (i) => {
        // One name before the boundary (not seen: the walk is past it), one after (seen).
        if (i === 0) {
          await addUser(plant.app, plant.admin, { name: 'aaron', role: 'operator' });
          await addUser(plant.app, plant.admin, { name: 'zed', role: 'operator' });
        }
      },
    );
    const names = walked.map((u) => u.name);
    const all = (await listUsers(plant.app, plant.admin)).map((u) => u.name);
    expect(names).toEqual(sorted(all).filter((n) => n !== 'aaron'));
    expect(names).toContain('zed');
    expect((await walk((p) => pageUsers(plant.app, plant.people.army, p), 5)).map((u) => u.name)).toEqual([
      'armyclerk',
    ]);
  });

  it('stock: the same lines and location use as the whole list, one page at a time', async () => {
    await packedTestLot(plant, 2000);
    await commissionTestLot(plant, 700); // never placed: loose in quarantine
    const whole = await listStock(plant.app, plant.admin);
    expect(whole.lines.length).toBeGreaterThan(1);
    const pages: Awaited<ReturnType<typeof pageStock>>[] = [];
    const walked = await walk(async (p) => {
      const page = await pageStock(plant.app, plant.admin, p);
      pages.push(page);
      return page;
    }, 1);
    expect(walked.map((l) => l.id)).toEqual(sorted(whole.lines.map((l) => l.id)));
    expect(new Map(walked.map((l) => [l.id, l]))).toEqual(new Map(whole.lines.map((l) => [l.id, l])));
    for (const page of pages) expect(page.locations).toEqual(whole.locations);
  });

  it('authorisations, approvals and shipments: in order, rows added on both sides of the boundary', async () => {
    for (const n of ['EUC-B', 'EUC-D', 'EUC-F']) await testAuthorisation(plant, { number: n });
    const walked = await walk(
      (p) => pageAuthorisations(plant.app, plant.admin, {}, p),
      1,
      async (i) => {
        if (i === 0) {
          await testAuthorisation(plant, { number: 'EUC-A' }); // before the boundary: not seen
          await testAuthorisation(plant, { number: 'EUC-E' }); // after it: seen
        }
      },
    );
    expect(walked.map((a) => a.number)).toEqual(['EUC-B', 'EUC-D', 'EUC-E', 'EUC-F']);
    const all = await listAuthorisations(plant.app, plant.admin);
    expect(new Map(walked.map((a) => [a.id, a]))).toEqual(
      new Map(all.filter((a) => a.number !== 'EUC-A').map((a) => [a.id, a])),
    );

    // Approvals: newest number first, every one exactly once.
    const approvals = await walk((p) => pageApprovals(plant.app, plant.admin, { all: true }, p), 2);
    const allApprovals = await listApprovals(plant.app, plant.admin, { all: true });
    expect(approvals.map((a) => a.requestNumber)).toEqual(
      sorted(
        allApprovals.map((a) => a.requestNumber),
        'desc',
      ),
    );
    expect(approvals.length).toBe(5);

    const { clerk, clerk2 } = plant.people;
    for (let i = 0; i < 3; i++) {
      const { ssccs } = await packedTestLot(plant, 400);
      const planned = await createShipment(plant.app, clerk, {
        consigneeId: 'army',
        ssccs,
        authorisation: 'EUC-B',
        transportRef: `TR-${i}`,
        invoiceRef: `INV-${i}`,
      });
      if (i === 0) {
        const out = await dispatchShipment(plant.app, clerk, planned.shipmentNumber);
        if (out.status === 'awaiting_approval')
          await approveRequest(plant.app, clerk2, out.request.requestNumber);
      }
    }
    const shipments = await walk((p) => pageShipments(plant.app, plant.admin, p), 2);
    const allShipments = await listShipments(plant.app, plant.admin);
    expect(shipments.map((s) => s.shipmentNumber)).toEqual(sorted(allShipments.map((s) => s.shipmentNumber)));
    expect(new Map(shipments.map((s) => [s.id, s]))).toEqual(new Map(allShipments.map((s) => [s.id, s])));
    expect(await walk((p) => pageShipments(plant.app, plant.people.police, p), 2)).toEqual([]);
    const used = (await walk((p) => pageAuthorisations(plant.app, plant.admin, {}, p), 10)).find(
      (a) => a.number === 'EUC-B',
    );
    expect(used?.used).toBe(1200);
  });
});
