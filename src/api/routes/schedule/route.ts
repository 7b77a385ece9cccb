import { currentSchedule, makeSchedule } from '../../../app/production/schedule.ts';
import { defineRoute } from '../../route.ts';
import { CurrentSchedule, MadeSchedule, MakeScheduleBody } from './schema.ts';

/** The finite-capacity schedule of open orders on the lines. */
export const scheduleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/schedule',
    operationId: 'currentSchedule',
    summary: 'The schedule in force',
    tags: ['schedule'],
    access: { roles: ['planner', 'admin', 'operator', 'quality', 'logistics', 'auditor'] },
    writes: false,
    schema: { response: CurrentSchedule },
    handle: async ({ services, user }) => currentSchedule(await services.app(), user),
  }),
  defineRoute({
    method: 'POST',
    url: '/schedule',
    operationId: 'makeSchedule',
    summary: 'Schedule the open orders on the lines (changeovers, shifts, due dates)',
    tags: ['schedule'],
    access: { roles: ['planner', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: MakeScheduleBody, response: MadeSchedule },
    handle: async ({ services, user, body }) =>
      makeSchedule(
        await services.app(),
        user,
        body.blockedMinutes !== undefined ? { blockedMinutes: body.blockedMinutes } : {},
      ),
  }),
];
