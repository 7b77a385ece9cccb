import { Type } from 'typebox';
import { closed, Id, Instant, Rounds } from '../../schemas.ts';

export const Crate = Type.Object({
  id: Type.String(),
  sscc: Type.String({ description: 'GS1 Serial Shipping Container Code (18 digits)' }),
  lotId: Type.String(),
  productId: Type.String(),
  boxes: Type.Integer(),
  rounds: Rounds,
  locationId: Type.String(),
  palletId: Type.Union([Type.String(), Type.Null()]),
  packedAt: Instant,
  actor: Type.String(),
});

export const PackBody = Type.Object(
  {
    location: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Default: where most of the lot’s loose stock is',
      }),
    ),
    boxes: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'Default: every full box; 0: none' }),
    ),
    crates: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Default: every full crate' }),
    ),
  },
  closed,
);

export const PackedLot = Type.Object({
  id: Type.String(),
  lotNumber: Type.String(),
  location: Type.String(),
  boxesFilled: Type.Integer(),
  crates: Type.Array(Crate),
  looseRounds: Rounds,
  looseBoxes: Type.Integer(),
});

export const PalletBody = Type.Object(
  {
    crates: Type.Array(Type.String({ pattern: '^[0-9]{18}$', description: 'A crate’s SSCC' }), {
      minItems: 1,
      maxItems: 1000,
      uniqueItems: true,
    }),
  },
  closed,
);

export const Pallet = Type.Object({
  id: Type.String(),
  sscc: Type.String(),
  productId: Type.String(),
  locationId: Type.String(),
  builtAt: Instant,
  actor: Type.String(),
  crates: Type.Array(Type.String()),
});

export const LotParams = Type.Object({ lotNumber: Id }, closed);
