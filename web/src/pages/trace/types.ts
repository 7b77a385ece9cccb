/** `GET /trace/lots/{lot}`: where a lot's rounds went. */
export interface ForwardTrace {
  readonly lotNumber: string;
  readonly productId: string;
  readonly quantity: number;
  readonly status: string;
  readonly loose: readonly { locationId: string; form: string; quantity: number }[];
  readonly crates: readonly {
    sscc: string;
    rounds: number;
    locationId: string;
    palletSscc: string | null;
    shipmentNumber: string | null;
    consigneeId: string | null;
    outcome: string | null;
  }[];
  readonly shipments: readonly {
    shipmentNumber: string;
    consigneeId: string;
    status: string;
    dispatchedAt: string | null;
    receivedAt: string | null;
    crates: number;
    rounds: number;
  }[];
  readonly consignees: readonly {
    consigneeId: string;
    name: string;
    country: string;
    rounds: number;
    delivered: number;
    inTransit: number;
  }[];
}

/** A candidate lot for a recovered cartridge (`POST /trace/recovered`). */
export interface Candidate {
  readonly lotNumber: string;
  readonly productId: string;
  readonly headstamp: string;
  readonly score: number;
  readonly matched: readonly string[];
  readonly consignees: readonly { consigneeId: string; rounds: number }[];
}

/** What a search found: the lots to trace forward, and how they were found. */
export interface Found {
  readonly query: string;
  readonly how: string;
  readonly lots: readonly string[];
  readonly candidates?: readonly Candidate[];
}
