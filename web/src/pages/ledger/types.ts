// The ledger page's view of the API: the types of the routes' own response schemas (type-only
// imports, erased from the bundle), so the dashboard cannot drift from what the server answers.
import type { Static } from 'typebox';
import type { Reconciliation as ReconciliationSchema } from '../../../../src/api/routes/custody/trace-schema.ts';
import type {
  LedgerHead as LedgerHeadSchema,
  Verification as VerificationSchema,
} from '../../../../src/api/routes/ledger/schema.ts';

/** `GET /ledger`: the tree head and the signed checkpoints. */
export type LedgerHead = Static<typeof LedgerHeadSchema>;
/** `POST /ledger/verify`. */
export type Verification = Static<typeof VerificationSchema>;
/** `GET /reconciliation`: every lot's balance, the totals and what is unexplained. */
export type Reconciliation = Static<typeof ReconciliationSchema>;
/** One lot's balance. */
export type LotBalance = Reconciliation['lots'][number];
