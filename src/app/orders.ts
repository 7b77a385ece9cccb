import { ValidationError, type FieldProblem } from '../domain/errors.ts';
import type { Executor } from '../store/database.ts';
import {
  orderRepository,
  type CustomerOrderRecord,
  type ProductionOrderRecord,
} from '../store/repositories/orders.ts';
import { plantRepository } from '../store/repositories/plant.ts';
import { mapPage, type Keyset, type KeysetPage } from '../store/keyset.ts';
import { sequenceRepository } from '../store/repositories/sequences.ts';
import { actorRef, requireRole, type Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import { withTransaction } from './transaction.ts';

export interface AddOrderInput {
  /** Who the rounds are for; a consignee user may leave it out (it is always their own). */
  readonly consigneeId?: string | undefined;
  readonly productId: string;
  readonly quantity: number;
  /** `YYYY-MM-DD`. */
  readonly dueDate: string;
  /** Higher is more urgent (default 1), as in the scenario's firm orders. */
  readonly priority?: number | undefined;
}

export interface OrderView extends CustomerOrderRecord {
  readonly productionOrderId: string | null;
  readonly productionOrderNumber: string | null;
  readonly status: string;
  /** Good rounds made so far for the order. */
  readonly made: number;
}

/**
 * Takes a customer order and opens the production order that will make it. Planners and admins
 * enter orders for any consignee; a consignee user places its own.
 *
 * @example
 * const order = await addOrder(app, ana, { consigneeId: 'army', productId: 'ball-ps', quantity: 528_000, dueDate: '2026-02-13' });
 * order.orderNumber; // 'CO-2026-0001'
 */
export async function addOrder(
  app: AppContext,
  actor: Actor,
  input: AddOrderInput,
): Promise<{ customerOrder: CustomerOrderRecord; productionOrder: ProductionOrderRecord }> {
  requireRole(actor, ['planner', 'admin', 'consignee'], 'place an order');
  const consigneeId =
    actor.kind === 'user' && actor.role === 'consignee'
      ? (actor.consigneeId ?? '')
      : (input.consigneeId ?? '');
  return withTransaction(app.store, async (tx) => {
    const problems = await checkOrder(tx, { ...input, consigneeId }, actor);
    if (problems.length > 0) {
      throw new ValidationError('order.invalid', `order has ${problems.length} problem(s)`, problems);
    }
    const plant = await plantRepository(tx).get();
    const plantId = plant?.id ?? '';
    const now = app.clock.now().toISOString();
    const year = now.slice(0, 4);
    const sequences = sequenceRepository(tx);
    const by = actorRef(actor);
    const customerOrder: CustomerOrderRecord = {
      id: app.ids.next('customer-order'),
      orderNumber: `CO-${year}-${String(await sequences.next(plantId, `customer-order:${year}`)).padStart(4, '0')}`,
      consigneeId,
      productId: input.productId,
      quantity: input.quantity,
      dueDate: input.dueDate,
      priority: input.priority ?? 1,
      createdAt: now,
      actor: by,
    };
    const productionOrder: ProductionOrderRecord = {
      id: app.ids.next('production-order'),
      orderNumber: `PO-${year}-${String(await sequences.next(plantId, `production-order:${year}`)).padStart(4, '0')}`,
      customerOrderId: customerOrder.id,
      productId: input.productId,
      quantity: input.quantity,
      dueDate: input.dueDate,
      priority: customerOrder.priority,
      status: 'open',
      createdAt: now,
      actor: by,
    };
    const orders = orderRepository(tx);
    await orders.insertCustomerOrder(customerOrder);
    await orders.insertProductionOrder(productionOrder);
    return { customerOrder, productionOrder };
  });
}

async function checkOrder(
  ex: Executor,
  input: AddOrderInput & { consigneeId: string },
  actor: Actor,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const plants = plantRepository(ex);
  if ((await plants.get()) === undefined)
    problems.push({ path: 'plant', problem: 'no plant yet: run headstamp init first' });
  if (input.consigneeId === '') {
    problems.push({
      path: 'consignee',
      problem: actor.role === 'consignee' ? 'this consignee user names no consignee' : 'is required',
    });
  } else if ((await plants.catalogueEntry('consignees', input.consigneeId)) === undefined) {
    problems.push({ path: 'consignee', problem: `no consignee ${input.consigneeId}` });
  }
  if ((await plants.catalogueEntry('products', input.productId)) === undefined) {
    problems.push({ path: 'product', problem: `no product ${input.productId}` });
  }
  if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) {
    problems.push({
      path: 'quantity',
      problem: `must be a whole number of rounds > 0, got ${input.quantity}`,
    });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate) || Number.isNaN(Date.parse(`${input.dueDate}T00:00:00Z`))) {
    problems.push({
      path: 'due',
      problem: `must be a date YYYY-MM-DD, got ${JSON.stringify(input.dueDate)}`,
    });
  }
  const priority = input.priority ?? 1;
  if (!Number.isSafeInteger(priority) || priority < 1) {
    problems.push({ path: 'priority', problem: `must be a whole number ≥ 1, got ${priority}` });
  }
  return problems;
}

/**
 * Customer orders with their production order's status and good rounds made. A consignee user
 * sees only its own.
 *
 * @example
 * const orders = await listOrders(app, ana);
 */
export async function listOrders(app: AppContext, actor: Actor): Promise<OrderView[]> {
  requireRole(
    actor,
    ['planner', 'admin', 'operator', 'quality', 'logistics', 'auditor', 'consignee'],
    'list orders',
  );
  const orders = orderRepository(app.store);
  const consigneeId =
    actor.kind === 'user' && actor.role === 'consignee' ? (actor.consigneeId ?? '') : undefined;
  const customer = await orders.customerOrders(consigneeId === undefined ? {} : { consigneeId });
  const production = await orders.productionOrders();
  const made = await goodByOrder(app.store);
  return customer.map((c) => {
    const p = production.find((o) => o.customerOrderId === c.id);
    return {
      ...c,
      productionOrderId: p?.id ?? null,
      productionOrderNumber: p?.orderNumber ?? null,
      status: p?.status ?? 'open',
      made: p === undefined ? 0 : (made.get(p.id) ?? 0),
    };
  });
}

async function goodByOrder(ex: Executor): Promise<Map<string, number>> {
  const rows = await ex.db
    .selectFrom('production_runs')
    .select((eb) => ['production_order_id', eb.fn.sum<number>('good').as('good')])
    .groupBy('production_order_id')
    .execute();
  return new Map(rows.map((r) => [r.production_order_id, Number(r.good)]));
}

/**
 * One page of customer orders by order number, each with its production order's status and good
 * rounds made, read for that page only. A consignee user sees only its own.
 *
 * @example
 * const { items, nextKey } = await pageOrders(app, ana, { limit: 20 });
 */
export async function pageOrders(
  app: AppContext,
  actor: Actor,
  page: Keyset,
): Promise<KeysetPage<OrderView>> {
  requireRole(
    actor,
    ['planner', 'admin', 'operator', 'quality', 'logistics', 'auditor', 'consignee'],
    'list orders',
  );
  const orders = orderRepository(app.store);
  const consigneeId =
    actor.kind === 'user' && actor.role === 'consignee' ? (actor.consigneeId ?? '') : undefined;
  const customer = await orders.customerOrderPage(page, consigneeId === undefined ? {} : { consigneeId });
  return mapPage(customer, ({ productionStatus, ...o }) => ({ ...o, status: productionStatus ?? 'open' }));
}
