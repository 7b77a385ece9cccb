import { ConflictError, RefusedError, ValidationError } from '../../domain/errors.ts';
import type { LotStatus } from '../../domain/stock/index.ts';
import { lotStatusChanged } from '../../ledger/builders.ts';
import { qualityRepository, type LotDecisionRecord } from '../../store/repositories/quality.ts';
import type { Actor, UserActor } from '../actor.ts';
import { actorRef, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody, custodyActor } from '../custody.ts';
import { plantScenario } from '../plant-setup.ts';
import type { Tx } from '../../store/database.ts';
import { withTransaction } from '../transaction.ts';
import { lotByNumber, lotStatus } from './lot-quality.ts';

export type Decision = 'released' | 'held' | 'rejected';

export interface DecideLotInput {
  readonly lotNumber: string;
  readonly decision: Decision;
  /** Required to hold or reject; optional to release. */
  readonly reason?: string;
  /** The second person, when the plant asks four eyes for a release. */
  readonly approver?: UserActor;
}

/** From which statuses each decision may be taken. */
const FROM: Readonly<Record<Decision, readonly LotStatus[]>> = {
  released: ['pending', 'held'],
  held: ['pending', 'released'],
  rejected: ['pending', 'held', 'released'],
};

/**
 * Releases, holds or rejects a lot (quality role). A release needs an accepted sampling
 * inspection, and, when the plant's scenario asks four eyes for releases, an approver: another
 * person with the quality or admin role. Holding and rejecting need a reason. Each decision is
 * a custody event (the lot's disposition changes).
 *
 * @example
 * await decideLot(app, inspector, { lotNumber: 'HSP26L001-001', decision: 'released', approver: chief });
 * await decideLot(app, inspector, { lotNumber: 'HSP26L001-002', decision: 'rejected', reason: 'major defects 9 > Re 8' });
 */
export async function decideLot(
  app: AppContext,
  actor: Actor,
  input: DecideLotInput,
): Promise<LotDecisionRecord> {
  return withTransaction(app.store, (tx) => decideLotIn(tx, app, actor, input));
}

/**
 * `decideLot` inside the caller's transaction: how an approved four-eyes request
 * (src/app/custody/approve.ts) carries out a release, with its approver.
 *
 * @example
 * await decideLotIn(tx, app, inspector, { lotNumber: 'HSP26L001-001', decision: 'released', approver: chief });
 */
export async function decideLotIn(
  tx: Tx,
  app: AppContext,
  actor: Actor,
  input: DecideLotInput,
): Promise<LotDecisionRecord> {
  requireRole(
    actor,
    ['quality', 'admin'],
    `${input.decision === 'released' ? 'release' : input.decision === 'held' ? 'hold' : 'reject'} a lot`,
  );
  const reason = input.reason?.trim();
  if (input.decision !== 'released' && (reason === undefined || reason === '')) {
    throw new ValidationError('lot_decision.reason', `reason: required for a lot ${input.decision}`, [
      { path: 'reason', problem: `required for a lot ${input.decision}` },
    ]);
  }
  const scenario = await plantScenario(tx);
  const lot = await lotByNumber(tx, input.lotNumber);
  const quality = qualityRepository(tx);
  const status = await lotStatus(tx, lot.id);
  if (!FROM[input.decision].includes(status)) {
    throw new ConflictError(
      'lot_decision.status',
      `lot ${lot.lotNumber} is ${status}: it cannot be ${input.decision}`,
      {
        status,
        decision: input.decision,
      },
    );
  }
  const inspection = await quality.inspectionOfLot(lot.id);
  if (input.decision === 'released') {
    const reasons: string[] = [];
    if (inspection === undefined)
      reasons.push(`lot ${lot.lotNumber} has no sampling inspection yet (headstamp qa record)`);
    else if (!inspection.accepted)
      reasons.push(`lot ${lot.lotNumber} was not accepted on sampling (${inspection.severity} inspection)`);
    if (scenario.plant.fourEyes.releaseLot) {
      if (input.approver === undefined) reasons.push('a release needs a second person (--approver NAME)');
      else if (input.approver.id === actor.id) reasons.push('the approver must be another person');
      else if (input.approver.role !== 'quality' && input.approver.role !== 'admin') {
        reasons.push(`approver ${input.approver.id} has role ${input.approver.role}; needs quality or admin`);
      }
    }
    if (reasons.length > 0)
      throw new RefusedError(
        'lot_decision.release_refused',
        `lot ${lot.lotNumber} cannot be released`,
        reasons,
      );
  }
  const at = app.clock.now().toISOString();
  const approver = input.decision === 'released' ? input.approver : undefined;
  const decision = await quality.insertDecision({
    id: app.ids.next('decision'),
    lotId: lot.id,
    status: input.decision,
    reason: reason === undefined || reason === '' ? null : reason,
    inspectionId: inspection?.id ?? null,
    approver: approver === undefined ? null : actorRef(approver),
    decidedAt: at,
    actor: actorRef(actor),
  });
  await appendCustody(tx, [
    lotStatusChanged(
      {
        eventID: app.ids.next('event'),
        eventTime: at,
        actor: custodyActor(actor),
        ...(approver === undefined ? {} : { approver: custodyActor(approver) }),
        ...(reason === undefined || reason === '' ? {} : { reason }),
      },
      {
        product: lot.productId,
        lot: lot.lotNumber,
        status: input.decision,
        ...(inspection === undefined ? {} : { inspection: inspection.id }),
      },
    ),
  ]);
  return decision;
}
