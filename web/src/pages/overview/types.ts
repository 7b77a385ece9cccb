// The answers the plant and line pages read (GET /lines, /kpi, /lines/{id}/events), as the API sends them.

export interface LineGlance {
  readonly id: string;
  readonly name: string;
  readonly ratedRate: number;
  readonly state: string | null;
  readonly reason: string | null;
  readonly stateAt: string | null;
  readonly productId: string | null;
  readonly currentRate: number;
}

export interface PlantGlance {
  readonly plantId: string;
  readonly plantName: string;
  readonly now: string;
  readonly today: string;
  readonly year: number;
  readonly timezone: string;
  readonly ratedOutputPerYear: number;
  readonly goodThisYear: number;
  readonly lines: readonly LineGlance[];
  readonly recentLots: readonly {
    readonly lotNumber: string;
    readonly lineId: string;
    readonly productId: string;
    readonly quantity: number;
    readonly commissionedAt: string;
  }[];
}

export interface KpiRow {
  readonly id: string;
  readonly lineId: string;
  readonly date: string;
  readonly shift: string | null;
  readonly availability: number;
  readonly effectiveness: number;
  readonly qualityRatio: number;
  readonly oee: number;
  readonly scrapQuantity: number;
  readonly downTime: number;
  readonly record: {
    readonly plannedBusyTime: number;
    readonly actualProductionTime: number;
    readonly setupTime?: number;
    readonly downTimes?: Readonly<Record<string, number>>;
    readonly delayTime?: number;
    readonly plannedRunTimePerItem: number;
    readonly producedQuantity: number;
    readonly goodQuantity: number;
  };
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface RecordedLineEvent {
  readonly eventId: string;
  readonly kind: 'state' | 'count' | 'stop';
  readonly at: string;
  readonly state: string | null;
  readonly reason: string | null;
  readonly processed: number | null;
  readonly defective: number | null;
  readonly counterReset: boolean;
  readonly endedAt: string | null;
}
