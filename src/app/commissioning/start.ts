import { protocolFor, type AcceptanceThresholds } from '../../domain/commissioning/index.ts';
import { ConflictError, NotFoundError, RefusedError, ValidationError } from '../../domain/errors.ts';
import { commissioningRepository } from '../../store/repositories/commissioning.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';
import { operatingWindowsFrom, type StoredProtocol } from './windows.ts';

export interface StartTestInput {
  readonly lineId: string;
  /** Operating hours, over the scenario protocol's. */
  readonly durationHours?: number | undefined;
  /** Products to run, over the line's. */
  readonly products?: readonly string[] | undefined;
  readonly thresholds?: Partial<AcceptanceThresholds> | undefined;
  /**
   * When the test began, if before now: a test entered after the fact (the commission met at
   * the line at 06:00 and the records heard of it later). The act says when it was entered.
   */
  readonly startAt?: Date | undefined;
}

export interface StartedTest {
  readonly id: string;
  readonly lineId: string;
  readonly startedAt: string;
  /** When the protocol's operating time (the line's shift windows) is reached on the plant's clock. */
  readonly dueAt: string;
  readonly protocol: StoredProtocol;
}

/** Who runs acceptance tests. */
export const COMMISSIONING_ROLES = ['admin', 'quality'] as const;

/**
 * Starts a line's acceptance test now (the plant's clock): the protocol is the scenario's
 * (`lines[].commissioning.test`) with the given terms over it, and is kept with the test as
 * started. Refuses a second running test on the line, an incomplete protocol, and a protocol
 * whose signatories have no key yet (`headstamp signatory add`), so that the act can be signed
 * when the test closes. Admin or quality.
 *
 * @example
 * const test = await startAcceptanceTest(app, admin, { lineId: 'L2', durationHours: 8 });
 * test.dueAt; // '2027-01-04T11:00:00.000Z'
 */
export async function startAcceptanceTest(
  app: AppContext,
  actor: Actor,
  input: StartTestInput,
): Promise<StartedTest> {
  requireRole(actor, COMMISSIONING_ROLES, 'start an acceptance test');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const line = scenario.lines.find((l) => l.id === input.lineId);
    if (line === undefined) {
      throw new NotFoundError(
        'line.not_found',
        `no line ${input.lineId} (lines: ${scenario.lines.map((l) => l.id).join(', ')})`,
      );
    }
    const protocol = protocolFor(line, {
      durationHours: input.durationHours,
      products: input.products,
      thresholds: input.thresholds,
    });
    const repo = commissioningRepository(tx);
    const running = await repo.runningTest(line.id);
    if (running !== undefined) {
      throw new ConflictError(
        'commissioning.running',
        `line ${line.id} has an acceptance test running since ${running.startedAt}`,
        {
          testId: running.id,
        },
      );
    }
    const missing: string[] = [];
    for (const s of protocol.signatories) {
      if ((await repo.signatory(s.name)) === undefined) {
        missing.push(`signatory ${s.name} (${s.role}) has no key yet: headstamp signatory add '${s.name}'`);
      }
    }
    if (missing.length > 0) {
      throw new RefusedError(
        'commissioning.signatory_missing',
        `line ${line.id}: the act could not be signed`,
        missing,
      );
    }
    const now = app.clock.now();
    const startAt = input.startAt ?? now;
    if (Number.isNaN(startAt.getTime()) || startAt.getTime() > now.getTime()) {
      throw new ValidationError(
        'commissioning.start',
        `at: must be an instant not after now (${now.toISOString()})`,
        [{ path: 'at', problem: `must be an instant not after now (${now.toISOString()})` }],
      );
    }
    const { windows, dueAt } = operatingWindowsFrom(scenario, line, startAt, protocol.durationHours);
    const stored: StoredProtocol = {
      ...protocol,
      startEnteredAt: input.startAt === undefined ? null : now.toISOString(),
      operatingWindows: windows.map((w) => ({
        from: new Date(w.from).toISOString(),
        to: new Date(w.to).toISOString(),
      })),
    };
    const test = {
      id: app.ids.next('acceptance-test'),
      lineId: line.id,
      status: 'running' as const,
      protocol: stored,
      startedAt: startAt.toISOString(),
      dueAt: new Date(dueAt).toISOString(),
      closedAt: null,
      early: false,
      actor: actorRef(actor),
    };
    await repo.insertTest(test);
    return {
      id: test.id,
      lineId: test.lineId,
      startedAt: test.startedAt,
      dueAt: test.dueAt,
      protocol: stored,
    };
  });
}
