import { ConflictError } from '../../domain/errors.ts';
import {
  judgeLot,
  lotPlan,
  nextSwitchingState,
  type ClassResult,
  type LotJudgement,
  type Severity,
  type SwitchingStep,
} from '../../domain/sampling/index.ts';
import { roundsConsumedInTest } from '../../ledger/builders.ts';
import { qualityRepository, type SamplingInspectionRecord } from '../../store/repositories/quality.ts';
import type { Actor } from '../actor.ts';
import { actorRef, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody, custodyActor } from '../custody.ts';
import { placeCommissionedLot, takeLooseRounds } from '../packing/lot-stock.ts';
import { plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';
import { lotByNumber, lotStatus, productSwitching, samplingScheme, switchingRecord } from './lot-quality.ts';

export interface RecordResultsInput {
  readonly lotNumber: string;
  readonly results: readonly ClassResult[];
}

export interface RecordedInspection {
  readonly id: string;
  readonly lotNumber: string;
  readonly inspection: SamplingInspectionRecord;
  readonly judgement: LotJudgement;
  /** The severity the product's next lot is inspected under, and the switch if one happened. */
  readonly next: SwitchingStep;
}

/**
 * Records a lot's sample results (original inspection, once per lot): judges each defect class
 * against the plan at the product's current severity, moves the product's switching state, and
 * takes the destructive checks' sample out of the lot's loose rounds (a custody event: consumed
 * in tests). The lot is not yet released or rejected: that is the inspector's next act.
 *
 * @example
 * await recordSampleResults(app, inspector, {
 *   lotNumber: 'HSP26L001-001',
 *   results: [{ defectClass: 'major', inspected: 315, defects: 2 }],
 * });
 */
export async function recordSampleResults(
  app: AppContext,
  actor: Actor,
  input: RecordResultsInput,
): Promise<RecordedInspection> {
  requireRole(actor, ['quality', 'admin'], 'record sample results');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const lot = await lotByNumber(tx, input.lotNumber);
    const quality = qualityRepository(tx);
    if ((await quality.inspectionOfLot(lot.id)) !== undefined) {
      throw new ConflictError(
        'sampling.already_inspected',
        `lot ${lot.lotNumber} has been inspected already`,
        {
          lotNumber: lot.lotNumber,
        },
      );
    }
    const status = await lotStatus(tx, lot.id);
    if (status === 'rejected' || status === 'released') {
      throw new ConflictError('sampling.lot_decided', `lot ${lot.lotNumber} is ${status} already`, {
        status,
      });
    }
    const switching = await productSwitching(tx, lot.productId);
    const conditions = {
      steadyProduction: switching.steadyProduction,
      reducedApproved: switching.reducedApproved,
    };
    const severity = switching.state.severity;
    if (severity === 'discontinued') {
      // nextSwitchingState refuses a lot while discontinued; say so before judging anything.
      nextSwitchingState(
        switching.state,
        { kind: 'lot', accepted: true, inGap: false, scoreStep: 'reset' },
        conditions,
      );
    }
    const plan = lotPlan(lot.quantity, samplingScheme(scenario), severity as Severity);
    const judgement = judgeLot(plan, input.results);
    const next = nextSwitchingState(
      switching.state,
      { kind: 'lot', accepted: judgement.accepted, inGap: judgement.inGap, scoreStep: judgement.scoreStep },
      conditions,
    );
    const at = app.clock.now().toISOString();
    const by = actorRef(actor);
    const inspection: SamplingInspectionRecord = {
      id: app.ids.next('inspection'),
      lotId: lot.id,
      productId: lot.productId,
      severity: plan.severity,
      inspectionLevel: plan.level,
      codeLetter: plan.codeLetter,
      lotSize: plan.lotSize,
      classes: judgement.classes.map((c) => ({ ...c })),
      accepted: judgement.accepted,
      inGap: judgement.inGap,
      scoreStep: String(judgement.scoreStep),
      roundsConsumed: plan.roundsConsumed,
      switched: next.switched === undefined ? null : { ...next.switched },
      inspectedAt: at,
      actor: by,
    };
    await quality.insertInspection(inspection);
    await quality.saveState(switchingRecord(lot.productId, { ...switching, state: next.state }, at, by));
    if (plan.roundsConsumed > 0) {
      await placeCommissionedLot(tx, scenario, lot);
      const location = await takeLooseRounds(tx, lot, plan.roundsConsumed);
      await appendCustody(tx, [
        roundsConsumedInTest(
          { eventID: app.ids.next('event'), eventTime: at, actor: custodyActor(actor) },
          {
            product: lot.productId,
            lot: lot.lotNumber,
            quantity: plan.roundsConsumed,
            location,
            inspection: inspection.id,
          },
        ),
      ]);
    }
    return { id: lot.id, lotNumber: lot.lotNumber, inspection, judgement, next };
  });
}
