/**
 * The verdict of an acceptance test: each threshold of the protocol against what the recorded
 * line data measured. Availability, achieved rate (ISO 22400 effectiveness: PRI × PQ / APT,
 * the rate while running over the rated rate) and quality ratio come from `computeKpis`; the
 * longest single stop from the stops of the period.
 *
 * @example
 * const result = evaluateTest(protocol, measureTestPeriod(input));
 * result.passed; // false
 * result.reasons; // ['availability 81.2 % is below the minimum 90.0 %']
 */
import { computeKpis, type LineKpis, type LineTimeRecord } from '../kpi/index.ts';
import type { AcceptanceProtocol } from './protocol.ts';
import { longestStopMinutes, type TestPeriodMeasure, type TestStop } from './measure.ts';

export const THRESHOLD_KEYS = ['rateShare', 'availability', 'qualityRatio', 'longestStop'] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

/** One threshold of the protocol, measured. */
export interface ThresholdResult {
  readonly key: ThresholdKey;
  readonly label: string;
  /** `min`: measured must be at least `required`; `max`: at most. */
  readonly bound: 'min' | 'max';
  readonly required: number;
  readonly measured: number;
  /** `share` (0..1, shown as a percentage) or `minutes`. */
  readonly unit: 'share' | 'minutes';
  readonly passed: boolean;
}

export interface TestEvaluation {
  readonly record: LineTimeRecord;
  readonly kpis: LineKpis;
  readonly thresholds: readonly ThresholdResult[];
  readonly stops: readonly TestStop[];
  readonly periodMinutes: number;
  readonly passed: boolean;
  /** One sentence per failed threshold; empty when passed. */
  readonly reasons: readonly string[];
}

/**
 * Judges a measured period against the protocol's thresholds. A period in which the line
 * made nothing fails every share threshold (the KPIs are 0).
 *
 * @example
 * evaluateTest(protocol, measure).thresholds.map((t) => t.passed); // [true, true, true, false]
 */
export function evaluateTest(protocol: AcceptanceProtocol, measure: TestPeriodMeasure): TestEvaluation {
  const kpis = computeKpis(measure.record);
  const t = protocol.thresholds;
  const longest = longestStopMinutes(measure.stops);
  const thresholds: ThresholdResult[] = [
    share('rateShare', 'achieved rate / rated rate', t.minRateShare, kpis.effectiveness),
    share('availability', 'availability', t.minAvailability, kpis.availability),
    share('qualityRatio', 'quality ratio', t.minQualityRatio, kpis.qualityRatio),
    {
      key: 'longestStop',
      label: 'longest single stop',
      bound: 'max',
      required: t.maxSingleStopMinutes,
      measured: longest,
      unit: 'minutes',
      passed: longest <= t.maxSingleStopMinutes,
    },
  ];
  const reasons = thresholds.filter((r) => !r.passed).map(describeFailure);
  return {
    record: measure.record,
    kpis,
    thresholds,
    stops: measure.stops,
    periodMinutes: measure.periodMinutes,
    passed: reasons.length === 0,
    reasons,
  };
}

function share(key: ThresholdKey, label: string, required: number, measured: number): ThresholdResult {
  return { key, label, bound: 'min', required, measured, unit: 'share', passed: measured >= required };
}

/**
 * A measured or required value as the act prints it: `92.4 %` or `38 min`.
 *
 * @example
 * formatThresholdValue(0.9237, 'share'); // '92.4 %'
 */
export function formatThresholdValue(value: number, unit: ThresholdResult['unit']): string {
  return unit === 'share' ? `${(value * 100).toFixed(1)} %` : `${Math.round(value * 10) / 10} min`;
}

function describeFailure(r: ThresholdResult): string {
  const measured = formatThresholdValue(r.measured, r.unit);
  const required = formatThresholdValue(r.required, r.unit);
  return r.bound === 'min'
    ? `${r.label} ${measured} is below the minimum ${required}`
    : `${r.label} ${measured} is over the maximum ${required}`;
}
