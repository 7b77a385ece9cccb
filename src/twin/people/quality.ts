import type { AppContext } from '../../app/context.ts';
import { listLots } from '../../app/production/lots-query.ts';
import { decideLot } from '../../app/quality/decide.ts';
import { samplingPlanFor } from '../../app/quality/plan.ts';
import { recordSampleResults } from '../../app/quality/record.ts';
import type { DefectClass } from '../../domain/sampling/plan.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { sampleBinomial } from '../../sim/distributions.ts';
import type { RandomStream } from '../../sim/random.ts';
import type { Crew } from './crew.ts';

/**
 * Share of sampled rounds found defective, per defect class: well inside each class's AQL
 * (critical 0.065 %, major 0.65 %, minor 2.5 % in the seed plant), so most lots pass and a
 * few fail, as in a plant whose process is in control.
 */
const DEFECT_RATE: Readonly<Record<DefectClass, number>> = {
  critical: 0.00004,
  major: 0.0012,
  minor: 0.005,
};

export interface QualityTally {
  inspected: number;
  released: number;
  rejected: number;
}

/**
 * The inspector samples every lot that waits (code letter, n, Ac, Re from the sampling plan
 * use case), records the results with defect counts drawn from a seeded stream, and decides:
 * an accepted lot is released (with the second quality person as approver when the plant asks
 * four eyes), a rejected one is rejected with the reason. `settled` remembers lots already
 * decided, so each hour reads only what is new. Returns the released lots, for packing.
 *
 * @example
 * await inspectLots(app, crew, scenario, rng, settled, tally);
 */
export async function inspectLots(
  app: AppContext,
  crew: Crew,
  scenario: Scenario,
  rng: RandomStream,
  settled: Set<string>,
  tally: QualityTally,
): Promise<string[]> {
  const toPack: string[] = [];
  const fourEyes = scenario.plant.fourEyes.releaseLot;
  for (const lot of await listLots(app, crew.inspector)) {
    if (settled.has(lot.id)) continue;
    const plan = await samplingPlanFor(app, crew.inspector, lot.lotNumber);
    if (plan.status !== 'pending') {
      // Released by an earlier run: packing it again is harmless (nothing loose, nothing done).
      if (plan.status === 'released') toPack.push(lot.lotNumber);
      settled.add(lot.id);
      continue;
    }
    let accepted: boolean;
    if (plan.inspection === null) {
      const recorded = await recordSampleResults(app, crew.inspector, {
        lotNumber: lot.lotNumber,
        results: plan.classes.map((c) => ({
          defectClass: c.defectClass,
          inspected: c.n,
          defects: sampleBinomial(rng, c.n, DEFECT_RATE[c.defectClass]),
        })),
      });
      tally.inspected += 1;
      accepted = recorded.judgement.accepted;
    } else {
      accepted = plan.inspection.accepted;
    }
    if (accepted) {
      await decideLot(app, crew.inspector, {
        lotNumber: lot.lotNumber,
        decision: 'released',
        ...(fourEyes ? { approver: crew.approver } : {}),
      });
      tally.released += 1;
      toPack.push(lot.lotNumber);
    } else {
      await decideLot(app, crew.inspector, {
        lotNumber: lot.lotNumber,
        decision: 'rejected',
        reason: 'sample inspection not accepted',
      });
      tally.rejected += 1;
    }
    settled.add(lot.id);
  }
  return toPack;
}
