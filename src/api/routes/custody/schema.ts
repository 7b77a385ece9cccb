import { Type, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, DateOnly, Id, Instant, NullableString } from '../../schemas.ts';
import { RecoveredMatch, TransferLine } from './trace-schema.ts';

/** Whole rounds; may be negative where a term is a correction (adjustments, differences). */
const Count = Type.Integer();
const Quantity = Type.Integer({ minimum: 0 });

export const Authorisation = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    authority: Type.String(),
    consigneeId: Type.String(),
    country: Type.String({ description: 'ISO 3166-1 alpha-2 of the end user' }),
    products: Type.Array(Type.String()),
    quantityCeiling: Quantity,
    validFrom: DateOnly,
    validTo: DateOnly,
    status: Type.Enum(['valid', 'suspended', 'revoked']),
    statusReason: NullableString(),
    documents: Type.Array(Type.String()),
    createdAt: Instant,
    actor: Type.String(),
    approver: NullableString({ description: 'The second person, where four eyes applied' }),
    updatedAt: Instant,
  },
  closed,
);

export const AuthorisationView = Type.Object(
  {
    ...Authorisation.properties,
    used: Quantity,
    remaining: Count,
  },
  { ...closed, description: 'An authorisation with the rounds shipments have used of its ceiling' },
);

export const Shipment = Type.Object(
  {
    id: Type.String(),
    shipmentNumber: Type.String(),
    consigneeId: Type.String(),
    authorisationId: Type.String(),
    transportRef: Type.String(),
    invoiceRef: Type.String(),
    status: Type.Enum(['planned', 'in_transit', 'received']),
    quantity: Quantity,
    createdAt: Instant,
    actor: Type.String(),
    dispatchedAt: NullableString({ format: 'date-time' }),
    dispatchedBy: NullableString(),
    dispatchApprover: NullableString(),
    receivedAt: NullableString({ format: 'date-time' }),
    receivedBy: NullableString(),
    authorisation: Type.String({ description: 'The authorisation’s number' }),
    crates: Quantity,
    products: Type.Record(Type.String(), Quantity, { description: 'Rounds by product' }),
  },
  { ...closed, description: 'A shipment with its authorisation, crate count and rounds per product' },
);

/** A four-eyes request as the records hold it. */
export const ApprovalRequest = Type.Object(
  {
    id: Type.String(),
    requestNumber: Type.String(),
    kind: Type.String(),
    payload: Type.Record(Type.String(), Type.Unknown(), { description: 'The act’s input' }),
    summary: Type.String(),
    status: Type.Enum(['pending', 'approved', 'withdrawn']),
    requestedAt: Instant,
    actor: Type.String({ description: '`user:NAME` of the requester' }),
    requesterRole: Type.String(),
    approver: NullableString(),
    decidedAt: NullableString({ format: 'date-time' }),
    result: Type.Unknown({ description: 'The act’s result once approved' }),
  },
  closed,
);

/** A four-eyes request as lists show it. */
export const Approval = Type.Object(
  {
    id: Type.String(),
    requestNumber: Type.String(),
    kind: Type.String(),
    summary: Type.String(),
    status: Type.String(),
    requestedBy: Type.String(),
    requestedAt: Instant,
    approvedBy: NullableString(),
    decidedAt: NullableString({ format: 'date-time' }),
    payload: Type.Record(Type.String(), Type.Unknown()),
  },
  closed,
);

export const Approved = Type.Object(
  {
    request: Approval,
    result: Type.Unknown({ description: 'The act’s result, as its own route answers it' }),
  },
  closed,
);

/** A four-eyes act's answer: done at once, or waiting for a second person. */
export const FourEyes = <T extends TSchema>(result: T) =>
  Type.Union([
    Type.Object({ status: Type.Literal('done'), result }, closed),
    Type.Object({ status: Type.Literal('awaiting_approval'), request: ApprovalRequest }, closed),
  ]);

export const Receipt = Type.Object(
  {
    id: Type.String(),
    shipmentNumber: Type.String(),
    received: Type.Array(Type.String(), { description: 'SSCCs received' }),
    discrepancies: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          shipmentId: Type.String(),
          kind: Type.Enum(['shortfall', 'surplus']),
          sscc: Type.String(),
          lotId: NullableString(),
          rounds: Count,
          reason: Type.String(),
          recordedAt: Instant,
          actor: Type.String(),
        },
        closed,
      ),
    ),
  },
  closed,
);

/** What a destruction took away: rounds per lot and location, and any crates destroyed whole. */
export const Destroyed = Type.Object(
  {
    lots: Type.Array(
      Type.Object({ lotNumber: Type.String(), location: Type.String(), rounds: Quantity }, closed),
    ),
    rounds: Quantity,
    ssccs: Type.Array(Type.String(), { description: 'Crates destroyed whole (none for loose rounds)' }),
    reason: Type.String(),
  },
  closed,
);

export const AuthorisationPage = Page(AuthorisationView);
export const ShipmentPage = Page(Shipment);
export const ApprovalPage = Page(Approval);
export const RecoveredPage = Page(RecoveredMatch);
export const TransferPage = Page(TransferLine);

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
