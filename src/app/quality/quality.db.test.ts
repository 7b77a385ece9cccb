import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import { ConflictError, ForbiddenError, RefusedError, ValidationError } from '../../domain/errors.ts';
import { qualityRepository } from '../../store/repositories/quality.ts';
import { stockRepository } from '../../store/repositories/stock.ts';
import type { UserActor } from '../actor.ts';
import { actorFor, addUser } from '../users.ts';
import { decideLot } from './decide.ts';
import { samplingPlanFor } from './plan.ts';
import { recordSampleResults } from './record.ts';
import { recordSwitchingAct } from './switching.ts';
import { commissionTestLot } from '../../../test/support/lots.ts';

describe('lot quality', () => {
  let t: TestDatabase;
  let plant: TestPlant;
  let inspector: UserActor;
  let chief: UserActor;
  let clerk: UserActor;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    plant = await setUpTestPlant(t.store);
    for (const [name, role] of [
      ['irina', 'quality'],
      ['chief', 'quality'],
      ['kolya', 'logistics'],
    ] as const) {
      await addUser(plant.app, plant.admin, { name, role });
    }
    inspector = await actorFor(plant.app, 'irina');
    chief = await actorFor(plant.app, 'chief');
    clerk = await actorFor(plant.app, 'kolya');
  });

  it('gives the plan of a lot: code letter, n, Ac, Re, switching state', async () => {
    const lot = await commissionTestLot(plant, 1000);
    const plan = await samplingPlanFor(plant.app, clerk, lot.lotNumber);
    // 1000 rounds at level II: J; the small plant checks only minor defects (AQL 2.5): n 80, Ac 5, Re 6.
    expect(plan).toMatchObject({
      lotNumber: lot.lotNumber,
      codeLetter: 'J',
      severity: 'normal',
      status: 'pending',
    });
    expect(plan.classes.map((c) => [c.defectClass, c.n, c.ac, c.re])).toEqual([['minor', 80, 5, 6]]);
    expect(plan.switching).toMatchObject({ severity: 'normal', score: 0 });
  });

  it('records results, then releases only with an accepted inspection and a second person', async () => {
    const lot = await commissionTestLot(plant, 1000);
    await expect(
      decideLot(plant.app, inspector, { lotNumber: lot.lotNumber, decision: 'released', approver: chief }),
    ).rejects.toThrow(RefusedError);
    const recorded = await recordSampleResults(plant.app, inspector, {
      lotNumber: lot.lotNumber,
      results: [{ defectClass: 'minor', inspected: 80, defects: 2 }],
    });
    expect(recorded.judgement.accepted).toBe(true);
    // Ac 5 ≥ 2: one step tighter (AQL 1.5, n 80) has Ac 3, and 2 ≤ 3: +3.
    expect(recorded.next.state.score).toBe(3);
    await expect(
      recordSampleResults(plant.app, inspector, {
        lotNumber: lot.lotNumber,
        results: [{ defectClass: 'minor', inspected: 80, defects: 0 }],
      }),
    ).rejects.toThrow(ConflictError);
    try {
      await decideLot(plant.app, inspector, { lotNumber: lot.lotNumber, decision: 'released' });
      expect.unreachable();
    } catch (error) {
      expect((error as RefusedError).reasons).toEqual(['a release needs a second person (--approver NAME)']);
    }
    await expect(
      decideLot(plant.app, inspector, {
        lotNumber: lot.lotNumber,
        decision: 'released',
        approver: inspector,
      }),
    ).rejects.toThrow(/cannot be released/);
    const decision = await decideLot(plant.app, inspector, {
      lotNumber: lot.lotNumber,
      decision: 'released',
      approver: chief,
    });
    expect(decision).toMatchObject({
      status: 'released',
      approver: 'user:chief',
      actor: 'user:irina',
      seq: 1,
    });
    expect((await samplingPlanFor(plant.app, inspector, lot.lotNumber)).status).toBe('released');
  });

  it('needs the quality role and a reason to hold or reject', async () => {
    const lot = await commissionTestLot(plant, 1000);
    await expect(
      recordSampleResults(plant.app, clerk, {
        lotNumber: lot.lotNumber,
        results: [{ defectClass: 'minor', inspected: 80, defects: 0 }],
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      decideLot(plant.app, inspector, { lotNumber: lot.lotNumber, decision: 'rejected' }),
    ).rejects.toThrow(ValidationError);
    const held = await decideLot(plant.app, inspector, {
      lotNumber: lot.lotNumber,
      decision: 'held',
      reason: 'paperwork',
    });
    expect(held.status).toBe('held');
    const rejected = await decideLot(plant.app, inspector, {
      lotNumber: lot.lotNumber,
      decision: 'rejected',
      reason: 'case splits',
    });
    expect(rejected.seq).toBe(2);
    await expect(
      decideLot(plant.app, inspector, { lotNumber: lot.lotNumber, decision: 'held', reason: 'again' }),
    ).rejects.toThrow(ConflictError);
  });

  it('switches to tightened after two lots not accepted, and uses the tightened table next', async () => {
    for (const defects of [6, 6]) {
      const lot = await commissionTestLot(plant, 1000);
      const r = await recordSampleResults(plant.app, inspector, {
        lotNumber: lot.lotNumber,
        results: [{ defectClass: 'minor', inspected: 80, defects }],
      });
      expect(r.judgement.accepted).toBe(false);
    }
    const state = await qualityRepository(t.store).state('ball-ps');
    expect(state).toMatchObject({ severity: 'tightened', score: 0 });
    const next = await commissionTestLot(plant, 1000);
    const plan = await samplingPlanFor(plant.app, inspector, next.lotNumber);
    expect(plan.severity).toBe('tightened');
    expect(plan.classes[0]).toMatchObject({ n: 80, ac: 3, re: 4 });
  });

  it('consumes a destructive sample from the lot in quarantine', async () => {
    const source = (await import('../../../test/support/plant.ts')).smallPlantSource.replace(
      '- { id: visual, name: Visual inspection, defectClass: minor, destructive: false }',
      '- { id: visual, name: Visual inspection, defectClass: minor, destructive: true }',
    );
    await t.reset();
    plant = await setUpTestPlant(t.store, source);
    await addUser(plant.app, plant.admin, { name: 'irina', role: 'quality' });
    inspector = await actorFor(plant.app, 'irina');
    const lot = await commissionTestLot(plant, 1000);
    const r = await recordSampleResults(plant.app, inspector, {
      lotNumber: lot.lotNumber,
      results: [{ defectClass: 'minor', inspected: 80, defects: 0 }],
    });
    expect(r.inspection.roundsConsumed).toBe(80);
    expect(await stockRepository(t.store).loose(lot.id, 'Q1', 'round')).toBe(920);
  });

  it('records the conditions for reduced inspection', async () => {
    const step = await recordSwitchingAct(plant.app, inspector, {
      productId: 'ball-ps',
      act: 'approve-reduced',
    });
    expect(step).toMatchObject({ reducedApproved: true, steadyProduction: true });
    expect((await qualityRepository(t.store).state('ball-ps'))?.reducedApproved).toBe(true);
  });
});
