import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY } from '../calendar.ts';
import { compilePlant } from './model.ts';
import { replicate } from './replicate.ts';
import { oneLinePlant, seedPlant } from './test-scenario.ts';

describe('plant replication', () => {
  const seed = seedPlant();

  it('conserves rounds and time: processed = good + rejected, time elements add up to the horizon', () => {
    const plant = compilePlant(seed, { disruption: 'on' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (s) => {
        const result = replicate(plant, s, 0);
        for (const line of result.lines) {
          expect(line.goodByProduct.reduce((a, b) => a + b, 0)).toBe(line.good);
          expect(line.rejectedByProduct.reduce((a, b) => a + b, 0)).toBe(line.rejected);
          expect(Number.isInteger(line.good) && Number.isInteger(line.rejected)).toBe(true);
          const parts =
            plant.horizon -
            line.shiftTime +
            line.maintenanceTime +
            line.productionTime +
            line.setupTime +
            line.failureTime +
            line.starvedTime.reduce((a, b) => a + b, 0);
          expect(parts).toBeCloseTo(plant.horizon, 3);
          expect(line.plannedBusyTime).toBeCloseTo(line.shiftTime - line.maintenanceTime, 6);
        }
      }),
      { numRuns: 5 },
    );
  });

  it('gives the same result for the same seed and replication, another for another', () => {
    const plant = compilePlant(seed);
    expect(replicate(plant, 5, 3)).toEqual(replicate(plant, 5, 3));
    expect(replicate(plant, 5, 4).lines[0]!.good).not.toBe(replicate(plant, 5, 3).lines[0]!.good);
  });

  it('converges to availability MTBF / (MTBF + MTTR) on one line', () => {
    const scenario = oneLinePlant((s) => {
      s.lines[0]!.failures = {
        timeToFailure: { kind: 'exponential', mean: 100 },
        repair: { kind: 'exponential', mean: 10 },
      };
      s.simulation.horizonDays = 200;
    });
    const plant = compilePlant(scenario);
    const availabilities = Array.from({ length: 20 }, (_, r) => {
      const line = replicate(plant, 11, r).lines[0]!;
      return line.productionTime / line.plannedBusyTime;
    });
    const mean = availabilities.reduce((a, b) => a + b, 0) / availabilities.length;
    const sd = Math.sqrt(
      availabilities.reduce((a, b) => a + (b - mean) ** 2, 0) / (availabilities.length - 1),
    );
    // Within 4 standard errors of 100/110, the SE measured from the replications themselves.
    expect(Math.abs(mean - 100 / 110)).toBeLessThan(4 * (sd / Math.sqrt(availabilities.length)));
    expect(sd).toBeGreaterThan(0);
  });

  it('starves a line from the stock-out to the next delivery, and longer when a disruption stops it', () => {
    // 112 rounds/min, no failures; 1,612,800 cases last 14,400 min (10 days); deliveries every
    // 20 days from day 20 bring 10 days' worth. Starved from day 10 to 20, 30 to 40, ...
    const scenario = oneLinePlant((s) => {
      s.lines[0]!.failures = {
        timeToFailure: { kind: 'fixed', value: 1e9 },
        repair: { kind: 'fixed', value: 1 },
      };
      s.components[0]!.initialStock = 1_612_800;
      s.components[0]!.delivery = { everyDays: 20, quantity: 1_612_800, leadTimeDays: 0 };
      s.components[0]!.disruption = { enabled: false, from: '2026-01-25', durationDays: 20 };
      s.simulation.horizonDays = 60;
    });
    const normal = replicate(compilePlant(scenario), 1, 0).lines[0]!;
    // Deliveries on days 20 and 40: starved days 10-20, 30-40 and 50-60.
    expect(normal.starvedTime[0]).toBeCloseTo(30 * DAY, 3);
    expect(normal.good).toBe(3 * 1_612_800);
    // Disruption from day 20 for 20 days removes the day-20 delivery: starved days 10-40, 50-60.
    const disrupted = replicate(compilePlant(scenario, { disruption: 'on' }), 1, 0).lines[0]!;
    expect(disrupted.starvedTime[0]).toBeCloseTo(40 * DAY, 3);
    expect(disrupted.good).toBe(2 * 1_612_800);
  });
});
