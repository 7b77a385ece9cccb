import { Type } from 'typebox';
import { closed, DateOnly, Id, Instant } from '../../schemas.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const LineGlance = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    ratedRate: Type.Number({ description: 'Rated rounds per minute' }),
    state: NullableString,
    reason: NullableString,
    stateAt: NullableString,
    productId: NullableString,
    currentRate: Type.Number({
      description: 'Rounds per minute from the last count before the last 15 plant minutes to now',
    }),
  },
  closed,
);

export const PlantGlance = Type.Object(
  {
    plantId: Type.String(),
    plantName: Type.String(),
    now: Instant,
    today: DateOnly,
    year: Type.Integer(),
    timezone: Type.String(),
    ratedOutputPerYear: Type.Integer(),
    goodThisYear: Type.Integer({ description: 'Good rounds of runs started this plant-local year' }),
    lines: Type.Array(LineGlance),
    recentLots: Type.Array(
      Type.Object(
        {
          lotNumber: Type.String(),
          lineId: Type.String(),
          productId: Type.String(),
          quantity: Type.Integer(),
          commissionedAt: Type.String(),
        },
        closed,
      ),
      { description: 'The last lots made, newest first' },
    ),
  },
  closed,
);

export const LineParams = Type.Object({ id: Id }, closed);

export const LineEventsQuery = Type.Object({ from: Instant, to: Instant }, closed);

export const RecordedLineEvent = Type.Object(
  {
    eventId: Type.String(),
    kind: Type.Enum(['state', 'count', 'stop']),
    at: Type.String(),
    state: NullableString,
    reason: NullableString,
    processed: Type.Union([Type.Integer(), Type.Null()]),
    defective: Type.Union([Type.Integer(), Type.Null()]),
    counterReset: Type.Boolean(),
    endedAt: NullableString,
  },
  closed,
);

export const LineEventList = Type.Object(
  {
    opening: Type.Union([RecordedLineEvent, Type.Null()], {
      description: 'The line’s last state before `from` (the state the period opened in), or null',
    }),
    items: Type.Array(RecordedLineEvent),
  },
  closed,
);
