import {
  clipWindows,
  evaluateTest,
  measureOperatingTime,
  windowMinutes,
  type TestEvaluation,
} from '../../domain/commissioning/index.ts';
import type { Executor } from '../../store/database.ts';
import type { AcceptanceTestRecord } from '../../store/repositories/commissioning.ts';
import { lineDataRepository } from '../../store/repositories/line-data.ts';
import { windowSpans, type StoredProtocol } from './windows.ts';

/** A running or closing test, measured up to an instant. */
export interface MeasuredTest {
  readonly protocol: StoredProtocol;
  readonly from: string;
  readonly to: string;
  /** Operating hours (shift windows) on the plant's clock so far, and the share of the protocol's duration. */
  readonly elapsedHours: number;
  readonly progress: number;
  readonly evaluation: TestEvaluation;
}

/**
 * Measures a test from the line's recorded data in its operating windows between its start and
 * `until` (never past its due time: data after the protocol's duration is not part of the
 * test), and judges it.
 */
export async function measureTest(
  ex: Executor,
  test: AcceptanceTestRecord,
  until: Date,
): Promise<MeasuredTest> {
  const protocol = test.protocol as StoredProtocol;
  const fromMs = Date.parse(test.startedAt);
  const toMs = Math.max(fromMs, Math.min(until.getTime(), Date.parse(test.dueAt)));
  const windows = clipWindows(windowSpans(protocol), fromMs, toMs);
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const first = windows[0];
  const last = windows[windows.length - 1];
  const data = lineDataRepository(ex);
  const measure =
    first === undefined || last === undefined
      ? measureOperatingTime({ windows: [], plannedRunTimePerItem: 1 / protocol.ratedRate, events: [] })
      : measureOperatingTime({
          windows,
          plannedRunTimePerItem: 1 / protocol.ratedRate,
          stateBefore: await data.lastBefore(test.lineId, 'state', new Date(first.from).toISOString()),
          countBefore: await data.lastBefore(test.lineId, 'count', new Date(first.from).toISOString(), true),
          events: await data.events(
            test.lineId,
            new Date(first.from).toISOString(),
            new Date(last.to).toISOString(),
          ),
        });
  const elapsedHours = windowMinutes(windows) / 60;
  return {
    protocol,
    from,
    to,
    elapsedHours,
    progress: Math.min(1, elapsedHours / protocol.durationHours),
    evaluation: evaluateTest(protocol, measure),
  };
}
