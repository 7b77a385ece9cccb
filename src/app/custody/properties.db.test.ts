import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { commissionTestLot } from '../../../test/support/lots.ts';
import {
  packedTestLot,
  receiveTestComponents,
  setUpCustodyPlant,
  testAuthorisation,
  type CustodyPlant,
} from '../../../test/support/custody.ts';
import { countStock } from '../packing/count.ts';
import { plantScenario } from '../plant-setup.ts';
import { looseStockOf } from '../packing/lot-stock.ts';
import { lotByNumber } from '../quality/lot-quality.ts';
import { approveRequest } from './approve.ts';
import { destroyRounds } from './destroy.ts';
import { dispatchShipment } from './dispatch.ts';
import { recallLots } from './recall.ts';
import { receiveShipment } from './receive.ts';
import { reconcileLots } from './reconcile.ts';
import { createShipment } from './shipments.ts';
import { traceRepository } from '../../store/custody/trace.ts';

type Op =
  | { kind: 'lot'; quantity: number }
  | { kind: 'ship'; lot: number; crates: number }
  | { kind: 'receive'; shipment: number; missing: number }
  | { kind: 'destroy'; lot: number; quantity: number }
  | { kind: 'destroyCrate'; lot: number }
  | { kind: 'count'; lot: number; delta: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('lot' as const),
    quantity: fc.integer({ min: 20, max: 120 }).map((n) => n * 10),
  }),
  // Shipping and receiving weigh more: a receipt needs a shipment in transit before it.
  {
    arbitrary: fc.record({
      kind: fc.constant('ship' as const),
      lot: fc.nat(),
      crates: fc.integer({ min: 1, max: 3 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      shipment: fc.nat(),
      missing: fc.integer({ min: 0, max: 2 }),
    }),
    weight: 3,
  },
  fc.record({
    kind: fc.constant('destroy' as const),
    lot: fc.nat(),
    quantity: fc.integer({ min: 1, max: 15 }),
  }),
  fc.record({ kind: fc.constant('destroyCrate' as const), lot: fc.nat() }),
  fc.record({ kind: fc.constant('count' as const), lot: fc.nat(), delta: fc.integer({ min: -5, max: 5 }) }),
);

describe('custody properties', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  async function fresh(): Promise<CustodyPlant> {
    await t.reset();
    const plant = await setUpCustodyPlant(t.store);
    await testAuthorisation(plant, { quantityCeiling: 10_000_000 });
    return plant;
  }

  /** Operations carried out, by kind, over every run (the property must exercise each). */
  const tally = new Map<Op['kind'], number>();

  /** Runs whatever of the sequence is possible in the state reached; skips the rest. */
  async function run(plant: CustodyPlant, ops: readonly Op[]): Promise<number> {
    const { clerk, clerk2, inspector, chief, army } = plant.people;
    const lots: { lotNumber: string; crates: string[] }[] = [];
    const inTransit: { number: string; ssccs: string[] }[] = [];
    let done = 0;
    for (const o of ops) {
      if (o.kind === 'lot') {
        const { lot, ssccs } = await packedTestLot(plant, o.quantity);
        lots.push({ lotNumber: lot.lotNumber, crates: ssccs });
      } else if (o.kind === 'ship') {
        const lot = lots[o.lot % Math.max(1, lots.length)];
        if (lot === undefined || lot.crates.length === 0) continue;
        const ssccs = lot.crates.splice(0, o.crates);
        const s = await createShipment(plant.app, clerk, {
          consigneeId: 'army',
          ssccs,
          transportRef: 'T',
          invoiceRef: 'I',
        });
        const out = await dispatchShipment(plant.app, clerk, s.shipmentNumber);
        if (out.status === 'awaiting_approval')
          await approveRequest(plant.app, clerk2, out.request.requestNumber);
        inTransit.push({ number: s.shipmentNumber, ssccs });
      } else if (o.kind === 'receive') {
        const s = inTransit.splice(o.shipment % Math.max(1, inTransit.length), 1)[0];
        if (s === undefined) continue;
        const received = s.ssccs.slice(0, Math.max(0, s.ssccs.length - o.missing));
        await receiveShipment(plant.app, army, s.number, { received, reason: 'short at unloading' });
      } else if (o.kind === 'destroyCrate') {
        const lot = lots[o.lot % Math.max(1, lots.length)];
        const sscc = lot?.crates.shift();
        if (sscc === undefined) continue;
        const out = await destroyRounds(plant.app, clerk, { sscc, reason: 'crate crushed' });
        if (out.status === 'awaiting_approval')
          await approveRequest(plant.app, inspector, out.request.requestNumber);
      } else {
        const lot = lots[o.lot % Math.max(1, lots.length)];
        if (lot === undefined) continue;
        const scenario = await plantScenario(t.store);
        const loose = (await looseStockOf(t.store, scenario, await lotByNumber(t.store, lot.lotNumber)))
          .filter((r) => r.form === 'round')
          .sort((a, b) => b.quantity - a.quantity)[0];
        if (loose === undefined) continue;
        if (o.kind === 'destroy') {
          if (loose.quantity < o.quantity) continue;
          const out = await destroyRounds(plant.app, inspector, {
            lotNumber: lot.lotNumber,
            quantity: o.quantity,
            reason: 'damaged in store',
          });
          if (out.status === 'awaiting_approval')
            await approveRequest(plant.app, chief, out.request.requestNumber);
        } else {
          if (loose.quantity + o.delta < 0 || o.delta === 0) continue;
          const out = await countStock(plant.app, clerk, {
            location: loose.locationId,
            lotNumber: lot.lotNumber,
            form: 'round',
            counted: loose.quantity + o.delta,
            reason: o.delta > 0 ? 'found' : 'missing',
          });
          if (out.status === 'awaiting_approval')
            await approveRequest(plant.app, clerk2, out.request.requestNumber);
        }
      }
      done += 1;
      tally.set(o.kind, (tally.get(o.kind) ?? 0) + 1);
    }
    return done;
  }

  it('any valid sequence of operations reconciles to zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const plant = await fresh();
        await run(plant, [{ kind: 'lot', quantity: 600 }, ...ops]);
        const r = await reconcileLots(plant.app, plant.people.auditor);
        expect(r.lots.filter((l) => l.difference !== 0)).toEqual([]);
        expect(r.totals.commissioned).toBeGreaterThan(0);
      }),
      { numRuns: 8, seed: 20261122 },
    );
    for (const kind of ['ship', 'receive', 'destroy', 'destroyCrate', 'count'] as const)
      expect(tally.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });

  it('a recall finds every lot that shares a component lot', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 5 }),
        async (deliveries) => {
          const plant = await fresh();
          // Primer deliveries of 1,000 to 3,000; lots of 1,000 rounds draw on them first in, first out.
          const primerLots: string[] = [];
          for (const [i, thousands] of deliveries.entries()) {
            await receiveTestComponents(plant, 'primer', thousands * 1000, `PB-${i}`);
            primerLots.push(`PB-${i}`);
          }
          const made: string[] = [];
          const total = deliveries.reduce((s, n) => s + n, 0);
          for (let i = 0; i < total; i++) made.push((await commissionTestLot(plant, 1000)).lotNumber);
          const pick = primerLots[deliveries.length - 1] ?? 'PB-0';
          const recall = await recallLots(
            plant.app,
            plant.people.inspector,
            { kind: 'component-lot', componentLot: pick },
            'primer fault',
          );
          // Independently: which lots' genealogy names the picked primer lot.
          const expected: string[] = [];
          for (const lotNumber of made) {
            const id = (await traceRepository(t.store).lotIdsByNumber([lotNumber])).get(lotNumber) ?? '';
            const used = await traceRepository(t.store).components([id]);
            if (used.some((c) => c.supplierLot === pick)) expected.push(lotNumber);
          }
          expect(expected.length).toBeGreaterThan(0);
          expect(recall.lots.map((l) => l.lotNumber).sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 4, seed: 7 },
    );
  });
});
