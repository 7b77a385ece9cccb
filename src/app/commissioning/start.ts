import {
  protocolFor,
  type AcceptanceProtocol,
  type AcceptanceThresholds,
} from '../../domain/commissioning/index.ts';
import { ConflictError, NotFoundError, RefusedError } from '../../domain/errors.ts';
import { commissioningRepository } from '../../store/repositories/commissioning.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';

export interface StartTestInput {
  readonly lineId: string;
  /** Operating hours, over the scenario protocol's. */
  readonly durationHours?: number | undefined;
  /** Products to run, over the line's. */
  readonly products?: readonly string[] | undefined;
  readonly thresholds?: Partial<AcceptanceThresholds> | undefined;
}

export interface StartedTest {
  readonly id: string;
  readonly lineId: string;
  readonly startedAt: string;
  /** When the protocol's operating time is reached on the plant's clock. */
  readonly dueAt: string;
  readonly protocol: AcceptanceProtocol;
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
    const test = {
      id: app.ids.next('acceptance-test'),
      lineId: line.id,
      status: 'running' as const,
      protocol,
      startedAt: now.toISOString(),
      dueAt: new Date(now.getTime() + protocol.durationHours * 3_600_000).toISOString(),
      closedAt: null,
      early: false,
      actor: actorRef(actor),
    };
    await repo.insertTest(test);
    return { id: test.id, lineId: test.lineId, startedAt: test.startedAt, dueAt: test.dueAt, protocol };
  });
}
