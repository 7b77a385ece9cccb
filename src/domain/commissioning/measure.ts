/**
 * What a line did during its acceptance test: its operating windows measured one by one with
 * the plant's own period measure (`measureLinePeriod`, the same the KPIs use) and added up.
 */
import { addRecords, type LineTimeRecord } from '../kpi/index.ts';
import {
  measureLinePeriod,
  type LinePeriodMeasure,
  type PeriodStop,
  type RecordedLineEvent,
} from '../line/period.ts';
import type { Span } from './operating-time.ts';

export type { RecordedLineEvent } from '../line/period.ts';
/** One stop during the test. */
export type TestStop = PeriodStop;
export type TestPeriodMeasure = LinePeriodMeasure;

/**
 * The longest stop that counts against the protocol: unplanned down time, delay or micro-stop
 * (planned down time and changeovers between the test's products do not).
 *
 * @example
 * longestStopMinutes([{ minutes: 12, category: 'down' }, { minutes: 40, category: 'setup' }]); // 12
 */
export function longestStopMinutes(stops: readonly Pick<TestStop, 'minutes' | 'category'>[]): number {
  return stops.filter((s) => s.category !== 'setup').reduce((max, s) => Math.max(max, s.minutes), 0);
}

export interface OperatingTimeInput {
  /** The test's operating windows up to where it is measured (see `clipWindows`). */
  readonly windows: readonly Span[];
  readonly plannedRunTimePerItem: number;
  /** The line's last state event before the first window, if any. */
  readonly stateBefore?: RecordedLineEvent | undefined;
  /** The line's last count at or before the first window's start, if any. */
  readonly countBefore?: RecordedLineEvent | undefined;
  /** The line's events from the first window's start to the last one's end, in time order. */
  readonly events: readonly RecordedLineEvent[];
}

/**
 * Measures a test over its operating windows: each window as `measureLinePeriod` does, the
 * records added up (`addRecords`), the stops listed window by window (time outside the windows
 * is no part of the test, so a stop is cut at a shift's end).
 *
 * @example
 * measureOperatingTime({ windows: [{ from: 0, to: 3_600_000 }], plannedRunTimePerItem: 0.01, events: [] }).periodMinutes; // 60
 */
export function measureOperatingTime(input: OperatingTimeInput): TestPeriodMeasure {
  const timed = input.events.map((e) => ({ e, at: Date.parse(e.at) }));
  let record: LineTimeRecord = {
    plannedBusyTime: 0,
    actualProductionTime: 0,
    setupTime: 0,
    downTimes: {},
    delayTime: 0,
    plannedRunTimePerItem: input.plannedRunTimePerItem,
    producedQuantity: 0,
    goodQuantity: 0,
  };
  const stops: TestStop[] = [];
  let periodMinutes = 0;
  input.windows.forEach((w, i) => {
    let stateBefore = input.stateBefore;
    let countBefore = input.countBefore;
    const events: RecordedLineEvent[] = [];
    for (const { e, at } of timed) {
      if (e.kind === 'state' && at < w.from) stateBefore = e;
      if (e.kind === 'count' && at <= w.from) countBefore = e;
      if (at >= w.from && at <= w.to) events.push(e);
    }
    const m = measureLinePeriod({
      from: w.from,
      to: w.to,
      plannedRunTimePerItem: input.plannedRunTimePerItem,
      stateBefore,
      countBefore,
      events,
    });
    record = addRecords(record, m.record);
    const last = i === input.windows.length - 1;
    stops.push(...m.stops.map((s) => (last ? s : { ...s, open: false })));
    periodMinutes += m.periodMinutes;
  });
  return { record, stops, periodMinutes };
}
