import type { FastifyInstance } from 'fastify';
import { ledgerRecords } from '../app/ledger/records.ts';
import type { Store } from '../store/database.ts';
import type { ApiMetrics } from './metrics.ts';

/**
 * Keeps the ledger metrics: the ledger's size is read when the server starts (the baseline), after
 * every request that wrote, and before every scrape; growth since the last look is counted as events
 * appended. Reading the size after the fact, rather than counting inside each use case, keeps the
 * count right whoever appended (a route, an import, the twin) and costs one small query per write.
 *
 * @example
 * const watch = watchLedger(fastify, store, metrics);
 * await watch.catchUp();
 */
export function watchLedger(
  fastify: FastifyInstance,
  store: Store,
  metrics: ApiMetrics,
  writes: (routeUrl: string | undefined, method: string) => boolean,
): { catchUp(): Promise<void> } {
  let seen: number | undefined;
  let running: Promise<void> | undefined;
  const look = async (): Promise<void> => {
    try {
      const { size } = await ledgerRecords(store).treeHead();
      if (seen !== undefined && size > seen) metrics.ledgerEventsAppended.inc(size - seen);
      seen = Math.max(seen ?? 0, size);
      metrics.ledgerSize.set(size);
    } catch (error) {
      fastify.log.warn({ err: error }, 'ledger size unreadable');
    }
  };
  const catchUp = (): Promise<void> => {
    running ??= look().finally(() => {
      running = undefined;
    });
    return running;
  };
  fastify.addHook('onReady', catchUp);
  fastify.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode < 400 && writes(request.routeOptions.url, request.method)) void catchUp();
    done();
  });
  return { catchUp };
}
