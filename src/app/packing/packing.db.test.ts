import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { pendingRequest } from '../../../test/support/custody.ts';
import { commissionTestLot } from '../../../test/support/lots.ts';
import { setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import { HeadstampError, RefusedError, ValidationError } from '../../domain/errors.ts';
import { isValidSscc } from '../../domain/packing/index.ts';
import type { LotRecord } from '../../store/repositories/lots.ts';
import { stockRepository } from '../../store/repositories/stock.ts';
import { ledgerRecords } from '../ledger/records.ts';
import type { UserActor } from '../actor.ts';
import { decideLot } from '../quality/decide.ts';
import { samplingPlanFor } from '../quality/plan.ts';
import { recordSampleResults } from '../quality/record.ts';
import { actorFor, addUser } from '../users.ts';
import { plantScenario } from '../plant-setup.ts';
import { looseStockOf } from './lot-stock.ts';
import { buildPallet, packLot } from './pack.ts';
import { approveRequest } from '../custody/approve.ts';
import { countStock } from './count.ts';
import { listStock, moveStock } from './stock.ts';

// The small plant: 20 rounds a box, 10 boxes (200 rounds) a crate, 5 crates a pallet;
// quarantine Q1 (100 crates), magazine M1 (1000 crates), both 1.4S.
describe('packing and stock', () => {
  let t: TestDatabase;
  let plant: TestPlant;
  let inspector: UserActor;
  let chief: UserActor;
  let clerk: UserActor;
  let clerk2: UserActor;
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
      ['masha', 'logistics'],
    ] as const) {
      await addUser(plant.app, plant.admin, { name, role });
    }
    await people();
  });

  async function people(): Promise<void> {
    inspector = await actorFor(plant.app, 'irina');
    chief = await actorFor(plant.app, 'chief');
    clerk = await actorFor(plant.app, 'kolya');
    clerk2 = await actorFor(plant.app, 'masha');
  }

  async function releasedLot(quantity: number): Promise<LotRecord> {
    const lot = await commissionTestLot(plant, quantity);
    const plan = await samplingPlanFor(plant.app, inspector, lot.lotNumber);
    await recordSampleResults(plant.app, inspector, {
      lotNumber: lot.lotNumber,
      results: plan.classes.map((c) => ({ defectClass: c.defectClass, inspected: c.n, defects: 0 })),
    });
    await decideLot(plant.app, inspector, {
      lotNumber: lot.lotNumber,
      decision: 'released',
      approver: chief,
    });
    return lot;
  }

  it('packs a released lot into full boxes and crates with SSCCs, leaving the rest loose', async () => {
    const lot = await releasedLot(1010);
    const packed = await packLot(plant.app, clerk, { lotNumber: lot.lotNumber });
    expect(packed).toMatchObject({ location: 'Q1', boxesFilled: 50, looseRounds: 10, looseBoxes: 0 });
    expect(packed.crates).toHaveLength(5);
    expect(packed.crates.map((c) => c.sscc)).toEqual([
      '106141410000000019',
      '106141410000000026',
      '106141410000000033',
      '106141410000000040',
      '106141410000000057',
    ]);
    expect(packed.crates.every((c) => isValidSscc(c.sscc) && c.rounds === 200)).toBe(true);
    // Each custody change is in the ledger: commissioning, release, one packing event per crate.
    const records = ledgerRecords(t.store);
    const entries = await records.entries(0, await records.count());
    const packing = entries
      .filter((e) => e.bizStep === 'packing')
      .map((e) => (JSON.parse(e.text) as { event: { parentID: string; actor: unknown } }).event);
    expect(packing.map((e: { parentID: string }) => e.parentID)).toEqual(
      packed.crates.map((c) => `https://id.gs1.org/00/${c.sscc}`),
    );
    expect(packing[0]?.actor).toEqual({ kind: 'user', id: 'kolya', role: 'logistics' });
  });

  it('refuses to pack a lot that is not released', async () => {
    const lot = await commissionTestLot(plant, 1000);
    await expect(packLot(plant.app, clerk, { lotNumber: lot.lotNumber })).rejects.toThrow(RefusedError);
  });

  it('builds a pallet of crates and moves it to the magazine; a crate on it cannot move alone', async () => {
    const a = await releasedLot(600);
    const b = await releasedLot(400);
    const crates = [
      ...(await packLot(plant.app, clerk, { lotNumber: a.lotNumber })).crates,
      ...(await packLot(plant.app, clerk, { lotNumber: b.lotNumber })).crates,
    ].map((c) => c.sscc);
    const pallet = await buildPallet(plant.app, clerk, { crates });
    expect(pallet.sscc.startsWith('2')).toBe(true);
    expect(isValidSscc(pallet.sscc)).toBe(true);
    await expect(moveStock(plant.app, clerk, { sscc: crates[0]!, to: 'M1' })).rejects.toMatchObject({
      reasons: [`crate ${crates[0]} is on pallet ${pallet.sscc}: move the pallet`],
    });
    const moved = await moveStock(plant.app, clerk, { sscc: pallet.sscc, to: 'M1' });
    expect(moved).toMatchObject({ from: 'Q1', to: 'M1', rounds: 1000 });
    expect(moved.lotNumbers).toEqual([a.lotNumber, b.lotNumber]);
    const { lines, locations } = await listStock(plant.app, clerk);
    expect(
      lines.filter((l) => l.form === 'crate').map((l) => [l.locationId, l.lotNumber, l.quantity]),
    ).toEqual([
      ['M1', a.lotNumber, 3],
      ['M1', b.lotNumber, 2],
    ]);
    expect(locations.find((l) => l.id === 'M1')?.occupancy).toBe(5);
    await expect(buildPallet(plant.app, clerk, { crates: [crates[0]!] })).rejects.toMatchObject({
      reasons: [`crate ${crates[0]} is on pallet ${pallet.sscc} already`],
    });
  });

  it('refuses a move into the magazine of a lot not released, and past a limit', async () => {
    const pending = await commissionTestLot(plant, 1000);
    try {
      await moveStock(plant.app, clerk, {
        lotNumber: pending.lotNumber,
        form: 'round',
        quantity: 100,
        from: 'Q1',
        to: 'M1',
      });
      expect.unreachable();
    } catch (error) {
      expect((error as RefusedError).reasons).toEqual([
        'magazine M1 takes released lots only; this lot is pending',
      ]);
    }
    const big = await releasedLot(200_200);
    await packLot(plant.app, clerk, { lotNumber: big.lotNumber, crates: 0 });
    // 9 000 boxes (900 crate equivalents) move to M1; the other 1 010 (101) would pass its 1 000.
    await moveStock(plant.app, clerk, {
      lotNumber: big.lotNumber,
      form: 'box',
      quantity: 9000,
      from: 'Q1',
      to: 'M1',
    });
    await expect(
      moveStock(plant.app, clerk, {
        lotNumber: big.lotNumber,
        form: 'box',
        quantity: 1010,
        from: 'Q1',
        to: 'M1',
      }),
    ).rejects.toMatchObject({
      reasons: ['magazine M1 holds at most 1000 crate(s): 900 there + 101 incoming = 1001'],
    });
  });

  it('adjusts a count only with a reason and a second person', async () => {
    const lot = await releasedLot(1000);
    await expect(
      countStock(plant.app, clerk, { location: 'Q1', lotNumber: lot.lotNumber, form: 'round', counted: 990 }),
    ).rejects.toThrow(ValidationError);
    const out = await countStock(plant.app, clerk, {
      location: 'Q1',
      lotNumber: lot.lotNumber,
      form: 'round',
      counted: 990,
      reason: 'missing',
    });
    const request = pendingRequest(out);
    expect(await stockRepository(t.store).loose(lot.id, 'Q1', 'round')).toBe(1000);
    const { result } = await approveRequest(plant.app, clerk2, request.requestNumber);
    expect(result).toMatchObject({ recorded: 1000, counted: 990, delta: -10, reason: 'missing' });
    expect(await stockRepository(t.store).loose(lot.id, 'Q1', 'round')).toBe(990);
    const same = await countStock(plant.app, clerk, {
      location: 'Q1',
      lotNumber: lot.lotNumber,
      form: 'round',
      counted: 990,
    });
    expect(same).toMatchObject({ status: 'done', result: { delta: 0 } });
  });

  it('never packs more than was released, and stock never goes negative, whatever is asked', async () => {
    type Act =
      | { kind: 'pack'; boxes?: number; crates?: number }
      | { kind: 'move'; form: 'round' | 'box'; quantity: number; back: boolean }
      | { kind: 'count'; counted: number };
    const actArb: fc.Arbitrary<Act> = fc.oneof(
      fc.record({
        kind: fc.constant('pack' as const),
        boxes: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        crates: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      }),
      fc.record({
        kind: fc.constant('move' as const),
        form: fc.constantFrom('round' as const, 'box' as const),
        quantity: fc.integer({ min: 1, max: 700 }),
        back: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('count' as const), counted: fc.integer({ min: 0, max: 1200 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1500 }),
        fc.array(actArb, { minLength: 1, maxLength: 6 }),
        async (quantity, acts) => {
          // Each run has a lot of its own in the same plant: the invariants are per lot.
          const lot = await releasedLot(quantity);
          let adjusted = 0;
          for (const act of acts) {
            try {
              if (act.kind === 'pack')
                await packLot(plant.app, clerk, {
                  lotNumber: lot.lotNumber,
                  boxes: act.boxes,
                  crates: act.crates,
                });
              else if (act.kind === 'move') {
                const [from, to] = act.back ? ['M1', 'Q1'] : ['Q1', 'M1'];
                await moveStock(plant.app, clerk, {
                  lotNumber: lot.lotNumber,
                  form: act.form,
                  quantity: act.quantity,
                  from,
                  to,
                });
              } else {
                const c = await countStock(plant.app, clerk, {
                  location: 'Q1',
                  lotNumber: lot.lotNumber,
                  form: 'round',
                  counted: act.counted,
                  reason: 'miscount',
                });
                const count =
                  c.status === 'done'
                    ? c.result
                    : ((await approveRequest(plant.app, clerk2, c.request.requestNumber)).result as {
                        delta: number;
                      });
                adjusted += count.delta;
              }
            } catch (error) {
              expect(error).toBeInstanceOf(HeadstampError);
            }
            const stock = stockRepository(t.store);
            const loose = await looseStockOf(t.store, await plantScenario(t.store), lot);
            expect(loose.every((r) => r.quantity >= 0)).toBe(true);
            const crates = await stock.crates({ lotId: lot.id });
            const boxed = loose.filter((r) => r.form === 'box').reduce((s, r) => s + r.quantity * 20, 0);
            const packed = boxed + crates.reduce((s, c) => s + c.rounds, 0);
            const looseRounds = loose.filter((r) => r.form === 'round').reduce((s, r) => s + r.quantity, 0);
            expect(packed).toBeLessThanOrEqual(quantity + Math.max(0, adjusted));
            expect(looseRounds + packed).toBe(quantity + adjusted);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
