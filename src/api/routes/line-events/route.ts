import { ingestLineEvents } from '../../../app/production/ingest.ts';
import { defineRoute } from '../../route.ts';
import { IngestResult, LineEventBatch, maxBatch } from './schema.ts';

/** Line data over HTTP: the batch ingest that real lines and the twin both use. */
export const lineEventRoutes = [
  defineRoute({
    method: 'POST',
    url: '/line-events',
    operationId: 'ingestLineEvents',
    summary: 'Record a batch of line events (states, counts, stops)',
    description:
      `Up to ${maxBatch} events. Each event is answered on its own: accepted, duplicate (its eventId was ` +
      'seen before) or refused with the fields at fault; valid events are kept even when others are refused. ' +
      'A malformed batch (wrong types, unknown fields) is refused whole with 400.',
    tags: ['line data'],
    access: { roles: ['operator', 'admin'] },
    writes: true,
    bodyLimit: 4 * 1024 * 1024,
    schema: { body: LineEventBatch, response: IngestResult },
    handle: async ({ services, user, body }) => {
      const result = await ingestLineEvents(await services.app(), user, body.events);
      const counter = services.metrics.lineEventsIngested;
      counter.inc({ outcome: 'accepted' }, result.accepted);
      counter.inc({ outcome: 'duplicate' }, result.duplicates);
      counter.inc({ outcome: 'refused' }, result.refused);
      return result;
    },
  }),
];
