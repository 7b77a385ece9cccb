// The orders page's view of the API: the types of the routes' own response schemas (type-only
// imports, erased from the bundle), so the dashboard cannot drift from what the server answers.
import type { Static } from 'typebox';
import type { OrderPage } from '../../../../src/api/routes/orders/schema.ts';
import type {
  CurrentSchedule,
  MadeSchedule as MadeScheduleSchema,
} from '../../../../src/api/routes/schedule/schema.ts';

/** An order as `GET /orders` answers it. */
export type Order = Static<typeof OrderPage>['items'][number];
/** The schedule in force (`GET /schedule`). */
export type Schedule = Static<typeof CurrentSchedule>;
/** One production order placed on a line. */
export type Placement = Schedule['placements'][number];
/** `POST /schedule`'s answer. */
export type MadeSchedule = Static<typeof MadeScheduleSchema>;
