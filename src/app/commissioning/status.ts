import { serviceStatus, type ServiceStatus, type TestEvaluation } from '../../domain/commissioning/index.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Executor } from '../../store/database.ts';
import { commissioningRepository } from '../../store/repositories/commissioning.ts';
import { requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { measureTest } from './measure.ts';
import type { StoredProtocol } from './windows.ts';

const STAFF = ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'] as const;

/** A line's standing: in service or not, by which act, and whether a test is running. */
export interface LineService extends ServiceStatus {
  readonly id: string;
  readonly lineId: string;
  readonly testRunning: boolean;
}

/**
 * Whether a line is commissioned: by its latest act in the records (passed or failed: a new act
 * supersedes the old), else by the prior act its scenario entry names. What scheduling asks
 * before it gives a line work.
 *
 * @example
 * (await lineServiceStatus(store, 'L2')).commissioned; // false
 */
export async function lineServiceStatus(ex: Executor, lineId: string): Promise<LineService> {
  const scenario = await plantScenario(ex);
  const line = scenario.lines.find((l) => l.id === lineId);
  if (line === undefined) throw new NotFoundError('line.not_found', `no line ${lineId}`);
  const repo = commissioningRepository(ex);
  const latest = (await repo.latestActs(lineId)).get(lineId);
  const running = await repo.runningTest(lineId);
  return {
    id: lineId,
    lineId,
    ...serviceStatus(line.commissioning?.priorAct, latest),
    testRunning: running !== undefined,
  };
}

/**
 * The ids of the lines in service, for scheduling.
 *
 * @example
 * const commissioned = await commissionedLineIds(tx); // Set { 'L1', 'L3' }
 */
export async function commissionedLineIds(ex: Executor): Promise<Set<string>> {
  return new Set((await lineServiceStatuses(ex)).filter((l) => l.commissioned).map((l) => l.lineId));
}

/**
 * Every line's standing, without a role check: for use cases that decide on it (scheduling
 * gives work to commissioned lines, and to lines whose acceptance test is running).
 *
 * @example
 * const underTest = (await lineServiceStatuses(tx)).filter((l) => l.testRunning).map((l) => l.lineId);
 */
export async function lineServiceStatuses(ex: Executor): Promise<LineService[]> {
  const scenario = await plantScenario(ex);
  const repo = commissioningRepository(ex);
  const latest = await repo.latestActs();
  const running = new Set((await repo.runningTests()).map((t) => t.lineId));
  return scenario.lines.map((line) => ({
    id: line.id,
    lineId: line.id,
    ...serviceStatus(line.commissioning?.priorAct, latest.get(line.id)),
    testRunning: running.has(line.id),
  }));
}

/**
 * Every line's standing (see `lineServiceStatus`).
 *
 * @example
 * (await listLineService(app, actor)).map((l) => `${l.lineId} ${l.commissioned}`);
 */
export async function listLineService(app: AppContext, actor: Actor): Promise<LineService[]> {
  requireRole(actor, STAFF, 'see commissioning');
  return lineServiceStatuses(app.store);
}

/** A running test's progress against each threshold. */
export interface TestProgress {
  readonly testId: string;
  readonly lineId: string;
  readonly startedAt: string;
  readonly dueAt: string;
  /** Measured up to: now, or the due time once it has passed. */
  readonly measuredTo: string;
  readonly elapsedHours: number;
  readonly durationHours: number;
  /** Share of the protocol's operating time done, 0..1. */
  readonly progress: number;
  /** The duration is reached: the test may be closed. */
  readonly due: boolean;
  /** As the test keeps it, with its operating windows. */
  readonly protocol: StoredProtocol;
  readonly evaluation: TestEvaluation;
}

/**
 * A line's standing and, while its acceptance test runs, the test measured so far from the
 * recorded line data (now on the plant's clock).
 *
 * @example
 * const { test } = await commissioningStatus(app, actor, 'L2');
 * test?.evaluation.thresholds.map((t) => `${t.label}: ${t.measured}`);
 */
export async function commissioningStatus(
  app: AppContext,
  actor: Actor,
  lineId: string,
): Promise<{ service: LineService; test: TestProgress | null }> {
  requireRole(actor, STAFF, 'see commissioning');
  const service = await lineServiceStatus(app.store, lineId);
  const test = await commissioningRepository(app.store).runningTest(lineId);
  if (test === undefined) return { service, test: null };
  const now = app.clock.now();
  const m = await measureTest(app.store, test, now);
  return {
    service,
    test: {
      testId: test.id,
      lineId,
      startedAt: test.startedAt,
      dueAt: test.dueAt,
      measuredTo: m.to,
      elapsedHours: m.elapsedHours,
      durationHours: m.protocol.durationHours,
      progress: m.progress,
      due: now.getTime() >= Date.parse(test.dueAt),
      protocol: m.protocol,
      evaluation: m.evaluation,
    },
  };
}
