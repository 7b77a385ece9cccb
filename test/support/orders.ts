import type { Actor } from '../../src/app/actor.ts';
import type { AppContext } from '../../src/app/context.ts';
import { addOrder } from '../../src/app/orders.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import { scheduleRepository } from '../../src/store/repositories/schedules.ts';

/**
 * Places an order and puts it on a line in a new schedule of its own, without the scheduler:
 * for tests of what happens on the line.
 *
 * @example
 * const order = await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 2500 });
 */
export async function orderOnLine(
  app: AppContext,
  actor: Actor,
  input: { lineId: string; productId: string; quantity: number; dueDate?: string },
): Promise<{ productionOrderId: string; orderNumber: string }> {
  const { productionOrder } = await addOrder(app, actor, {
    consigneeId: 'army',
    productId: input.productId,
    quantity: input.quantity,
    dueDate: input.dueDate ?? '2027-01-29',
  });
  const now = app.clock.now().toISOString();
  const previous = (await scheduleRepository(app.store).latest())?.placements ?? [];
  await withTransaction(app.store, (tx) =>
    scheduleRepository(tx).insert(
      { id: app.ids.next('schedule'), createdAt: now, startsAt: now, reason: 'test', actor: 'user:admin' },
      [
        ...previous,
        {
          seq: previous.length + 1,
          productionOrderId: productionOrder.id,
          lineId: input.lineId,
          productId: input.productId,
          quantity: input.quantity,
          startsAt: now,
          endsAt: now,
          changeoverMinutes: 0,
          late: false,
        },
      ],
    ),
  );
  return { productionOrderId: productionOrder.id, orderNumber: productionOrder.orderNumber };
}
