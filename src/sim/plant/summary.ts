/**
 * From replications to a study: P10/P50/P90 of output per line, product and plant, the ISO 22400
 * KPIs per line (computed by the domain's formulas on each replication's time record), the mean
 * time elements and the losses by cause.
 *
 * @example
 * const results = Array.from({ length: 50 }, (_, r) => replicate(plant, 7, r));
 * const summary = summarise(plant, results, { seed: 7 });
 * summary.plant.good.p50;
 */
import { computeKpis, type LineTimeRecord, lossesInRounds } from '../../domain/kpi/index.ts';
import type { PlantModel } from './model.ts';
import type { LineOutcome, ReplicationResult } from './replicate.ts';

/** Spread of a figure over the replications. */
export interface Spread {
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface LineSummary {
  readonly id: string;
  readonly ratedRate: number;
  readonly good: Spread;
  readonly rejected: Spread;
  readonly availability: Spread;
  readonly effectiveness: Spread;
  readonly qualityRatio: Spread;
  readonly oee: Spread;
  /** Mean minutes per replication. */
  readonly time: {
    readonly horizon: number;
    readonly outsideShifts: number;
    readonly plannedMaintenance: number;
    readonly plannedBusy: number;
    readonly production: number;
    readonly microStops: number;
    readonly setup: number;
    readonly failure: number;
    readonly starved: Readonly<Record<string, number>>;
  };
  readonly failures: number;
  readonly changeovers: number;
  /** Mean rounds lost per cause (planned maintenance included, at the rated rate). */
  readonly losses: Readonly<Record<string, number>>;
}

export interface ProductSummary {
  readonly id: string;
  readonly good: Spread;
  readonly rejected: Spread;
}

export interface StudySummary {
  readonly replications: number;
  readonly seed: number;
  readonly horizonDays: number;
  readonly ratedOutputPerYear: number;
  /** Rated output scaled to the horizon. */
  readonly ratedOutput: number;
  readonly plant: {
    readonly good: Spread;
    readonly rejected: Spread;
    /** Share of replications whose good output reaches the rated output. */
    readonly shareReachingRated: number;
  };
  readonly lines: readonly LineSummary[];
  readonly products: readonly ProductSummary[];
  /** Plant losses by cause, mean rounds per replication, largest first. */
  readonly losses: readonly { readonly cause: string; readonly rounds: number }[];
  /** Plant good output of each replication, in replication order (for charts). */
  readonly goodByReplication: readonly number[];
  readonly events: number;
}

/** The ISO 22400 record of one line in one replication. */
export function lineRecord(
  outcome: LineOutcome,
  ratedRate: number,
  componentIds: readonly string[],
): LineTimeRecord {
  const downTimes: Record<string, number> = { failure: outcome.failureTime };
  outcome.starvedTime.forEach((t, c) => {
    if (t > 0) downTimes[`starved: ${componentIds[c] ?? c}`] = t;
  });
  return {
    plannedBusyTime: outcome.plannedBusyTime,
    actualProductionTime: outcome.productionTime,
    setupTime: outcome.setupTime,
    downTimes,
    plannedRunTimePerItem: 1 / ratedRate,
    producedQuantity: outcome.good + outcome.rejected,
    goodQuantity: outcome.good,
  };
}

/** Summarises replications (in any order; they are sorted by replication number first). */
export function summarise(
  plant: PlantModel,
  results: readonly ReplicationResult[],
  options: { seed: number },
): StudySummary {
  const sorted = [...results].sort((a, b) => a.replication - b.replication);
  const n = sorted.length;
  const componentIds = plant.components.map((c) => c.id);
  const horizonDays = plant.horizon / 1440;
  const ratedOutput = (plant.ratedOutputPerYear * horizonDays) / 365;
  const mean = (xs: readonly number[]): number =>
    xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
  const plantLosses = new Map<string, number>();

  const lines: LineSummary[] = plant.lines.map((line, li) => {
    const outcomes = sorted.map((r) => r.lines[li]!);
    const records = outcomes.map((o) => lineRecord(o, line.ratedRate, componentIds));
    const kpis = records.map(computeKpis);
    const losses = new Map<string, number>();
    records.forEach((record, r) => {
      const perCause = lossesInRounds(record);
      perCause['planned maintenance'] = outcomes[r]!.maintenanceTime * line.ratedRate;
      for (const [cause, rounds] of Object.entries(perCause))
        losses.set(cause, (losses.get(cause) ?? 0) + rounds / n);
    });
    for (const [cause, rounds] of losses) plantLosses.set(cause, (plantLosses.get(cause) ?? 0) + rounds);
    const starved: Record<string, number> = {};
    componentIds.forEach((id, c) => {
      const t = mean(outcomes.map((o) => o.starvedTime[c]!));
      if (t > 0) starved[id] = t;
    });
    return {
      id: line.id,
      ratedRate: line.ratedRate,
      good: spread(outcomes.map((o) => o.good)),
      rejected: spread(outcomes.map((o) => o.rejected)),
      availability: spread(kpis.map((k) => k.availability)),
      effectiveness: spread(kpis.map((k) => k.effectiveness)),
      qualityRatio: spread(kpis.map((k) => k.qualityRatio)),
      oee: spread(kpis.map((k) => k.oee)),
      time: {
        horizon: plant.horizon,
        outsideShifts: plant.horizon - mean(outcomes.map((o) => o.shiftTime)),
        plannedMaintenance: mean(outcomes.map((o) => o.maintenanceTime)),
        plannedBusy: mean(outcomes.map((o) => o.plannedBusyTime)),
        production: mean(outcomes.map((o) => o.productionTime)),
        microStops: mean(outcomes.map((o) => o.microStopTime)),
        setup: mean(outcomes.map((o) => o.setupTime)),
        failure: mean(outcomes.map((o) => o.failureTime)),
        starved,
      },
      failures: mean(outcomes.map((o) => o.failures)),
      changeovers: mean(outcomes.map((o) => o.changeovers)),
      losses: Object.fromEntries([...losses].sort((a, b) => b[1] - a[1])),
    };
  });

  const goodByReplication = sorted.map((r) => r.lines.reduce((s, l) => s + l.good, 0));
  return {
    replications: n,
    seed: options.seed,
    horizonDays,
    ratedOutputPerYear: plant.ratedOutputPerYear,
    ratedOutput,
    plant: {
      good: spread(goodByReplication),
      rejected: spread(sorted.map((r) => r.lines.reduce((s, l) => s + l.rejected, 0))),
      shareReachingRated: n > 0 ? goodByReplication.filter((g) => g >= ratedOutput).length / n : 0,
    },
    lines,
    products: plant.products.map((p, pi) => ({
      id: p.id,
      good: spread(sorted.map((r) => r.lines.reduce((s, l) => s + (l.goodByProduct[pi] ?? 0), 0))),
      rejected: spread(sorted.map((r) => r.lines.reduce((s, l) => s + (l.rejectedByProduct[pi] ?? 0), 0))),
    })),
    losses: [...plantLosses]
      .map(([cause, rounds]) => ({ cause, rounds }))
      .sort((a, b) => b.rounds - a.rounds),
    goodByReplication,
    events: sorted.reduce((s, r) => s + r.events, 0),
  };
}

/** Mean and the 10th, 50th and 90th percentiles (linear interpolation between order statistics). */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: 0, p10: 0, p50: 0, p90: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => {
    const position = (sorted.length - 1) * q;
    const lo = Math.floor(position);
    const hi = Math.ceil(position);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
  };
  return {
    mean: values.reduce((s, x) => s + x, 0) / values.length,
    p10: at(0.1),
    p50: at(0.5),
    p90: at(0.9),
  };
}
