/**
 * Scenarios for the plant model's tests: the seed plant, or a one-line plant cut down from it,
 * with overrides. Test support only.
 *
 * @example
 * const scenario = oneLinePlant((s) => { s.lines[0]!.ratedRate = 100; });
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type Scenario, validateScenario } from '../../domain/scenario/index.ts';

const seedFile = new URL('../../../scenarios/seed-plant.yaml', import.meta.url);

/** The seed plant as shipped. */
export function seedPlant(): Scenario {
  return validateScenario(parse(readFileSync(seedFile, 'utf8')));
}

/**
 * One line (L1, ball), open round the clock, no micro-stops, rejects or maintenance, one
 * component (`case`) with no deliveries, plus whatever `edit` changes. Validated after editing.
 */
export function oneLinePlant(edit: (s: Scenario) => void = () => undefined): Scenario {
  const s = seedPlant();
  const line = s.lines[0]!;
  s.lines = [line];
  for (const phase of s.phases)
    if (phase.lines !== undefined) phase.lines = phase.lines.filter((id) => id === line.id);
  line.calendar = 'always';
  line.microStops = { perHour: 0, meanMinutes: 1 };
  line.rejectRate = 0;
  line.plannedMaintenance = { per: 'week', minutes: 0 };
  const day = [{ start: '00:00', end: '24:00' }];
  s.calendars = [
    {
      id: 'always',
      name: 'Round the clock',
      week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    },
  ];
  s.products = s.products.filter((p) => p.id === 'ball-ps').map((p) => ({ ...p, bill: { case: 1 } }));
  s.components = [{ id: 'case', name: 'Case', unit: 'piece', suppliers: ['A'], initialStock: 1_000_000_000 }];
  s.demand = { annualRounds: 1_000_000, mix: { 'ball-ps': 1 } };
  edit(s);
  return validateScenario(JSON.parse(JSON.stringify(s)));
}
