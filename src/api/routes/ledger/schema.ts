import { Type } from 'typebox';
import { closed, Instant } from '../../schemas.ts';

const Size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const VerifyBody = Type.Object(
  {
    against: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64 * 1024, description: 'A checkpoint note a witness kept' }),
    ),
  },
  closed,
);

export const Verification = Type.Object({
  ok: Type.Boolean(),
  size: Size,
  rootHash: Type.String(),
  checkpointsMatched: Type.Integer(),
  checkpointsChecked: Type.Integer(),
  checkpointFaults: Type.Array(Type.String()),
  treeHead: Type.Object({ size: Size, rootHash: Type.String() }),
  problem: Type.Optional(
    Type.Object({
      kind: Type.String({
        description: 'altered, missing, reordered, malformed, truncated, extra, root_mismatch',
      }),
      index: Type.Integer({ description: 'The first index at which the log is wrong' }),
      eventID: Type.Optional(Type.String()),
      what: Type.String(),
    }),
  ),
});

export const SignedCheckpoint = Type.Object({
  origin: Type.String(),
  size: Size,
  rootHash: Type.String(),
  note: Type.String({ description: 'The C2SP signed note, for witnesses' }),
  keyName: Type.String(),
});

export const InclusionQuery = Type.Object(
  { index: Size, size: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })) },
  closed,
);

export const InclusionProof = Type.Object({
  index: Size,
  size: Size,
  eventID: Type.String(),
  leafHash: Type.String(),
  rootHash: Type.String(),
  proof: Type.Array(Type.String(), { description: 'RFC 9162 audit path, base64' }),
  checkpoint: Type.Union([Type.String(), Type.Null()]),
});

export const ConsistencyQuery = Type.Object(
  {
    from: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    to: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  },
  closed,
);

export const ConsistencyProof = Type.Object({
  size1: Size,
  size2: Size,
  root1: Type.String(),
  root2: Type.String(),
  proof: Type.Array(Type.String()),
  checkpoint: Type.Union([Type.String(), Type.Null()]),
});

export const EpcisQuery = Type.Object(
  {
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    lot: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    product: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  closed,
);

export const EpcisDocument = Type.Object(
  {
    '@context': Type.Unknown(),
    type: Type.Literal('EPCISDocument'),
    schemaVersion: Type.String(),
    creationDate: Type.String(),
    epcisBody: Type.Object({ eventList: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
  },
  { additionalProperties: true, description: 'GS1 EPCIS 2.0 JSON-LD, validated against GS1’s schema' },
);

export const LedgerHead = Type.Object({
  origin: Type.String(),
  size: Size,
  rootHash: Type.String({ description: 'Base64' }),
  updatedAt: Type.Union([Instant, Type.Null()]),
  checkpoints: Type.Array(
    Type.Object({
      size: Size,
      rootHash: Type.String(),
      keyId: Type.String(),
      signedAt: Instant,
      actor: Type.String(),
    }),
    { description: 'Newest first' },
  ),
});
