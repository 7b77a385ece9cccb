import { Type } from 'typebox';
import { closed, DateOnly, Instant, NullableString } from '../../schemas.ts';

/** Response schemas of trace, reconciliation, recall and the transfer report, field by field. */

const Count = Type.Integer();
const Quantity = Type.Integer({ minimum: 0 });

const ConsigneeShare = Type.Object(
  {
    consigneeId: Type.String(),
    name: Type.String(),
    country: Type.String(),
    rounds: Quantity,
    delivered: Quantity,
    inTransit: Quantity,
  },
  closed,
);

export const ForwardTrace = Type.Object(
  {
    id: Type.String(),
    lotNumber: Type.String(),
    productId: Type.String(),
    quantity: Quantity,
    status: Type.String(),
    loose: Type.Array(
      Type.Object({ locationId: Type.String(), form: Type.String(), quantity: Quantity }, closed),
    ),
    crates: Type.Array(
      Type.Object(
        {
          sscc: Type.String(),
          rounds: Quantity,
          locationId: Type.String(),
          palletSscc: NullableString(),
          shipmentNumber: NullableString(),
          consigneeId: NullableString(),
          outcome: NullableString(),
          destroyedAt: NullableString({
            format: 'date-time',
            description: 'When the crate was destroyed whole',
          }),
        },
        closed,
      ),
    ),
    pallets: Type.Array(Type.Object({ sscc: Type.String(), crates: Quantity, rounds: Quantity }, closed)),
    shipments: Type.Array(
      Type.Object(
        {
          shipmentId: Type.String(),
          shipmentNumber: Type.String(),
          consigneeId: Type.String(),
          status: Type.String(),
          dispatchedAt: NullableString({ format: 'date-time' }),
          receivedAt: NullableString({ format: 'date-time' }),
          crates: Quantity,
          rounds: Quantity,
        },
        closed,
      ),
    ),
    consignees: Type.Array(ConsigneeShare),
  },
  { ...closed, description: 'Where a lot’s rounds went' },
);

const LotSourceFields = {
  id: Type.String(),
  lotNumber: Type.String(),
  productId: Type.String(),
  quantity: Quantity,
  headstamp: NullableString(),
  runId: Type.String(),
  productionOrderId: Type.String(),
  lineId: Type.String(),
  shift: NullableString(),
  date: DateOnly,
  runStartedAt: Instant,
  runEndedAt: NullableString({ format: 'date-time' }),
  commissionedAt: Instant,
  components: Type.Array(
    Type.Object(
      {
        componentLotId: Type.String(),
        componentId: Type.String(),
        lotNumber: Type.String(),
        supplier: Type.String(),
        supplierLot: Type.String(),
        quantity: Quantity,
      },
      closed,
    ),
  ),
};

export const LotSource = Type.Object(LotSourceFields, {
  ...closed,
  description: 'Where a lot came from: run, line, shift, date and component lots',
});

export const CrateTrace = Type.Object(
  {
    id: Type.String(),
    sscc: Type.String(),
    kind: Type.Enum(['crate', 'pallet']),
    locationId: Type.String(),
    palletSscc: NullableString(),
    shipmentNumber: NullableString(),
    consigneeId: NullableString(),
    crates: Type.Array(Type.Object({ sscc: Type.String(), rounds: Quantity }, closed)),
    rounds: Quantity,
    lots: Type.Array(LotSource),
  },
  { ...closed, description: 'Where a crate or pallet came from' },
);

export const ShipmentTrace = Type.Object(
  {
    id: Type.String(),
    shipmentNumber: Type.String(),
    consigneeId: Type.String(),
    status: Type.String(),
    authorisation: Type.String(),
    dispatchedAt: NullableString({ format: 'date-time' }),
    receivedAt: NullableString({ format: 'date-time' }),
    rounds: Quantity,
    lots: Type.Array(
      Type.Object(
        { ...LotSourceFields, crates: Quantity, rounds: Quantity, ssccs: Type.Array(Type.String()) },
        closed,
      ),
    ),
  },
  { ...closed, description: 'What a shipment carried, back to lots and lines' },
);

export const RecoveredMatch = Type.Object(
  {
    id: Type.String(),
    lotNumber: Type.String(),
    productId: Type.String(),
    headstamp: Type.String(),
    labelWords: Type.Array(Type.String()),
    consignees: Type.Array(Type.Object({ consigneeId: Type.String(), rounds: Quantity }, closed)),
    score: Type.Number(),
    matched: Type.Array(Type.String(), { description: 'Why it scored, in words' }),
  },
  { ...closed, description: 'A candidate lot for a recovered cartridge' },
);

const BalanceFields = {
  commissioned: Count,
  inStock: Count,
  inTransit: Count,
  delivered: Count,
  consumedInTests: Count,
  destroyed: Count,
  lost: Count,
  adjusted: Count,
  difference: Type.Integer({
    description: 'commissioned − every other term; 0 when records and ledger agree',
  }),
};

export const Reconciliation = Type.Object(
  {
    lots: Type.Array(
      Type.Object(
        {
          id: NullableString(),
          lotNumber: Type.String(),
          productId: Type.String(),
          lot: Type.String({ description: '`product/lotNumber`' }),
          ...BalanceFields,
          events: Type.Array(Type.String(), { description: 'Ledger events about the lot, when it differs' }),
        },
        closed,
      ),
    ),
    totals: Type.Object(BalanceFields, closed),
    unexplained: Quantity,
  },
  {
    ...closed,
    description: 'commissioned = in stock + in transit + delivered + consumed + destroyed + lost + adjusted',
  },
);

export const TransferLine = Type.Object(
  {
    id: Type.String(),
    shipmentNumber: Type.String(),
    consigneeId: Type.String(),
    consignee: Type.String(),
    country: Type.String(),
    productId: Type.String(),
    rounds: Quantity,
    authorisation: Type.String(),
    authority: Type.String(),
    status: Type.String(),
    dispatchedAt: NullableString({ format: 'date-time' }),
    receivedAt: NullableString({ format: 'date-time' }),
    transportRef: Type.String(),
    invoiceRef: Type.String(),
  },
  closed,
);

export const RecallResult = Type.Object(
  {
    id: Type.String(),
    recallNumber: Type.String(),
    reason: Type.String(),
    origin: Type.String(),
    lots: Type.Array(
      Type.Object(
        { id: Type.String(), lotNumber: Type.String(), previousStatus: Type.String(), roundsHeld: Quantity },
        closed,
      ),
    ),
    notices: Type.Array(
      Type.Object(
        {
          consigneeId: Type.String(),
          name: Type.String(),
          country: Type.String(),
          rounds: Quantity,
          lots: Type.Array(
            Type.Object(
              {
                lotNumber: Type.String(),
                shipmentNumber: Type.String(),
                rounds: Quantity,
                status: Type.String(),
              },
              closed,
            ),
          ),
        },
        closed,
      ),
    ),
  },
  closed,
);
