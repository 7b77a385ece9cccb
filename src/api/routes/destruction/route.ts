import { destroyRounds } from '../../../app/custody/destroy.ts';
import { defineRoute } from '../../route.ts';
import { DestroyBody, DestroyOutcome } from './schema.ts';

/** Destroying rounds: loose rounds of a lot, or a crate or pallet whole, with a reason. */
export const destructionRoutes = [
  defineRoute({
    method: 'POST',
    url: '/destructions',
    operationId: 'destroyRounds',
    summary: 'Destroy a lot’s loose rounds, or a crate or pallet whole, with a reason',
    description:
      'Where the plant asks four eyes for destruction, the answer is `{"status": "awaiting_approval", "request"}` and a second person (quality, logistics or admin) approves it at POST /approvals/{number}/approve; otherwise `{"status": "done", "result"}`.',
    tags: ['stock'],
    access: { roles: ['quality', 'logistics', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: DestroyBody, response: DestroyOutcome },
    handle: async ({ services, user, body }) => destroyRounds(await services.app(), user, body),
  }),
];
