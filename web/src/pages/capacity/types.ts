export interface Spread {
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface Study {
  readonly id: string;
  readonly status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  readonly replications: number;
  readonly seed: number;
  readonly horizonDays: number;
  readonly requestedBy: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

export interface StudyResult extends Study {
  readonly result: {
    readonly summary: {
      readonly ratedOutput: number;
      readonly plant: { readonly good: Spread; readonly shareReachingRated: number };
      readonly lines: readonly {
        readonly id: string;
        readonly good: Spread;
        readonly availability: Spread;
        readonly effectiveness: Spread;
        readonly qualityRatio: Spread;
        readonly oee: Spread;
      }[];
      readonly losses: readonly { readonly cause: string; readonly rounds: number }[];
    };
    readonly verdict: {
      readonly answer: string;
      readonly headline: string;
      readonly assumptions: readonly string[];
      readonly limits: readonly string[];
    };
  } | null;
}
