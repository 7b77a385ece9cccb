/** A lot as `GET /lots` answers it. */
export interface Lot {
  readonly id: string;
  readonly lotNumber: string;
  readonly runId: string;
  readonly productId: string;
  readonly lineId: string;
  readonly quantity: number;
  readonly marking: Readonly<Record<string, unknown>>;
  readonly componentShortfall: Readonly<Record<string, number>>;
  readonly commissionedAt: string;
  readonly actor: string;
}

export interface LotStatusRow {
  readonly lotNumber: string;
  readonly productId: string;
  readonly lineId: string;
  readonly status: 'pending' | 'released' | 'held' | 'rejected';
}

export interface LotDetail extends Lot {
  readonly run: {
    readonly id: string;
    readonly lineId: string;
    readonly startedAt: string;
    readonly endedAt: string | null;
    readonly processed: number;
    readonly good: number;
    readonly defective: number;
  } | null;
  readonly productionOrderNumber: string | null;
  readonly components: readonly {
    readonly id: string;
    readonly componentId: string;
    readonly lotNumber: string;
    readonly supplier: string;
    readonly supplierLot: string;
    readonly quantity: number;
  }[];
}

export type DefectClass = 'critical' | 'major' | 'minor';

export interface ClassPlan {
  readonly defectClass: DefectClass;
  readonly aql: string;
  readonly destructive: boolean;
  readonly n: number;
  readonly ac: number;
  readonly re: number;
  readonly fullInspection: boolean;
}

export interface SamplingPlan {
  readonly lotNumber: string;
  readonly lotSize: number;
  readonly status: LotStatusRow['status'];
  readonly level: string;
  readonly severity: string;
  readonly codeLetter: string;
  readonly classes: readonly ClassPlan[];
  readonly roundsConsumed: number;
  readonly switching: {
    readonly severity: string;
    readonly score: number;
    readonly recent: readonly boolean[];
    readonly acceptedInRow: number;
    readonly notAcceptedOnTightened: number;
    readonly steadyProduction: boolean;
    readonly reducedApproved: boolean;
  };
}

export interface Decision {
  readonly id: string;
  readonly seq: number;
  readonly status: 'released' | 'held' | 'rejected';
  readonly reason: string | null;
  readonly approver: string | null;
  readonly decidedAt: string;
  readonly actor: string;
}

export interface QualityHistory {
  readonly lotNumber: string;
  readonly status: LotStatusRow['status'];
  readonly inspection: {
    readonly severity: string;
    readonly codeLetter: string;
    readonly classes: readonly Readonly<Record<string, unknown>>[];
    readonly accepted: boolean;
    readonly inGap: boolean;
    readonly roundsConsumed: number;
    readonly inspectedAt: string;
    readonly actor: string;
  } | null;
  readonly decisions: readonly Decision[];
}
