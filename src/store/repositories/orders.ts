import { directReader } from '../sqlite/version.ts';
import { isTx, type Executor } from '../database.ts';
import { sqliteCustomerOrderPage } from '../sqlite/list-pages.ts';
import { keysetPage, type Keyset, type KeysetPage } from '../keyset.ts';

export interface CustomerOrderRecord {
  readonly id: string;
  readonly orderNumber: string;
  readonly consigneeId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly dueDate: string;
  readonly priority: number;
  readonly createdAt: string;
  readonly actor: string;
}

/** A customer order with its production order (null before one is made) and good rounds made. */
export interface CustomerOrderWithProduction extends CustomerOrderRecord {
  readonly productionOrderId: string | null;
  readonly productionOrderNumber: string | null;
  readonly productionStatus: ProductionOrderStatus | null;
  readonly made: number;
}

export type ProductionOrderStatus = 'open' | 'running' | 'done';

export interface ProductionOrderRecord {
  readonly id: string;
  readonly orderNumber: string;
  readonly customerOrderId: string | null;
  readonly productId: string;
  readonly quantity: number;
  readonly dueDate: string;
  readonly priority: number;
  readonly status: ProductionOrderStatus;
  readonly createdAt: string;
  readonly actor: string;
}

/**
 * Customer orders and the production orders made for them.
 *
 * @example
 * const open = await orderRepository(store).productionOrders({ status: ['open', 'running'] });
 */
export function orderRepository(ex: Executor) {
  const { db } = ex;
  /** The page query through Kysely (PostgreSQL; the SQLite fast path runs the same SQL prepared once). */
  const pgCustomerOrderPage = async (page: Keyset, filter: { consigneeId?: string }): Promise<PageRow[]> => {
    let q = db
      .selectFrom('customer_orders')
      .leftJoin('production_orders as po', 'po.customer_order_id', 'customer_orders.id')
      .selectAll('customer_orders')
      .select((eb) => [
        'po.id as po_id',
        'po.order_number as po_number',
        'po.status as po_status',
        eb
          .selectFrom('production_runs as r')
          .select((r) => r.fn.sum<number>('r.good').as('made'))
          .whereRef('r.production_order_id', '=', 'po.id')
          .as('made'),
      ]);
    if (filter.consigneeId !== undefined)
      q = q.where('customer_orders.consignee_id', '=', filter.consigneeId);
    if (page.after !== undefined) q = q.where('customer_orders.order_number', '>', page.after);
    return q
      .orderBy('customer_orders.order_number')
      .limit(page.limit + 1)
      .execute();
  };
  return {
    async insertCustomerOrder(o: CustomerOrderRecord): Promise<void> {
      await db
        .insertInto('customer_orders')
        .values({
          id: o.id,
          order_number: o.orderNumber,
          consignee_id: o.consigneeId,
          product_id: o.productId,
          quantity: o.quantity,
          due_date: o.dueDate,
          priority: o.priority,
          created_at: o.createdAt,
          actor: o.actor,
        })
        .execute();
    },

    async insertProductionOrder(o: ProductionOrderRecord): Promise<void> {
      await db
        .insertInto('production_orders')
        .values({
          id: o.id,
          order_number: o.orderNumber,
          customer_order_id: o.customerOrderId,
          product_id: o.productId,
          quantity: o.quantity,
          due_date: o.dueDate,
          priority: o.priority,
          status: o.status,
          created_at: o.createdAt,
          actor: o.actor,
        })
        .execute();
    },

    async customerOrders(filter: { consigneeId?: string } = {}): Promise<CustomerOrderRecord[]> {
      let q = db.selectFrom('customer_orders').selectAll();
      if (filter.consigneeId !== undefined) q = q.where('consignee_id', '=', filter.consigneeId);
      const rows = await q.orderBy('created_at').orderBy('order_number').execute();
      return rows.map(toCustomerOrder);
    },

    /**
     * One page of customer orders by order number (optionally of one consignee), each with its
     * production order and the good rounds its runs made: one query, joined by index.
     */
    async customerOrderPage(
      page: Keyset,
      filter: { consigneeId?: string } = {},
    ): Promise<KeysetPage<CustomerOrderWithProduction>> {
      const sqlite = directReader(ex.native, isTx(ex));
      const rows =
        sqlite !== undefined
          ? sqliteCustomerOrderPage<PageRow>(sqlite, {
              ...filter,
              after: page.after,
              limit: page.limit + 1,
            })
          : await pgCustomerOrderPage(page, filter);
      // Each customer order has one production order (addOrder opens it, and nothing else does); were
      // there ever more, one would stand for it and the page could come out a row short.
      const seen = new Set<string>();
      const orders = rows
        .filter((r) => !seen.has(r.id) && seen.add(r.id) !== undefined)
        .map((r): CustomerOrderWithProduction => ({
          ...toCustomerOrder(r),
          productionOrderId: r.po_id,
          productionOrderNumber: r.po_number,
          productionStatus: r.po_status as ProductionOrderStatus | null,
          made: Number(r.made ?? 0),
        }));
      return keysetPage(orders, page, (o) => o.orderNumber);
    },

    async productionOrders(
      filter: { status?: readonly ProductionOrderStatus[] } = {},
    ): Promise<ProductionOrderRecord[]> {
      let q = db.selectFrom('production_orders').selectAll();
      if (filter.status !== undefined && filter.status.length > 0)
        q = q.where('status', 'in', [...filter.status]);
      const rows = await q.orderBy('created_at').orderBy('order_number').execute();
      return rows.map(toProductionOrder);
    },

    async productionOrder(id: string): Promise<ProductionOrderRecord | undefined> {
      const r = await db.selectFrom('production_orders').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : toProductionOrder(r);
    },

    async setStatus(id: string, status: ProductionOrderStatus): Promise<void> {
      await db.updateTable('production_orders').set({ status }).where('id', '=', id).execute();
    },
  };
}

/** A row of the customer-order page: the order, its production order, the good rounds made. */
type PageRow = CustomerOrderRow & {
  po_id: string | null;
  po_number: string | null;
  po_status: string | null;
  made: number | string | null;
};

type CustomerOrderRow = {
  id: string;
  order_number: string;
  consignee_id: string;
  product_id: string;
  quantity: number;
  due_date: string;
  priority: number;
  created_at: string;
  actor: string;
};

function toCustomerOrder(r: CustomerOrderRow): CustomerOrderRecord {
  return {
    id: r.id,
    orderNumber: r.order_number,
    consigneeId: r.consignee_id,
    productId: r.product_id,
    quantity: r.quantity,
    dueDate: r.due_date,
    priority: r.priority,
    createdAt: r.created_at,
    actor: r.actor,
  };
}

function toProductionOrder(r: {
  id: string;
  order_number: string;
  customer_order_id: string | null;
  product_id: string;
  quantity: number;
  due_date: string;
  priority: number;
  status: string;
  created_at: string;
  actor: string;
}): ProductionOrderRecord {
  return {
    id: r.id,
    orderNumber: r.order_number,
    customerOrderId: r.customer_order_id,
    productId: r.product_id,
    quantity: r.quantity,
    dueDate: r.due_date,
    priority: r.priority,
    status: r.status as ProductionOrderStatus,
    createdAt: r.created_at,
    actor: r.actor,
  };
}

export type OrderRepository = ReturnType<typeof orderRepository>;
