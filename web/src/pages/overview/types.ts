// The answers the plant and line pages read (GET /lines, /kpi, /lines/{id}/events): the types of the
// routes' own response schemas (type-only imports, erased from the bundle), so the dashboard cannot
// drift from what the server answers.
import type { Static } from 'typebox';
import type { KpiRow as KpiRowSchema } from '../../../../src/api/routes/kpi/schema.ts';
import type {
  LineGlance as LineGlanceSchema,
  PlantGlance as PlantGlanceSchema,
  RecordedLineEvent as RecordedLineEventSchema,
} from '../../../../src/api/routes/lines/schema.ts';

export type LineGlance = Static<typeof LineGlanceSchema>;
export type PlantGlance = Static<typeof PlantGlanceSchema>;
export type KpiRow = Static<typeof KpiRowSchema>;
export type RecordedLineEvent = Static<typeof RecordedLineEventSchema>;

/** A page of any list, as every list route answers. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
