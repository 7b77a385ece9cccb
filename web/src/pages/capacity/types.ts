// The capacity page's view of the API: the types of the routes' own response schemas (type-only
// imports, erased from the bundle), so the dashboard cannot drift from what the server answers.
import type { Static } from 'typebox';
import type {
  Simulation,
  SimulationResult,
  Spread as SpreadSchema,
} from '../../../../src/api/routes/simulations/schema.ts';

/** A capacity study as `GET /simulations` lists it. */
export type Study = Static<typeof Simulation>;
/** `GET /simulations/{id}`: the study with its summary and verdict once done. */
export type StudyResult = Static<typeof SimulationResult>;
/** Mean and percentiles of one figure over the replications. */
export type Spread = Static<typeof SpreadSchema>;
