import {
  evaluateTest,
  measureTestPeriod,
  type AcceptanceProtocol,
  type TestEvaluation,
} from '../../domain/commissioning/index.ts';
import type { Executor } from '../../store/database.ts';
import { lineDataRepository } from '../../store/repositories/line-data.ts';
import type { AcceptanceTestRecord } from '../../store/repositories/commissioning.ts';

/** A running or closing test, measured up to an instant. */
export interface MeasuredTest {
  readonly protocol: AcceptanceProtocol;
  readonly from: string;
  readonly to: string;
  /** Operating hours on the plant's clock so far, and the share of the protocol's duration. */
  readonly elapsedHours: number;
  readonly progress: number;
  readonly evaluation: TestEvaluation;
}

/**
 * Measures a test from the line's recorded data between its start and `until` (never past its
 * due time: data after the protocol's duration is not part of the test), and judges it.
 */
export async function measureTest(
  ex: Executor,
  test: AcceptanceTestRecord,
  until: Date,
): Promise<MeasuredTest> {
  const protocol = test.protocol as AcceptanceProtocol;
  const fromMs = Date.parse(test.startedAt);
  const toMs = Math.max(fromMs, Math.min(until.getTime(), Date.parse(test.dueAt)));
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const data = lineDataRepository(ex);
  const measure = measureTestPeriod({
    from: fromMs,
    to: toMs,
    plannedRunTimePerItem: 1 / protocol.ratedRate,
    stateBefore: await data.lastBefore(test.lineId, 'state', from),
    countBefore: await data.lastBefore(test.lineId, 'count', from, true),
    events: await data.events(test.lineId, from, to),
  });
  const elapsedHours = (toMs - fromMs) / 3_600_000;
  return {
    protocol,
    from,
    to,
    elapsedHours,
    progress: Math.min(1, elapsedHours / protocol.durationHours),
    evaluation: evaluateTest(protocol, measure),
  };
}
