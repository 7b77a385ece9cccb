import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTraceData, type GroundTruth } from '../../../bench/trace/generate.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setUpCustodyPlant, type CustodyPlant } from '../../../test/support/custody.ts';
import { shipmentRepository } from '../../store/custody/shipments.ts';
import { traceRepository } from '../../store/custody/trace.ts';
import { traceRecovered } from './recovered.ts';
import { traceCrateBackward, traceLotForward, traceShipmentBackward } from './trace.ts';

// Two plant-years of the small plant (1,000-round lots of 5 crates, pallets of 5): ~240 lots,
// ~1,200 crates, ~120 shipments, from the benchmark's generator, checked against what it made.
describe('trace on many lots, crates and shipments', () => {
  let t: TestDatabase;
  let plant: CustodyPlant;
  let truth: GroundTruth;
  beforeAll(async () => {
    t = await openTestDatabase();
    plant = await setUpCustodyPlant(t.store);
    ({ truth } = await generateTraceData(t.store, {
      years: 2,
      roundsPerYear: 120_000,
      seed: 3,
      firstYear: 2027,
    }));
  });
  afterAll(() => t.close());

  it('forward: every lot reaches exactly the consignees and rounds it was shipped to', async () => {
    const ids = await traceRepository(t.store).lotIdsByNumber(truth.lotNumbers);
    expect(truth.lotNumbers.length).toBeGreaterThan(200);
    for (const lotNumber of truth.lotNumbers.filter((_, i) => i % 7 === 0)) {
      const trace = await traceLotForward(plant.app, plant.people.auditor, lotNumber);
      const expected = truth.shippedByLot.get(ids.get(lotNumber) ?? '') ?? new Map<string, number>();
      expect(Object.fromEntries(trace.consignees.map((c) => [c.consigneeId, c.rounds]))).toEqual(
        Object.fromEntries(expected),
      );
      expect(trace.crates.reduce((s, c) => s + c.rounds, 0)).toBe(trace.quantity);
    }
  });

  it('backward: each shipment names the lots of its crates, each crate its lot, line and components', async () => {
    let rounds = 0;
    for (const number of truth.shipmentNumbers.filter((_, i) => i % 9 === 0)) {
      const trace = await traceShipmentBackward(plant.app, plant.people.auditor, number);
      expect(trace.lots.reduce((s, l) => s + l.rounds, 0)).toBe(trace.rounds);
      for (const lot of trace.lots) {
        expect(lot.components.length).toBeGreaterThan(0);
        const crate = await traceCrateBackward(plant.app, plant.people.auditor, lot.ssccs[0] ?? '');
        expect(crate.lots.map((l) => l.lotNumber)).toEqual([lot.lotNumber]);
        expect(crate.shipmentNumber).toBe(number);
        expect(crate.lots[0]?.lineId).toBe(lot.lineId);
      }
      rounds += trace.rounds;
    }
    expect(rounds).toBeGreaterThan(0);
  });

  it('recovered cartridge: an exact lot number ranks that lot first; a headstamp alone finds only its year', async () => {
    const lotNumber = truth.lotNumbers[truth.lotNumbers.length - 3] ?? '';
    const headstamp = `${lotNumber.slice(0, 3)} ${lotNumber.slice(3, 5)}`;
    const exact = await traceRecovered(plant.app, plant.people.auditor, { headstamp, lot: lotNumber });
    expect(exact.map((c) => c.lotNumber)).toEqual([lotNumber]);
    const year = await traceRecovered(plant.app, plant.people.auditor, { headstamp }, 1000);
    expect(year.length).toBe(truth.lotNumbers.filter((n) => n.startsWith(lotNumber.slice(0, 5))).length);
    expect(year.every((c) => c.headstamp === headstamp)).toBe(true);
  });

  it('recovered cartridge: a headstamp alone ranks its year by rounds delivered, as the generator shipped them', async () => {
    const prefix = (truth.lotNumbers[0] ?? '').slice(0, 5);
    const headstamp = `${prefix.slice(0, 3)} ${prefix.slice(3)}`;
    const ids = await traceRepository(t.store).lotIdsByNumber(truth.lotNumbers);
    // Crates written off as missing on their shipments (through the repository, which keeps the
    // lots' totals): one of the year's fifth lot, two of its tenth, three of its fifteenth.
    const year = truth.lotNumbers.filter((n) => n.startsWith(prefix));
    const missing = new Map<string, number>();
    for (const [i, k] of [
      [4, 1],
      [9, 2],
      [14, 3],
    ] as const) {
      const lotId = ids.get(year[i] ?? '') ?? '';
      const rows = await t.store.db
        .selectFrom('shipment_crates')
        .select(['shipment_id', 'crate_id', 'rounds'])
        .where('lot_id', '=', lotId)
        .orderBy('crate_id')
        .limit(k)
        .execute();
      for (const r of rows)
        await shipmentRepository(t.store).setOutcome(r.shipment_id, [r.crate_id], 'missing');
      missing.set(
        lotId,
        rows.reduce((sum, r) => sum + Number(r.rounds), 0),
      );
    }
    const delivered = (n: string): number =>
      [...(truth.shippedByLot.get(ids.get(n) ?? '')?.values() ?? [])].reduce((s, r) => s + r, 0) -
      (missing.get(ids.get(n) ?? '') ?? 0);
    // Independently: every lot of the year, most delivered first, then by number.
    const expected = [...year].sort((x, y) => delivered(y) - delivered(x) || x.localeCompare(y));
    expect(new Set(expected.map(delivered)).size).toBeGreaterThanOrEqual(4);
    const ranked = await traceRecovered(plant.app, plant.people.auditor, { headstamp }, year.length);
    expect(ranked.map((r) => r.lotNumber)).toEqual(expected);
    expect(ranked.slice(-3).map((r) => r.lotNumber)).toEqual([year[4], year[9], year[14]]);
    for (const r of ranked) {
      expect(r.consignees.reduce((sum, c) => sum + c.rounds, 0)).toBe(delivered(r.lotNumber));
      expect(r.score).toBe(delivered(r.lotNumber) > 0 ? 13 : 10);
    }
  });
});
