import type { Scenario } from './schema.ts';

/**
 * A small valid scenario (one phase, two lines, two products), for tests that need a plant
 * without reading a file. Returns a fresh object each call, so a test may change it freely.
 *
 * @example
 * const s = exampleScenario();
 * s.lines[0]!.ratedRate = -5;
 * checkScenario(s); // [{ path: ['lines', 0, 'ratedRate'], problem: 'must be > 0, got -5' }]
 */
export function exampleScenario(): Scenario {
  return {
    version: 1,
    plant: {
      id: 'test-plant',
      name: 'Test plant',
      manufacturerCode: 'TST',
      country: 'VE',
      startDate: '2026-01-05',
      timezone: 'UTC',
      ratedOutputPerYear: 10_000_000,
      fourEyes: {
        releaseLot: true,
        adjustStock: true,
        destroy: false,
        addAuthorisation: true,
        dispatchShipment: false,
      },
      lots: { roundsPerLot: 52_800 },
    },
    phases: [{ id: 'p1', name: 'Phase 1', buildings: [{ id: 'B1', name: 'Hall' }] }],
    lines: [
      {
        id: 'L1',
        name: 'Line 1',
        kind: 'assembly',
        phase: 'p1',
        building: 'B1',
        products: ['ball'],
        ratedRate: 100,
        calendar: 'day',
        failures: {
          timeToFailure: { kind: 'exponential', mean: 2400 },
          repair: { kind: 'lognormal', mean: 60, sd: 45 },
        },
        microStops: { perHour: 6, meanMinutes: 0.75 },
        rejectRate: 0.004,
        plannedMaintenance: { per: 'week', minutes: 240 },
        commissioning: {
          priorAct: { actNumber: 'A-1', date: '2025-07-24', signedBy: ['Director'] },
        },
      },
      {
        id: 'L2',
        name: 'Line 2',
        kind: 'assembly',
        phase: 'p1',
        building: 'B1',
        products: ['ball', 'blank'],
        ratedRate: 60,
        changeovers: { ball: { blank: 60 }, blank: { ball: 90 } },
        calendar: 'day',
        failures: {
          timeToFailure: { kind: 'weibull', shape: 1.1, scale: 1870 },
          repair: { kind: 'triangular', min: 10, mode: 30, max: 120 },
        },
        microStops: { perHour: 8, meanMinutes: 0.75 },
        rejectRate: 0.005,
        plannedMaintenance: { per: 'month', minutes: 960 },
      },
    ],
    calendars: [
      {
        id: 'day',
        name: 'Day shift',
        week: {
          mon: [{ start: '06:00', end: '14:00' }],
          tue: [{ start: '06:00', end: '14:00' }],
          wed: [{ start: '06:00', end: '14:00' }],
          thu: [{ start: '06:00', end: '14:00' }],
          fri: [{ start: '06:00', end: '14:00' }],
        },
        holidays: ['2026-01-01'],
      },
    ],
    products: [
      {
        id: 'ball',
        name: 'Ball',
        calibre: '7.62x39mm',
        type: 'ball',
        bullet: 'steel core',
        unNumber: 'UN0012',
        hazardDivision: '1.4S',
        bill: { case: 1, bullet: 1, primer: 1, charge: 1 },
        packaging: { roundsPerBox: 20, boxesPerCrate: 66, cratesPerPallet: 40 },
      },
      {
        id: 'blank',
        name: 'Blank',
        calibre: '7.62x39mm',
        type: 'blank',
        unNumber: 'UN0014',
        hazardDivision: '1.4S',
        bill: { case: 1, primer: 1, charge: 1 },
        packaging: { roundsPerBox: 20, boxesPerCrate: 66, cratesPerPallet: 40 },
      },
    ],
    components: [
      { id: 'case', name: 'Case', unit: 'piece', suppliers: ['S1'], initialStock: 1_000_000 },
      { id: 'bullet', name: 'Bullet', unit: 'piece', suppliers: ['S1'], initialStock: 1_000_000 },
      {
        id: 'primer',
        name: 'Primer',
        unit: 'piece',
        suppliers: ['S2'],
        initialStock: 1_000_000,
        delivery: { everyDays: 28, quantity: 800_000, leadTimeDays: 60 },
        disruption: { enabled: false, from: '2026-06-01', durationDays: 30 },
      },
      { id: 'charge', name: 'Charge', unit: 'charge', suppliers: ['S2'], initialStock: 1_000_000 },
    ],
    storage: [
      {
        id: 'mag',
        name: 'Magazine',
        kind: 'magazine',
        building: 'B1',
        limitCrates: 500,
        allowedDivisions: ['1.4S'],
      },
    ],
    consignees: [{ id: 'army', name: 'Army', kind: 'army', country: 'VE' }],
    demand: {
      mix: { ball: 0.8, blank: 0.2 },
      consignees: { army: 1 },
      orders: { perYear: 200, minRounds: 10_560, maxRounds: 59_400, leadTimeDays: 42 },
      firm: [{ id: 'SO-1', consignee: 'army', product: 'ball', quantity: 52_800, due: '2026-02-13' }],
    },
    sampling: {
      inspectionLevel: 'II',
      aql: { critical: 0.065, major: 0.65, minor: 2.5 },
      tests: [{ id: 'visual', name: 'Visual', defectClass: 'minor', destructive: false }],
    },
    simulation: { horizonDays: 365, replications: 10, seed: 1 },
  };
}
