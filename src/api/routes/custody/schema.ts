import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, DateOnly, Id } from '../../schemas.ts';

/**
 * A custody answer: an object whose fields the custody use cases define (shipment, authorisation,
 * trace, reconciliation). Described here in words; the fields are listed in each use case's type.
 */
export const Answer = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const AnswerPage = (description: string) => Page(Answer(description));

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Sscc = Type.String({ pattern: '^[0-9]{18}$', description: 'An SSCC (18 digits)' });
const Span = Type.String({ minLength: 1, maxLength: 40, description: 'A date (`YYYY-MM-DD`) or instant' });

export const NumberParams = Type.Object({ number: Id }, closed);
export const LotParams = Type.Object({ lotNumber: Id }, closed);
export const SsccParams = Type.Object({ sscc: Sscc }, closed);

export const AuthorisationQuery = Type.Object(
  { ...PageQuery, consigneeId: Type.Optional(Text(128)) },
  closed,
);

export const AddAuthorisationBody = Type.Object(
  {
    number: Text(64),
    authority: Text(200),
    consigneeId: Text(128),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 of the end user' }),
    products: Type.Array(Text(128), { minItems: 1, maxItems: 100, uniqueItems: true }),
    quantityCeiling: Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Rounds, all products',
    }),
    validFrom: DateOnly,
    validTo: DateOnly,
    documents: Type.Array(Text(500), {
      minItems: 1,
      maxItems: 50,
      description: 'The documents the certificate refers to (contract, end-use statement, licence)',
    }),
  },
  closed,
);

export const AuthorisationStatusBody = Type.Object(
  { status: Type.Enum(['valid', 'suspended', 'revoked']), reason: Text(1000) },
  closed,
);

export const CreateShipmentBody = Type.Object(
  {
    consigneeId: Text(128),
    ssccs: Type.Array(Sscc, {
      minItems: 1,
      maxItems: 10_000,
      uniqueItems: true,
      description: 'Crates and pallets',
    }),
    authorisation: Type.Optional(Text(64)),
    transportRef: Text(200),
    invoiceRef: Text(200),
  },
  closed,
);

export const ReceiptBody = Type.Object(
  {
    received: Type.Optional(Type.Array(Sscc, { maxItems: 10_000, uniqueItems: true })),
    reason: Type.Optional(Text(1000)),
  },
  closed,
);

export const ApprovalQuery = Type.Object({ ...PageQuery, all: Type.Optional(Type.Boolean()) }, closed);

export const RecoveredBody = Type.Object(
  {
    headstamp: Type.String({ minLength: 1, maxLength: 40, description: 'As read, e.g. `HSP 26`' }),
    lot: Type.Optional(Text(64)),
    label: Type.Optional(Text(500)),
  },
  closed,
);

export const SpanQuery = Type.Object({ from: Type.Optional(Span), to: Type.Optional(Span) }, closed);

export const SpanPageQuery = Type.Object(
  { ...PageQuery, from: Type.Optional(Span), to: Type.Optional(Span) },
  closed,
);

export const RecallBody = Type.Object(
  {
    lotNumber: Type.Optional(Text(128)),
    viaComponents: Type.Optional(Type.Boolean({ description: 'Also every lot that shares a component lot' })),
    componentLot: Type.Optional(Text(128)),
    report: Type.Optional(RecoveredBody),
    reason: Text(1000),
  },
  {
    ...closed,
    description: 'Exactly one of `lotNumber`, `componentLot` or `report` (a recovered cartridge)',
  },
);

export const DestroyBody = Type.Object(
  {
    lotNumber: Text(128),
    quantity: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Loose rounds' }),
    location: Type.Optional(Text(64)),
    reason: Text(1000),
  },
  closed,
);
