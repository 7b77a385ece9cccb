import { staff } from '../../../app/auth/roles.ts';
import { plantScenario } from '../../../app/plant-setup.ts';
import { parseScenarioText } from '../../../app/scenario/load.ts';
import { DAY } from '../../../sim/calendar.ts';
import { inField } from '../../errors.ts';
import { paginate } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import type { SimulationJob } from '../../simulations/jobs.ts';
import {
  Simulation,
  SimulationPage,
  SimulationParams,
  SimulationQuery,
  SimulationResult,
  StartSimulationBody,
} from './schema.ts';

const view = (job: SimulationJob) => ({
  id: job.id,
  status: job.status,
  replications: job.replications,
  seed: job.seed,
  horizonDays: job.horizonDays,
  requestedBy: job.requestedBy,
  source: job.source,
  progress: { done: job.done, total: job.replications },
  createdAt: job.createdAt,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
  error: job.error,
});

const studyRoles = ['planner', 'admin'] as const;

/** Capacity studies: Monte Carlo simulation of the plant, run in the background on worker threads. */
export const simulationRoutes = [
  defineRoute({
    method: 'POST',
    url: '/simulations',
    operationId: 'startSimulation',
    summary: 'Start a capacity study; follow it at /simulations/{id}',
    description:
      'Runs in a worker thread of its own; studies beyond one at a time queue. A study is a computation, ' +
      'not a record: it changes nothing and can be run again from its seed.',
    tags: ['simulations'],
    access: { roles: studyRoles },
    writes: false,
    status: 202,
    bodyLimit: 2 * 1024 * 1024,
    schema: { body: StartSimulationBody, response: Simulation },
    handle: async ({ services, user, body }) => {
      const scenario =
        body.scenario === undefined
          ? await plantScenario(services.store)
          : await inField('scenario', () =>
              Promise.resolve(parseScenarioText(body.scenario ?? '', 'scenario')),
            );
      const horizonDays = body.horizonDays ?? scenario.simulation.horizonDays;
      const job = services.simulations.start({
        scenario,
        replications: body.replications ?? scenario.simulation.replications,
        seed: body.seed ?? scenario.simulation.seed,
        horizon: horizonDays * DAY,
        horizonDays,
        requestedBy: `user:${user.id}`,
        source: body.scenario === undefined ? 'records' : 'posted',
      });
      return view(job);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/simulations',
    operationId: 'listSimulations',
    summary: 'Capacity studies, newest first',
    tags: ['simulations'],
    access: { roles: staff },
    writes: false,
    schema: { querystring: SimulationQuery, response: SimulationPage },
    handle: ({ services, query }) =>
      paginate(services.simulations.list().map(view), (j) => `${j.createdAt}|${j.id}`, query, 'desc'),
  }),
  defineRoute({
    method: 'GET',
    url: '/simulations/:id',
    operationId: 'getSimulation',
    summary: 'A capacity study: its progress, and its result once done',
    tags: ['simulations'],
    access: { roles: staff },
    writes: false,
    schema: { params: SimulationParams, response: SimulationResult },
    handle: ({ services, params }) => {
      const job = services.simulations.get(params.id);
      return { ...view(job), result: job.result };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/simulations/:id',
    operationId: 'cancelSimulation',
    summary: 'Stop a queued or running capacity study',
    tags: ['simulations'],
    access: { roles: studyRoles },
    writes: false,
    schema: { params: SimulationParams, response: Simulation },
    handle: async ({ services, params }) => view(await services.simulations.cancel(params.id)),
  }),
];
