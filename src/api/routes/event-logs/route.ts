import { staff } from '../../../app/auth/roles.ts';
import { pageLedgerEvents, pageLineEvents } from '../../../app/list-pages.ts';
import { keysetOf, pageOf } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import { LedgerEventPage, LedgerEventQuery, LineEventPage, LineEventQuery } from './schema.ts';

/** The two append-only logs read page by page: a line's events, and the ledger's events. */
export const eventLogRoutes = [
  defineRoute({
    method: 'GET',
    url: '/line-events',
    operationId: 'listLineEvents',
    summary: 'A line’s recorded events (states, counts, stops) in time order',
    tags: ['line data'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { querystring: LineEventQuery, response: LineEventPage },
    handle: async ({ services, user, query }) => {
      const { lineId, ...page } = query;
      return pageOf(await pageLineEvents(await services.app(), user, lineId, keysetOf(page)));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/ledger/events',
    operationId: 'listLedgerEvents',
    summary: 'The ledger’s events in log order, each with its index, leaf hash and EPCIS event',
    tags: ['ledger'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { querystring: LedgerEventQuery, response: LedgerEventPage },
    handle: async ({ services, user, query }) =>
      pageOf(await pageLedgerEvents(await services.app(), user, keysetOf(query))),
  }),
];
