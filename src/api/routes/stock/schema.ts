import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, Instant, Rounds } from '../../schemas.ts';

export const StockLine = Type.Object({
  id: Type.String({ description: '`location:lotNumber:form`' }),
  locationId: Type.String(),
  lotNumber: Type.String(),
  productId: Type.String(),
  status: Type.String(),
  form: Type.Enum(['round', 'box', 'crate']),
  quantity: Type.Integer({ description: 'Rounds, boxes or crates' }),
  rounds: Rounds,
});

export const LocationUse = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  limitCrates: Type.Integer(),
  occupancy: Type.Number({ description: 'Crates plus crate equivalents of loose stock' }),
});

export const StockPage = Type.Object(
  { ...Page(StockLine).properties, locations: Type.Array(LocationUse) },
  closed,
);

export const StockQuery = Type.Object(PageQuery, closed);

const Location = Type.String({ minLength: 1, maxLength: 64 });

export const MoveBody = Type.Object(
  {
    to: Location,
    sscc: Type.Optional(
      Type.String({ pattern: '^[0-9]{18}$', description: 'A crate or pallet: moves it whole' }),
    ),
    lotNumber: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: 'Loose stock of a lot' }),
    ),
    form: Type.Optional(Type.Enum(['round', 'box'])),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    from: Type.Optional(Location),
  },
  { ...closed, description: 'Either `sscc`, or `lotNumber`, `form`, `quantity` and `from`' },
);

export const MoveResult = Type.Object({
  id: Type.String(),
  from: Type.String(),
  to: Type.String(),
  ssccs: Type.Array(Type.String()),
  lotNumbers: Type.Array(Type.String()),
  rounds: Rounds,
});

export const CountBody = Type.Object(
  {
    location: Location,
    lotNumber: Type.String({ minLength: 1, maxLength: 128 }),
    form: Type.Enum(['round', 'box']),
    counted: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  closed,
);

export const StockCount = Type.Object({
  id: Type.String(),
  locationId: Type.String(),
  lotId: Type.String(),
  form: Type.String(),
  recorded: Type.Integer(),
  counted: Type.Integer(),
  delta: Type.Integer(),
  reason: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  countedAt: Instant,
  actor: Type.String(),
});

/** A waiting four-eyes request, as recorded (number, kind, payload, summary, requester). */
const ApprovalRequest = Type.Object(
  {
    id: Type.String(),
    requestNumber: Type.String(),
    kind: Type.String(),
    summary: Type.String(),
    status: Type.String(),
  },
  { additionalProperties: true },
);

export const CountOutcome = Type.Object(
  {
    status: Type.Enum(['done', 'awaiting_approval']),
    result: Type.Optional(StockCount),
    request: Type.Optional(ApprovalRequest),
  },
  {
    description:
      '`done` with the count (a match, or an adjustment where the plant does not ask four eyes), or `awaiting_approval` with the request a second person approves at POST /approvals/{number}/approve',
  },
);
