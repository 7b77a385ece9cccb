import type { Scenario } from '../../domain/scenario/schema.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  aqlFromNumber,
  DEFECT_CLASSES,
  initialSwitchingState,
  type ClassRule,
  type DefectClass,
  type SamplingScheme,
  type SwitchingSeverity,
  type SwitchingState,
} from '../../domain/sampling/index.ts';
import type { LotStatus } from '../../domain/stock/index.ts';
import type { Executor } from '../../store/database.ts';
import { lotRepository, type LotRecord } from '../../store/repositories/lots.ts';
import { qualityRepository, type SamplingStateRecord } from '../../store/repositories/quality.ts';

/**
 * The plant's sampling scheme from its scenario: its inspection level, and for each defect
 * class that some test checks, the class's AQL; a class is destructive when any of its tests is
 * (one sample per class serves all its tests, the destructive one last).
 *
 * @example
 * samplingScheme(scenario); // { level: 'II', classes: { critical: { aql: '0.065', destructive: true }, ... } }
 */
export function samplingScheme(scenario: Scenario): SamplingScheme {
  const classes: Partial<Record<DefectClass, ClassRule>> = {};
  for (const defectClass of DEFECT_CLASSES) {
    const tests = scenario.sampling.tests.filter((t) => t.defectClass === defectClass);
    if (tests.length === 0) continue;
    const value = scenario.sampling.aql[defectClass];
    const aql = aqlFromNumber(value);
    if (aql === undefined) {
      throw new ValidationError(
        'sampling.aql',
        `sampling.aql.${defectClass}: ${value} is not an AQL of the tables`,
        [
          {
            path: `sampling.aql.${defectClass}`,
            problem: `must be an AQL of MIL-STD-105E (0.010 … 1000), got ${value}`,
          },
        ],
      );
    }
    classes[defectClass] = { aql, destructive: tests.some((t) => t.destructive) };
  }
  return { level: scenario.sampling.inspectionLevel, classes };
}

/** The lot of a lot number, or NotFoundError. */
export async function lotByNumber(ex: Executor, lotNumber: string): Promise<LotRecord> {
  const lot = await lotRepository(ex).byNumber(lotNumber);
  if (lot === undefined)
    throw new NotFoundError('lot.not_found', `no lot numbered ${lotNumber}`, { lotNumber });
  return lot;
}

/** Where a lot stands with quality: its latest decision, or `pending` before any. */
export async function lotStatus(ex: Executor, lotId: string): Promise<LotStatus> {
  const decisions = await qualityRepository(ex).decisions(lotId);
  return decisions[decisions.length - 1]?.status ?? 'pending';
}

/** A product's switching state and conditions, as the domain sees them. */
export interface ProductSwitching {
  readonly state: SwitchingState;
  readonly steadyProduction: boolean;
  readonly reducedApproved: boolean;
}

/** The product's switching state; a product never inspected starts on normal with score 0. */
export async function productSwitching(ex: Executor, productId: string): Promise<ProductSwitching> {
  const record = await qualityRepository(ex).state(productId);
  if (record === undefined) {
    return { state: initialSwitchingState(), steadyProduction: true, reducedApproved: false };
  }
  return {
    state: {
      severity: record.severity as SwitchingSeverity,
      score: record.score,
      recent: [...record.recent].map((c) => c === 'A'),
      acceptedInRow: record.acceptedInRow,
      notAcceptedOnTightened: record.notAcceptedOnTightened,
    },
    steadyProduction: record.steadyProduction,
    reducedApproved: record.reducedApproved,
  };
}

/** The record to store for a product's switching state. */
export function switchingRecord(
  productId: string,
  s: ProductSwitching,
  updatedAt: string,
  actor: string,
): SamplingStateRecord {
  return {
    productId,
    severity: s.state.severity,
    score: s.state.score,
    recent: s.state.recent.map((a) => (a ? 'A' : 'N')).join(''),
    acceptedInRow: s.state.acceptedInRow,
    notAcceptedOnTightened: s.state.notAcceptedOnTightened,
    steadyProduction: s.steadyProduction,
    reducedApproved: s.reducedApproved,
    updatedAt,
    actor,
  };
}
