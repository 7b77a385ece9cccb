// The lots pages' view of the API: the types of the routes' own response schemas (type-only
// imports, erased from the bundle), so the dashboard cannot drift from what the server answers.
import type { Static } from 'typebox';
import type {
  Lot as LotSchema,
  LotDetail as LotDetailSchema,
} from '../../../../src/api/routes/lots/schema.ts';
import type {
  LotQualityHistory,
  LotStatusPage,
  SamplingPlan as SamplingPlanSchema,
} from '../../../../src/api/routes/quality/schema.ts';

/** A lot as `GET /lots` answers it. */
export type Lot = Static<typeof LotSchema>;
/** One row of `GET /lot-statuses`. */
export type LotStatusRow = Static<typeof LotStatusPage>['items'][number];
/** `GET /lots/{lotNumber}`: the lot with its run, order and component lots. */
export type LotDetail = Static<typeof LotDetailSchema>;
/** `GET /lots/{lotNumber}/sampling-plan`. */
export type SamplingPlan = Static<typeof SamplingPlanSchema>;
export type ClassPlan = SamplingPlan['classes'][number];
export type DefectClass = ClassPlan['defectClass'];
/** `GET /lots/{lotNumber}/quality`. */
export type QualityHistory = Static<typeof LotQualityHistory>;
export type Decision = QualityHistory['decisions'][number];
