import { Type } from 'typebox';
import { closed, Instant, Rounds } from '../../schemas.ts';

export const ScheduleRecord = Type.Object({
  id: Type.String(),
  createdAt: Instant,
  startsAt: Instant,
  reason: Type.String(),
  actor: Type.String(),
});

const PlacementFields = {
  seq: Type.Integer(),
  productionOrderId: Type.String(),
  lineId: Type.String(),
  productId: Type.String(),
  quantity: Rounds,
  startsAt: Instant,
  endsAt: Instant,
  changeoverMinutes: Type.Number(),
  late: Type.Boolean({ description: 'Finishes after the order’s due date' }),
};

export const CurrentSchedule = Type.Object({
  schedule: ScheduleRecord,
  placements: Type.Array(Type.Object(PlacementFields)),
});

export const MadeSchedule = Type.Object({
  schedule: ScheduleRecord,
  placements: Type.Array(
    Type.Object({
      ...PlacementFields,
      orderNumber: Type.String(),
      startsLocal: Type.String({ description: 'Plant-local start' }),
      endsLocal: Type.String(),
    }),
  ),
  unplaced: Type.Array(Type.Object({ orderNumber: Type.String(), reason: Type.String() })),
  warnings: Type.Array(Type.String()),
});

export const MakeScheduleBody = Type.Object(
  {
    blockedMinutes: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[\\x21-\\x7e]{1,64}$' }),
        Type.Integer({ minimum: 0, maximum: 525_600 }),
        {
          description: 'Minutes a line that is down now stays blocked, by line id',
        },
      ),
    ),
  },
  closed,
);
