import { staff } from '../../../app/auth/roles.ts';
import { pageLots, showLot } from '../../../app/production/lots-query.ts';
import { keysetOf, pageOf } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import { LotDetail, LotNumberParams, LotPage, LotQuery } from './schema.ts';

/** Lots: what the lines made, by lot number. */
export const lotRoutes = [
  defineRoute({
    method: 'GET',
    url: '/lots',
    operationId: 'listLots',
    summary: 'Lots, by lot number; optionally of one product or line',
    tags: ['lots'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { querystring: LotQuery, response: LotPage },
    handle: async ({ services, user, query }) => {
      const { limit, cursor, ...filter } = query;
      return pageOf(await pageLots(await services.app(), user, filter, keysetOf({ limit, cursor })));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/lots/:lotNumber',
    operationId: 'showLot',
    summary: 'One lot with its run, order and the component lots it consumed',
    tags: ['lots'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { params: LotNumberParams, response: LotDetail },
    handle: async ({ services, user, params }) => showLot(await services.app(), user, params.lotNumber),
  }),
];
