import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus metrics, one registry per server so that two servers in one process (tests)
 * never share counters.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.lineEventsIngested.inc({ outcome: 'accepted' }, 120);
 * const text = await metrics.registry.metrics();
 */
export interface ApiMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly latency: Histogram<'method' | 'route'>;
  /** Line events received over HTTP, by outcome (`accepted`, `duplicate`, `rejected`). */
  readonly lineEventsIngested: Counter<'outcome'>;
  /** Ledger events appended since this server started (by its requests, or beside it). */
  readonly ledgerEventsAppended: Counter;
  /** Events in the ledger, as last seen. */
  readonly ledgerSize: Gauge;
  /** Lookups of kept answers by cacheable routes: `hit`, `miss`, `bypass` (records mid-write, or a backend without a cheap version). */
  readonly readCache: Counter<'outcome'>;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): ApiMetrics {
  const registry = new Registry();
  if (options.processMetrics === true) collectDefaultMetrics({ register: registry, prefix: 'headstamp_' });
  return {
    registry,
    requests: new Counter({
      name: 'headstamp_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'headstamp_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    lineEventsIngested: new Counter({
      name: 'headstamp_line_events_ingested_total',
      help: 'Line events received through the HTTP batch ingest, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    ledgerEventsAppended: new Counter({
      name: 'headstamp_ledger_events_appended_total',
      help: 'Ledger events appended since this server started',
      registers: [registry],
    }),
    ledgerSize: new Gauge({
      name: 'headstamp_ledger_events',
      help: 'Events in the ledger, as last seen',
      registers: [registry],
    }),
    readCache: new Counter({
      name: 'headstamp_read_cache_lookups_total',
      help: 'Answers of cacheable read routes, by outcome: hit (kept answer), miss, bypass (not keepable now)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

/**
 * Counts and times every answered request. Routes are labelled by their pattern (`/api/v1/lots/:id`),
 * never the raw URL, so that the number of series stays bounded.
 */
export function instrument(fastify: FastifyInstance, metrics: ApiMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    metrics.requests.inc({ method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method, route }, reply.elapsedTime / 1000);
    done();
  });
}
