import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, Instant, NullableString } from '../../schemas.ts';

export const LineEventQuery = Type.Object(
  {
    ...PageQuery,
    lineId: Type.String({ minLength: 1, maxLength: 64, description: 'The line whose events to list' }),
  },
  closed,
);

export const LineEvent = Type.Object(
  {
    lineId: Type.String(),
    eventId: Type.String(),
    kind: Type.String(),
    at: Instant,
    state: NullableString(),
    reason: NullableString(),
    processed: Type.Union([Type.Integer(), Type.Null()], { description: 'Cumulative counter' }),
    defective: Type.Union([Type.Integer(), Type.Null()], { description: 'Cumulative counter' }),
    counterReset: Type.Boolean(),
    endedAt: NullableString({ format: 'date-time' }),
    note: NullableString(),
    receivedAt: Instant,
    actor: Type.String(),
  },
  closed,
);

export const LineEventPage = Page(LineEvent);

export const LedgerEventQuery = Type.Object(PageQuery, closed);

export const LedgerEvent = Type.Object(
  {
    index: Type.Integer({ minimum: 0, description: 'Place in the log: the Merkle leaf index' }),
    eventId: Type.String(),
    declaresError: Type.Boolean(),
    type: Type.String(),
    bizStep: NullableString(),
    eventTime: Instant,
    recordTime: Instant,
    leafHash: Type.String({ description: 'SHA-256(0x00 || leaf data), hex' }),
    event: Type.Record(Type.String(), Type.Unknown(), { description: 'The EPCIS 2.0 event' }),
  },
  closed,
);

export const LedgerEventPage = Page(LedgerEvent);
