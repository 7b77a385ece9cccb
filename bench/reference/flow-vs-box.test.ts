import { describe, expect, it } from 'vitest';
import { exponential } from '../../src/sim/distributions.ts';
import type { PlantModel } from '../../src/sim/plant/model.ts';
import { replicate } from '../../src/sim/plant/replicate.ts';
import { HORIZON, REFERENCE_RATES, referenceCalendar, runReference } from './model.ts';

/** The reference model written for the plant model: lines as flow between state changes. */
function referencePlant(): PlantModel {
  const calendar = referenceCalendar();
  return {
    horizon: HORIZON,
    ratedOutputPerYear: 73.33e6,
    products: [{ id: 'box', bill: [] }],
    components: [],
    lines: REFERENCE_RATES.map((rate, i) => ({
      id: `L${i + 1}`,
      ratedRate: rate,
      shifts: calendar,
      calendar,
      timeToFailure: exponential(120),
      repair: exponential(15),
      microStopLoad: 0,
      rejectRate: 0.005,
      campaign: [{ product: 0, campaignRounds: Infinity }],
      changeover: () => 0,
    })),
  };
}

describe('flow model against the per-box model', () => {
  it('agrees on mean good output of the reference plant-year within 0.5 %', () => {
    // Per box: 6 seeds (sd 0.13 M between seeds: the mean is good to 0.07 %). Flow: 60 replications.
    let box = 0;
    for (let seed = 1; seed <= 6; seed += 1) box += runReference(seed).good / 6;
    const plant = referencePlant();
    let flow = 0;
    for (let r = 0; r < 60; r += 1)
      flow += replicate(plant, 99, r).lines.reduce((s, l) => s + l.good, 0) / 60;
    expect(Math.abs(flow / box - 1)).toBeLessThan(0.005);
    // Both near the published reference mean.
    expect(Math.abs(flow / 73.33e6 - 1)).toBeLessThan(0.005);
  });
});
