import {
  lotPlan,
  type ClassPlan,
  type CodeLetter,
  type InspectionLevel,
  type Severity,
  type SwitchingSeverity,
} from '../../domain/sampling/index.ts';
import type { LotStatus } from '../../domain/stock/index.ts';
import { qualityRepository, type SamplingInspectionRecord } from '../../store/repositories/quality.ts';
import type { Actor } from '../actor.ts';
import { requireRole } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber, lotStatus, productSwitching, samplingScheme } from './lot-quality.ts';

export interface SwitchingView {
  readonly severity: SwitchingSeverity;
  readonly score: number;
  /** Last ≤ 5 lots on normal inspection, oldest first. */
  readonly recent: readonly boolean[];
  readonly acceptedInRow: number;
  readonly notAcceptedOnTightened: number;
  readonly steadyProduction: boolean;
  readonly reducedApproved: boolean;
}

export interface LotSamplingPlan {
  readonly id: string;
  readonly lotNumber: string;
  readonly productId: string;
  readonly lotSize: number;
  readonly status: LotStatus;
  readonly level: InspectionLevel;
  /** The table the next inspection uses (the one used, once inspected). */
  readonly severity: Severity;
  readonly codeLetter: CodeLetter;
  readonly classes: readonly ClassPlan[];
  readonly roundsConsumed: number;
  readonly switching: SwitchingView;
  readonly inspection: SamplingInspectionRecord | null;
}

/**
 * The sampling plan of a lot: code letter, and n, Ac, Re per defect class at the product's
 * current severity (or, once the lot is inspected, the plan it was inspected under), with the
 * product's switching state. Any of the plant's staff may read it.
 *
 * @example
 * const plan = await samplingPlanFor(app, actor, 'HSP26L001-001');
 * plan.classes.map((c) => [c.defectClass, c.n, c.ac, c.re]);
 */
export async function samplingPlanFor(
  app: AppContext,
  actor: Actor,
  lotNumber: string,
): Promise<LotSamplingPlan> {
  requireRole(actor, staff, 'read a sampling plan');
  const scenario = await plantScenario(app.store);
  const lot = await lotByNumber(app.store, lotNumber);
  const switching = await productSwitching(app.store, lot.productId);
  const inspection = (await qualityRepository(app.store).inspectionOfLot(lot.id)) ?? null;
  const current = switching.state.severity;
  const severity: Severity =
    inspection !== null
      ? (inspection.severity as Severity)
      : current === 'discontinued'
        ? 'tightened'
        : current;
  const plan = lotPlan(lot.quantity, samplingScheme(scenario), severity);
  return {
    id: lot.id,
    lotNumber: lot.lotNumber,
    productId: lot.productId,
    lotSize: lot.quantity,
    status: await lotStatus(app.store, lot.id),
    level: plan.level,
    severity,
    codeLetter: plan.codeLetter,
    classes: plan.classes,
    roundsConsumed: plan.roundsConsumed,
    switching: {
      ...switching.state,
      steadyProduction: switching.steadyProduction,
      reducedApproved: switching.reducedApproved,
    },
    inspection,
  };
}
