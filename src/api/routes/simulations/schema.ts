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

/** Mean and percentiles of one figure over the replications. */
export const Spread = Type.Object(
  { mean: Type.Number(), p10: Type.Number(), p50: Type.Number(), p90: Type.Number() },
  closed,
);

/** Mean minutes or rounds per replication, by cause or component. */
const ByName = Type.Record(Type.String(), Type.Number());

export const LineSummary = Type.Object(
  {
    id: Type.String(),
    ratedRate: Type.Number({ description: 'Rounds per minute' }),
    good: Spread,
    rejected: Spread,
    availability: Spread,
    effectiveness: Spread,
    qualityRatio: Spread,
    oee: Spread,
    time: Type.Object(
      {
        horizon: Type.Number(),
        outsideShifts: Type.Number(),
        plannedMaintenance: Type.Number(),
        plannedBusy: Type.Number(),
        production: Type.Number(),
        microStops: Type.Number(),
        setup: Type.Number(),
        failure: Type.Number(),
        starved: ByName,
      },
      { ...closed, description: 'ISO 22400 time elements, mean minutes per replication' },
    ),
    failures: Type.Number({ description: 'Mean per replication' }),
    changeovers: Type.Number({ description: 'Mean per replication' }),
    losses: Type.Record(Type.String(), Type.Number(), { description: 'Mean rounds lost per cause' }),
  },
  closed,
);

export const StudySummary = Type.Object(
  {
    replications: Type.Integer(),
    seed: Type.Integer(),
    horizonDays: Type.Number(),
    ratedOutputPerYear: Type.Number(),
    ratedOutput: Type.Number({ description: 'Rated output scaled to the horizon' }),
    plant: Type.Object(
      {
        good: Spread,
        rejected: Spread,
        shareReachingRated: Type.Number({
          description: 'Share of replications whose good output reaches the rated output',
        }),
      },
      closed,
    ),
    lines: Type.Array(LineSummary),
    products: Type.Array(Type.Object({ id: Type.String(), good: Spread, rejected: Spread }, closed)),
    losses: Type.Array(Type.Object({ cause: Type.String(), rounds: Type.Number() }, closed), {
      description: 'Plant losses by cause, mean rounds per replication, largest first',
    }),
    goodByReplication: Type.Array(Type.Number(), {
      description: 'Plant good output of each replication, in replication order',
    }),
    events: Type.Number(),
  },
  { ...closed, description: 'Output by line and product (mean, P10/P50/P90), time elements, losses' },
);

export const Verdict = Type.Object(
  {
    answer: Type.Enum(['yes', 'likely', 'unlikely', 'no']),
    headline: Type.String({ description: 'The answer with its figures, in one sentence' }),
    assumptions: Type.Array(Type.String()),
    limits: Type.Array(Type.String()),
    shortProducts: Type.Array(
      Type.Object({ id: Type.String(), p50: Type.Number(), demand: Type.Number() }, closed),
      { description: 'Products whose median output falls short of their share of demand' },
    ),
  },
  { ...closed, description: 'Does the plant make its rated output, and under what assumptions' },
);

export const SimulationResult = Type.Object({
  ...Simulation.properties,
  result: Type.Union([Type.Object({ summary: StudySummary, verdict: Verdict }, closed), Type.Null()]),
});

export const SimulationPage = Page(Simulation);

export const SimulationQuery = Type.Object(PageQuery, closed);

export const SimulationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, closed);
