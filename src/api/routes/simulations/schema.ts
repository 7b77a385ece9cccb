import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, Instant } from '../../schemas.ts';

export const StartSimulationBody = Type.Object(
  {
    scenario: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1_000_000,
        description: 'A scenario file’s text (YAML); default: the plant’s own, from the records',
      }),
    ),
    replications: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000, description: 'Default: the scenario’s' }),
    ),
    seed: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'Default: the scenario’s' }),
    ),
    horizonDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'Default: the scenario’s' }),
    ),
  },
  closed,
);

export const Simulation = Type.Object({
  id: Type.String(),
  status: Type.Enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  replications: Type.Integer(),
  seed: Type.Integer(),
  horizonDays: Type.Integer(),
  requestedBy: Type.String(),
  source: Type.Enum(['records', 'posted']),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  createdAt: Instant,
  startedAt: Type.Union([Instant, Type.Null()]),
  finishedAt: Type.Union([Instant, Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});

export const SimulationResult = Type.Object({
  ...Simulation.properties,
  result: Type.Union([
    Type.Object(
      {
        summary: Type.Unknown({
          description: 'Output by line and product (P10/P50/P90), ISO 22400 time elements, losses',
        }),
        verdict: Type.Unknown({
          description: 'Does the plant make its rated output, and under what assumptions',
        }),
      },
      { additionalProperties: true },
    ),
    Type.Null(),
  ]),
});

export const SimulationPage = Page(Simulation);

export const SimulationQuery = Type.Object(PageQuery, closed);

export const SimulationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, closed);
