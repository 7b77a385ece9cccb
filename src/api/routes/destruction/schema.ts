import { Type } from 'typebox';
import { closed } from '../../schemas.ts';

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

const Destroyed = Type.Object({
  lots: Type.Array(
    Type.Object({ lotNumber: Type.String(), location: Type.String(), rounds: Type.Integer() }),
  ),
  rounds: Type.Integer(),
  ssccs: Type.Array(Type.String()),
  reason: Type.String(),
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

export const DestroyOutcome = Type.Object(
  {
    status: Type.Enum(['done', 'awaiting_approval']),
    result: Type.Optional(Destroyed),
    request: Type.Optional(ApprovalRequest),
  },
  {
    description:
      '`done` with what was destroyed, or `awaiting_approval` with the request a second person approves at POST /approvals/{number}/approve',
  },
);
