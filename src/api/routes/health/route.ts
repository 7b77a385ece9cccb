import { sql } from 'kysely';
import { HeadstampError } from '../../../domain/errors.ts';
import { defineRoute } from '../../route.ts';
import { Health, MetricsText, Readiness } from './schema.ts';

/** Liveness, readiness and metrics: public, outside /api/v1, for load balancers and Prometheus. */
export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/healthz',
    root: true,
    operationId: 'health',
    summary: 'The server process is up',
    tags: ['operations'],
    access: { public: true },
    writes: false,
    schema: { response: Health },
    handle: () => ({ status: 'ok' as const }),
  }),
  defineRoute({
    method: 'GET',
    url: '/readyz',
    root: true,
    operationId: 'readiness',
    summary: 'The server can reach its records',
    description: 'Runs one query on the database; 503 if it does not answer.',
    tags: ['operations'],
    access: { public: true },
    writes: false,
    schema: { response: Readiness },
    handle: async ({ services }) => {
      const store = services.store;
      try {
        // A database that hangs (a dropped network) must not hang the probe: give it two seconds.
        await Promise.race([
          sql`select 1`.execute(store.db),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 2 s')), 2000).unref()),
        ]);
      } catch (error) {
        throw new HeadstampError('store.unreachable', 'unavailable', 'database: does not answer', {
          cause: error instanceof Error ? error.message : String(error),
        });
      }
      return { status: 'ready' as const, database: store.dialect };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/metrics',
    root: true,
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    description:
      'Requests by route and status, latency histogram, line events ingested, ledger events appended.',
    tags: ['operations'],
    access: { public: true },
    writes: false,
    produces: 'text/plain; version=0.0.4; charset=utf-8',
    schema: { response: MetricsText },
    handle: ({ services }) => services.metrics.registry.metrics(),
  }),
];
