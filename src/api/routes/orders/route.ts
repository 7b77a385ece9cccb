import { everyone } from '../../../app/auth/roles.ts';
import { addOrder, pageOrders } from '../../../app/orders.ts';
import { keysetOf, pageOf } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import { AddedOrder, AddOrderBody, OrderPage, OrderQuery } from './schema.ts';

/** Customer orders and the production orders that make them. */
export const orderRoutes = [
  defineRoute({
    method: 'GET',
    url: '/orders',
    operationId: 'listOrders',
    summary: 'Customer orders with their status and rounds made (a consignee sees only its own)',
    tags: ['orders'],
    access: { roles: everyone },
    writes: false,
    cacheable: true,
    schema: { querystring: OrderQuery, response: OrderPage },
    handle: async ({ services, user, query }) =>
      pageOf(await pageOrders(await services.app(), user, keysetOf(query))),
  }),
  defineRoute({
    method: 'POST',
    url: '/orders',
    operationId: 'addOrder',
    summary: 'Place a customer order; opens its production order',
    tags: ['orders'],
    access: { roles: ['planner', 'admin', 'consignee'] },
    writes: true,
    status: 201,
    schema: { body: AddOrderBody, response: AddedOrder },
    handle: async ({ services, user, body }) => addOrder(await services.app(), user, body),
  }),
];
