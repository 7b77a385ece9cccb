import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, DateOnly } from '../../schemas.ts';

const Minutes = Type.Number({ description: 'Minutes' });

export const KpiQuery = Type.Object(
  {
    ...PageQuery,
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    lineId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    by: Type.Optional(Type.Enum(['shift', 'day'])),
  },
  closed,
);

export const KpiRow = Type.Object({
  id: Type.String({ description: '`L1:2026-01-05:A` (shift) or `L1:2026-01-05` (day)' }),
  lineId: Type.String(),
  date: DateOnly,
  shift: Type.Union([Type.String(), Type.Null()]),
  availability: Type.Number(),
  effectiveness: Type.Number(),
  qualityRatio: Type.Number(),
  oee: Type.Number(),
  scrapQuantity: Type.Integer(),
  downTime: Minutes,
  unaccountedTime: Minutes,
  record: Type.Object({
    plannedBusyTime: Minutes,
    actualProductionTime: Minutes,
    setupTime: Type.Optional(Minutes),
    downTimes: Type.Optional(Type.Record(Type.String(), Minutes)),
    delayTime: Type.Optional(Minutes),
    plannedRunTimePerItem: Type.Number(),
    producedQuantity: Type.Integer(),
    goodQuantity: Type.Integer(),
  }),
});

export const KpiPage = Page(KpiRow);
