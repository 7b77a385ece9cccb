import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, Id, Instant, Rounds } from '../../schemas.ts';
import { ComponentLot } from '../components/schema.ts';

/** A lot as the records hold it. */
export const Lot = Type.Object(
  {
    id: Type.String(),
    lotNumber: Type.String(),
    runId: Type.String(),
    productId: Type.String(),
    lineId: Type.String(),
    quantity: Rounds,
    marking: Type.Record(Type.String(), Type.Unknown(), { description: 'Headstamp and label fields' }),
    componentShortfall: Type.Record(Type.String(), Type.Integer(), {
      description: 'Components no received lot could supply, by component id',
    }),
    commissionedAt: Instant,
    actor: Type.String(),
  },
  closed,
);

export const LotPage = Page(Lot);

export const LotQuery = Type.Object(
  {
    ...PageQuery,
    productId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    lineId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  closed,
);

export const LotNumberParams = Type.Object({ lotNumber: Id }, closed);

export const Run = Type.Object(
  {
    id: Type.String(),
    productionOrderId: Type.String(),
    lineId: Type.String(),
    productId: Type.String(),
    startedAt: Instant,
    endedAt: Type.Union([Instant, Type.Null()]),
    processed: Rounds,
    good: Rounds,
    defective: Rounds,
    lotted: Rounds,
    actor: Type.String(),
  },
  closed,
);

export const LotDetail = Type.Object(
  {
    ...Lot.properties,
    run: Type.Union([Run, Type.Null()]),
    productionOrderNumber: Type.Union([Type.String(), Type.Null()]),
    components: Type.Array(Type.Object({ ...ComponentLot.properties, quantity: Rounds }, closed), {
      description: 'Genealogy: the component lots consumed, with how many of each',
    }),
  },
  closed,
);
