import { plantClock, setPlantClock } from '../../../app/clock.ts';
import { setUpPlant } from '../../../app/plant-setup.ts';
import { inField } from '../../errors.ts';
import { defineRoute } from '../../route.ts';
import { PlantClockBody, PlantClockResult, PlantSetupBody, PlantSetupResult } from './schema.ts';

/** The plant's set-up from a scenario file, and its clock. */
export const plantRoutes = [
  defineRoute({
    method: 'PUT',
    url: '/plant',
    operationId: 'setUpPlant',
    summary: 'Load the plant from a scenario file',
    description:
      'The same file again changes nothing; a changed file becomes a new configuration version, kept with its text.',
    tags: ['plant'],
    access: { roles: ['admin'] },
    writes: true,
    bodyLimit: 2 * 1024 * 1024,
    schema: { body: PlantSetupBody, response: PlantSetupResult },
    handle: ({ services, user, body }) =>
      inField('source', async () => setUpPlant(await services.app(), user, { source: body.source })),
  }),
  defineRoute({
    method: 'PUT',
    url: '/plant/clock',
    operationId: 'setPlantClock',
    summary: 'Switch the records to real or simulated time',
    tags: ['plant'],
    access: { roles: ['admin'] },
    writes: true,
    schema: { body: PlantClockBody, response: PlantClockResult },
    handle: async ({ services, user, body }) => {
      const app = await services.app();
      await setPlantClock(app, user, {
        mode: body.mode,
        ...(body.now !== undefined ? { now: new Date(body.now) } : {}),
      });
      const clock = await plantClock(services.store);
      return { mode: body.mode, now: clock.now().toISOString() };
    },
  }),
];
