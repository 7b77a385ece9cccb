/**
 * What a line did over a period, from its recorded line data: the ISO 22400 time
 * elements and quantities of the test period (a `LineTimeRecord`, for `computeKpis`) and the
 * stops in it. The states are sorted into time elements as the plant's KPIs sort them
 * (Execute and micro-stops are production; a stop reason's loss category decides the rest;
 * idle without a reason is delay, a stop without one is down time of unknown cause); the
 * quantities are the growth of the line's cumulative counters in the period.
 *
 * @example
 * const { record, stops } = measureLinePeriod({ from, to, plannedRunTimePerItem: 1 / 100, events });
 * computeKpis(record).availability;
 */
import type { LineTimeRecord } from '../kpi/index.ts';
import { isStopReasonCode, stopReason } from './stop-reasons.ts';

/** A recorded line event, as much of it as the measurement reads. */
export interface RecordedLineEvent {
  readonly kind: 'state' | 'count' | 'stop';
  readonly at: string;
  readonly state: string | null;
  readonly reason: string | null;
  readonly processed: number | null;
  readonly defective: number | null;
  readonly counterReset: boolean;
}

/** One stop in the period: consecutive states outside Execute, planned down time apart. */
export interface PeriodStop {
  readonly from: string;
  readonly to: string;
  readonly minutes: number;
  /** The first stop reason given in it, or null. */
  readonly reason: string | null;
  /** `down` (unplanned), `setup`, `delay` or `minor` (micro-stop). */
  readonly category: 'down' | 'setup' | 'delay' | 'minor';
  /** True while it lasted up to the end of the period measured (not over yet). */
  readonly open: boolean;
}

export interface LinePeriodInput {
  /** Period start and end, ms since the epoch. */
  readonly from: number;
  readonly to: number;
  /** PRI: minutes per round at the rated rate. */
  readonly plannedRunTimePerItem: number;
  /** The line's last state event before `from`, if any. */
  readonly stateBefore?: RecordedLineEvent | undefined;
  /** The line's last count at or before `from`, if any. */
  readonly countBefore?: RecordedLineEvent | undefined;
  /** The line's events in [from, to], in time order. */
  readonly events: readonly RecordedLineEvent[];
}

export interface LinePeriodMeasure {
  readonly record: LineTimeRecord;
  readonly stops: readonly PeriodStop[];
  /** Minutes of operating time measured, on the plant's clock. */
  readonly periodMinutes: number;
}

type TimeKind = 'production' | 'minor' | 'planned' | 'setup' | 'delay' | { down: string };

/**
 * Measures a test period from the line's events (see the module comment).
 *
 * @example
 * measureLinePeriod({ from: 0, to: 3_600_000, plannedRunTimePerItem: 0.01, events: [] }).periodMinutes; // 60
 */
export function measureLinePeriod(input: LinePeriodInput): LinePeriodMeasure {
  const { from, to } = input;
  const periodMinutes = Math.max(0, (to - from) / 60_000);
  let planned = 0;
  let apt = 0;
  let setup = 0;
  let delay = 0;
  const downTimes: Record<string, number> = {};
  const stops: { from: number; to: number; reason: string | null; category: PeriodStop['category'] }[] = [];

  const before = input.stateBefore;
  let current = before?.state == null ? undefined : { state: before.state, reason: before.reason };
  let since = from;
  const close = (until: number): void => {
    const span = (until - since) / 60_000;
    if (span <= 0 || current === undefined) return;
    const kind = classify(current.state, current.reason);
    if (kind === 'production' || kind === 'minor') apt += span;
    else if (kind === 'planned') planned += span;
    else if (kind === 'setup') setup += span;
    else if (kind === 'delay') delay += span;
    else downTimes[kind.down] = (downTimes[kind.down] ?? 0) + span;
    if (kind === 'production' || kind === 'planned') return;
    const category = typeof kind === 'string' ? kind : 'down';
    const last = stops[stops.length - 1];
    if (last !== undefined && last.to === since) {
      last.to = until;
      if (last.reason === null && current.reason !== null) last.reason = current.reason;
      if (last.category === 'delay' || last.category === 'minor') last.category = category;
    } else {
      stops.push({ from: since, to: until, reason: current.reason, category });
    }
  };

  let processed = 0;
  let defective = 0;
  let lastCount = input.countBefore;
  for (const e of input.events) {
    const at = Date.parse(e.at);
    if (e.kind === 'state' && e.state !== null && at < to) {
      close(Math.max(at, from));
      current = { state: e.state, reason: e.reason };
      since = Math.max(at, from);
    } else if (e.kind === 'count' && at > from && at <= to) {
      const [dp, dd] = growth(lastCount, e);
      processed += dp;
      defective += dd;
      lastCount = e;
    }
  }
  close(to);

  return {
    record: {
      plannedBusyTime: periodMinutes - planned,
      actualProductionTime: apt,
      setupTime: setup,
      downTimes,
      delayTime: delay,
      plannedRunTimePerItem: input.plannedRunTimePerItem,
      producedQuantity: processed,
      goodQuantity: processed - defective,
    },
    stops: stops.map((s) => ({
      from: new Date(s.from).toISOString(),
      to: new Date(s.to).toISOString(),
      minutes: (s.to - s.from) / 60_000,
      reason: s.reason,
      category: s.category,
      open: s.to === to && current !== undefined && current.state !== 'Execute',
    })),
    periodMinutes,
  };
}

/** Rounds a count adds to the one before; counters start at zero when first recorded. */
function growth(previous: RecordedLineEvent | undefined, e: RecordedLineEvent): [number, number] {
  const p = e.processed ?? 0;
  const d = e.defective ?? 0;
  if (e.counterReset || previous === undefined) return [p, d];
  return [p - (previous.processed ?? 0), d - (previous.defective ?? 0)];
}

/** Which ISO 22400 time element a PackML state (entered with a reason, or not) counts toward. */
function classify(state: string, reason: string | null): TimeKind {
  if (state === 'Execute') return 'production';
  if (reason !== null && isStopReasonCode(reason)) {
    switch (stopReason(reason).lossCategory) {
      case 'planned-downtime':
        return 'planned';
      case 'setup':
        return 'setup';
      case 'minor-stop':
        return 'minor';
      case 'unplanned-downtime':
        return { down: reason };
    }
  }
  return state === 'Idle' || state === 'Complete' || state === 'Starting' || state === 'Resetting'
    ? 'delay'
    : { down: 'unknown' };
}
