export interface LedgerHead {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: string;
  readonly updatedAt: string | null;
  readonly checkpoints: readonly {
    size: number;
    rootHash: string;
    keyId: string;
    signedAt: string;
    actor: string;
  }[];
}

export interface Verification {
  readonly ok: boolean;
  readonly size: number;
  readonly rootHash: string;
  readonly checkpointsMatched: number;
  readonly checkpointsChecked: number;
  readonly checkpointFaults: readonly string[];
  readonly problem?: { kind: string; index: number; eventID?: string; what: string };
}

/** One lot's balance (`GET /reconciliation`). */
export interface LotBalance {
  readonly lotNumber: string;
  readonly productId: string;
  readonly commissioned: number;
  readonly inStock: number;
  readonly inTransit: number;
  readonly delivered: number;
  readonly consumedInTests: number;
  readonly destroyed: number;
  readonly lost: number;
  readonly adjusted: number;
  readonly difference: number;
  readonly events: readonly string[];
}

export interface Reconciliation {
  readonly lots: readonly LotBalance[];
  readonly totals: Omit<LotBalance, 'lotNumber' | 'productId' | 'events'>;
  readonly unexplained: number;
}
