import { withApp } from '../../app/open.ts';
import { addOrder, listOrders } from '../../app/orders.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/** `headstamp orders add|list`: customer orders and their production orders. */
export const registerOrders: RegisterCommand = (program, context) => {
  const orders = program.command('orders').description('Customer and production orders');
  orders
    .command('add')
    .description('Place a customer order (opens its production order)')
    .requiredOption('--product <id>', 'product id')
    .requiredOption('--quantity <rounds>', 'rounds', (v) => Number(v))
    .requiredOption('--due <date>', 'due date YYYY-MM-DD')
    .option('--consignee <id>', 'consignee id (a consignee user orders for itself)')
    .option('--priority <n>', 'higher is more urgent (default 1)', (v) => Number(v))
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        product: string;
        quantity: number;
        due: string;
        consignee?: string;
        priority?: number;
        as?: string;
        json?: boolean;
      }) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const { customerOrder, productionOrder } = await addOrder(app, actor, {
            consigneeId: options.consignee,
            productId: options.product,
            quantity: options.quantity,
            dueDate: options.due,
            priority: options.priority,
          });
          if (options.json === true) context.out.json({ ...customerOrder, productionOrder });
          else
            context.out.line(
              `${customerOrder.orderNumber}: ${customerOrder.quantity.toLocaleString('en-US')} ${customerOrder.productId} for ${customerOrder.consigneeId}, due ${customerOrder.dueDate} (production order ${productionOrder.orderNumber})`,
            );
        });
      },
    );
  orders
    .command('list')
    .description('List customer orders with their progress')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const list = await listOrders(app, actor);
        if (options.json === true) context.out.json(list);
        else
          context.out.table(
            list.map((o) => ({
              order: o.orderNumber,
              consignee: o.consigneeId,
              product: o.productId,
              quantity: o.quantity,
              due: o.dueDate,
              priority: o.priority,
              production: o.productionOrderNumber,
              status: o.status,
              made: o.made,
            })),
          );
      });
    });
};
