import { Type } from 'typebox';
import { closed, Instant } from '../../schemas.ts';

export const PlantSetupBody = Type.Object(
  {
    source: Type.String({
      minLength: 1,
      maxLength: 1_000_000,
      description: 'The scenario file’s text (YAML)',
    }),
  },
  closed,
);

export const PlantSetupResult = Type.Object(
  {
    plantId: Type.String(),
    version: Type.Integer(),
    changed: Type.Boolean({ description: 'False when the same file was applied before' }),
    contentHash: Type.String(),
    adminCreated: Type.Union([Type.String(), Type.Null()]),
    counts: Type.Object(
      {
        lines: Type.Integer(),
        products: Type.Integer(),
        storage_locations: Type.Integer(),
        consignees: Type.Integer(),
        components: Type.Integer(),
      },
      closed,
    ),
  },
  closed,
);

export const PlantClockBody = Type.Object(
  {
    mode: Type.Enum(['real', 'simulated']),
    now: Type.Optional(Instant),
  },
  closed,
);

export const PlantClockResult = Type.Object({ mode: Type.Enum(['real', 'simulated']), now: Instant }, closed);
