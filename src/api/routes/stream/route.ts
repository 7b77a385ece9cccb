import { PassThrough } from 'node:stream';
import { everyone } from '../../../app/auth/roles.ts';
import { defineRoute } from '../../route.ts';
import { StreamText } from './schema.ts';

/** The plant as it happens, for screens: server-sent events (see StreamHub and `hears`). */
export const streamRoutes = [
  defineRoute({
    method: 'GET',
    url: '/stream',
    operationId: 'liveStream',
    summary: 'Live line states, counts, lots and ledger head as server-sent events',
    description:
      'Stays open; a heartbeat every 15 s. The staff and the auditor hear everything; a consignee hears ' +
      'the lines’ states and the heartbeat only. Read the records first, then follow the stream: nothing ' +
      'is replayed on reconnecting.',
    tags: ['live'],
    access: { roles: everyone },
    writes: false,
    produces: 'text/event-stream',
    schema: { response: StreamText },
    handle: ({ services, user, reply }) => {
      const out = new PassThrough();
      void reply.header('cache-control', 'no-cache, no-transform');
      void reply.header('x-accel-buffering', 'no');
      const remove = services.stream.add(user.role, out);
      reply.raw.on('close', () => {
        remove();
        out.destroy();
      });
      // A stream is sent as it is written, not serialised: the response schema only documents it.
      return out as unknown as string;
    },
  }),
];
