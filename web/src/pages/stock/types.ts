// The stock, shipment and approval pages' view of the API: the types of the routes' own response
// schemas (type-only imports, erased from the bundle), so the dashboard cannot drift from what the
// server answers.
import type { Static } from 'typebox';
import type {
  ApprovalPage,
  AuthorisationPage,
  ShipmentPage,
} from '../../../../src/api/routes/custody/schema.ts';
import type { ForwardTrace } from '../../../../src/api/routes/custody/trace-schema.ts';
import type { StockPage as StockPageSchema } from '../../../../src/api/routes/stock/schema.ts';

/** `GET /stock`: a page of stock lines and every location's use of its limit. */
export type StockPage = Static<typeof StockPageSchema>;
export type StockLine = StockPage['items'][number];
export type LocationUse = StockPage['locations'][number];
/** One row of `GET /authorisations`. */
export type Authorisation = Static<typeof AuthorisationPage>['items'][number];
/** One row of `GET /shipments`. */
export type Shipment = Static<typeof ShipmentPage>['items'][number];
/** One row of `GET /approvals`. */
export type ApprovalRequest = Static<typeof ApprovalPage>['items'][number];

/** What a four-eyes act answers: done, or waiting for a second person (`FourEyes` in the API). */
export type FourEyes<T> =
  | { readonly status: 'done'; readonly result: T }
  | { readonly status: 'awaiting_approval'; readonly request: { readonly requestNumber: string } };

/** The forward trace of a lot (`GET /trace/lots/{lot}`), as far as shipping needs it. */
export type LotCrates = Pick<Static<typeof ForwardTrace>, 'crates'>;
