import { Type } from 'typebox';
import { LINE_EVENT_KINDS, PACKML_STATES, STOP_REASON_CODES } from '../../../domain/line/index.ts';
import { closed, Instant } from '../../schemas.ts';
import { Lot } from '../lots/schema.ts';

/** Largest batch accepted in one request. */
export const maxBatch = 5000;

/**
 * One line event. The shape is checked here (types, known fields); what depends on the records (the
 * line exists, counters do not go backwards, the state can follow the last one) is checked per event by
 * the ingest, which answers each event on its own.
 */
export const LineEventInput = Type.Object(
  {
    eventId: Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'The sender’s id: sending again is harmless',
    }),
    kind: Type.Enum([...LINE_EVENT_KINDS]),
    lineId: Type.String({ minLength: 1, maxLength: 64 }),
    at: Instant,
    state: Type.Optional(Type.Enum([...PACKML_STATES])),
    reason: Type.Optional(Type.Enum([...STOP_REASON_CODES])),
    processed: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
    defective: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
    productId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    counterReset: Type.Optional(Type.Boolean()),
    endedAt: Type.Optional(Instant),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  closed,
);

export const LineEventBatch = Type.Object(
  { events: Type.Array(LineEventInput, { minItems: 1, maxItems: maxBatch }) },
  closed,
);

const Problem = Type.Object({ path: Type.String(), problem: Type.String() }, closed);

export const IngestResult = Type.Object(
  {
    accepted: Type.Integer(),
    duplicates: Type.Integer(),
    refused: Type.Integer(),
    results: Type.Array(
      Type.Object(
        {
          index: Type.Integer(),
          eventId: Type.Union([Type.String(), Type.Null()]),
          lineId: Type.Union([Type.String(), Type.Null()]),
          status: Type.Enum(['accepted', 'duplicate', 'refused']),
          problems: Type.Optional(Type.Array(Problem)),
        },
        closed,
      ),
    ),
    lotsCommissioned: Type.Array(Lot),
    runsStarted: Type.Integer(),
  },
  closed,
);
