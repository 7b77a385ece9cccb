import { staff } from '../../../app/auth/roles.ts';
import { pageComponentLots, receiveComponents } from '../../../app/production/components.ts';
import { keysetOf, pageOf } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import { ComponentLot, ComponentLotPage, ComponentLotQuery, ReceiveComponentsBody } from './schema.ts';

/** Component lots: deliveries of counted units, received into stock with our own lot number. */
export const componentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/component-lots',
    operationId: 'listComponentLots',
    summary: 'Component lots with what is left of each',
    tags: ['components'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { querystring: ComponentLotQuery, response: ComponentLotPage },
    handle: async ({ services, user, query }) =>
      pageOf(await pageComponentLots(await services.app(), user, keysetOf(query))),
  }),
  defineRoute({
    method: 'POST',
    url: '/component-lots',
    operationId: 'receiveComponents',
    summary: 'Receive a delivery of components; the receipt goes to the ledger',
    tags: ['components'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: ReceiveComponentsBody, response: ComponentLot },
    handle: async ({ services, user, body }) => receiveComponents(await services.app(), user, body),
  }),
];
