export interface StockLine {
  readonly id: string;
  readonly locationId: string;
  readonly lotNumber: string;
  readonly productId: string;
  readonly status: string;
  readonly form: 'round' | 'box' | 'crate';
  readonly quantity: number;
  readonly rounds: number;
}

export interface LocationUse {
  readonly id: string;
  readonly kind: string;
  readonly limitCrates: number;
  readonly occupancy: number;
}

export interface StockPage {
  readonly items: readonly StockLine[];
  readonly nextCursor: string | null;
  readonly locations: readonly LocationUse[];
}

export interface Authorisation {
  readonly id: string;
  readonly number: string;
  readonly authority: string;
  readonly consigneeId: string;
  readonly country: string;
  readonly products: readonly string[];
  readonly quantityCeiling: number;
  readonly validFrom: string;
  readonly validTo: string;
  readonly status: string;
  readonly used: number;
  readonly remaining: number;
}

export interface Shipment {
  readonly id: string;
  readonly shipmentNumber: string;
  readonly consigneeId: string;
  readonly status: 'planned' | 'in_transit' | 'received';
  readonly quantity: number;
  readonly crates: number;
  readonly createdAt: string;
  readonly dispatchedAt: string | null;
  readonly receivedAt: string | null;
  readonly authorisation: string | null;
  readonly transportRef: string;
  readonly products: Readonly<Record<string, number>>;
}

export interface ApprovalRequest {
  readonly id: string;
  readonly requestNumber: string;
  readonly kind: string;
  readonly summary: string;
  readonly status: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly approvedBy: string | null;
  readonly decidedAt: string | null;
}

/** What a four-eyes act answers: done, or waiting for a second person. */
export type FourEyes<T> =
  | { readonly status: 'done'; readonly result: T }
  | { readonly status: 'awaiting_approval'; readonly request: { readonly requestNumber: string } };

/** The forward trace of a lot (`GET /trace/lots/{lot}`), as far as shipping needs it. */
export interface LotCrates {
  readonly crates: readonly {
    readonly sscc: string;
    readonly rounds: number;
    readonly locationId: string;
    readonly palletSscc: string | null;
    readonly shipmentNumber: string | null;
  }[];
}
