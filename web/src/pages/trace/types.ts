// The trace page's view of the API: the types of the routes' own response schemas (type-only
// imports, erased from the bundle), so the dashboard cannot drift from what the server answers.
import type { Static } from 'typebox';
import type {
  ForwardTrace as ForwardTraceSchema,
  RecoveredMatch,
} from '../../../../src/api/routes/custody/trace-schema.ts';

/** `GET /trace/lots/{lot}`: where a lot's rounds went. */
export type ForwardTrace = Static<typeof ForwardTraceSchema>;

/** A candidate lot for a recovered cartridge (`POST /trace/recovered`). */
export type Candidate = Static<typeof RecoveredMatch>;

/** What a search found: the lots to trace forward, and how they were found. */
export interface Found {
  readonly query: string;
  readonly how: string;
  readonly lots: readonly string[];
  readonly candidates?: readonly Candidate[];
}
