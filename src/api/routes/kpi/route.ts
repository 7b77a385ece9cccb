import { staff } from '../../../app/auth/roles.ts';
import { lineKpis } from '../../../app/production/kpi.ts';
import { paginate } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import { KpiPage, KpiQuery } from './schema.ts';

/** ISO 22400 time elements and KPIs per line, by shift or day, from the line data. */
export const kpiRoutes = [
  defineRoute({
    method: 'GET',
    url: '/kpi',
    operationId: 'lineKpis',
    summary: 'Availability, effectiveness, quality ratio and OEE per line and shift (or day)',
    tags: ['kpi'],
    access: { roles: staff },
    writes: false,
    schema: { querystring: KpiQuery, response: KpiPage },
    handle: async ({ services, user, query }) => {
      const { limit, cursor, ...filter } = query;
      const rows = await lineKpis(await services.app(), user, {
        ...filter,
        by: filter.by === 'day' ? 'day' : filter.by === 'shift' ? 'shift' : undefined,
      });
      return paginate(rows, (r) => r.id, { limit, cursor });
    },
  }),
];
