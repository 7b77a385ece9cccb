import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRecords, computeKpis, lossesInRounds, type LineTimeRecord } from './iso22400.ts';

const shift: LineTimeRecord = {
  plannedBusyTime: 900,
  actualProductionTime: 720,
  setupTime: 60,
  downTimes: { failure: 120 },
  plannedRunTimePerItem: 1 / 100,
  producedQuantity: 66_000,
  goodQuantity: 65_670,
};

describe('ISO 22400 KPIs', () => {
  it('computes availability, effectiveness, quality ratio and OEE', () => {
    const k = computeKpis(shift);
    expect(k.availability).toBeCloseTo(0.8, 12);
    expect(k.effectiveness).toBeCloseTo(660 / 720, 12);
    expect(k.qualityRatio).toBeCloseTo(0.995, 12);
    expect(k.oee).toBeCloseTo(0.8 * (660 / 720) * 0.995, 12);
    expect(k.scrapQuantity).toBe(330);
    expect(k.unaccountedTime).toBe(0);
  });

  it('reports 0, not NaN, for an empty period', () => {
    const k = computeKpis({
      plannedBusyTime: 0,
      actualProductionTime: 0,
      plannedRunTimePerItem: 0.01,
      producedQuantity: 0,
      goodQuantity: 0,
    });
    expect([k.availability, k.effectiveness, k.qualityRatio, k.oee]).toEqual([0, 0, 0, 0]);
  });

  it('OEE equals rated-rate output time over PBT times quality, for any complete record', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pbt, availability, speed, quality) => {
          const apt = pbt * availability;
          const pq = Math.floor(apt * speed * 100);
          const gq = Math.floor(pq * quality);
          const k = computeKpis({
            plannedBusyTime: pbt,
            actualProductionTime: apt,
            plannedRunTimePerItem: 0.01,
            producedQuantity: pq,
            goodQuantity: gq,
          });
          // OEE = GQ × PRI / PBT: the good rounds' rated time over the planned busy time.
          expect(k.oee).toBeCloseTo((gq * 0.01) / pbt, 9);
        },
      ),
    );
  });

  it('adds periods and prices losses in rounds at the rated rate', () => {
    const day = addRecords(shift, shift);
    expect(day.plannedBusyTime).toBe(1800);
    expect(day.downTimes).toEqual({ failure: 240 });
    expect(computeKpis(day).oee).toBeCloseTo(computeKpis(shift).oee, 12);
    const losses = lossesInRounds(shift);
    expect(losses['failure']).toBeCloseTo(12_000, 9);
    expect(losses['changeover']).toBeCloseTo(6_000, 9);
    expect(losses['short stops and speed']).toBeCloseTo(6_000, 9);
    expect(losses['rejects']).toBe(330);
    // Rated output of PBT = good output + every loss.
    const total = Object.values(losses).reduce((s, x) => s + x, 0);
    expect(total + shift.goodQuantity).toBeCloseTo(900 * 100, 6);
  });
});
