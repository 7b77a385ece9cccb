import { Type } from 'typebox';
import { closed } from '../../schemas.ts';
import { Destroyed, FourEyes } from '../custody/schema.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const DestroyBody = Type.Object(
  {
    lotNumber: Type.Optional(Text(128)),
    quantity: Type.Optional(
      Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Loose rounds' }),
    ),
    location: Type.Optional(Text(64)),
    sscc: Type.Optional(
      Type.String({ pattern: '^[0-9]{18}$', description: 'A crate, or a pallet with all its crates' }),
    ),
    reason: Text(1000),
  },
  {
    ...closed,
    description: 'Either `lotNumber` and `quantity` (loose rounds, optionally `location`), or `sscc`',
  },
);

/** `done` with what was destroyed, or `awaiting_approval` with the request a second person approves. */
export const DestroyOutcome = FourEyes(Destroyed);
