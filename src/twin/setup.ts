import { parse } from 'yaml';
import { localInstant } from '../app/plant-time.ts';
import { setUpPlant, type PlantSetupResult } from '../app/plant-setup.ts';
import { fixedClock, type IdGenerator } from '../domain/clock.ts';
import { validateScenario } from '../domain/scenario/validate.ts';
import type { Store } from '../store/database.ts';

/**
 * Sets the plant up from a scenario's text on empty records, dated at the scenario's start
 * (00:00 plant local time of its start date) rather than the wall clock, so that everything
 * the twin records afterwards follows it in time. The first admin is `adminName`.
 *
 * @example
 * await setUpPlantForTwin(store, readFileSync('scenarios/seed-plant.yaml', 'utf8'), randomIds);
 */
export async function setUpPlantForTwin(
  store: Store,
  source: string,
  ids: IdGenerator,
  adminName = 'admin',
): Promise<PlantSetupResult> {
  const scenario = validateScenario(parse(source));
  const start = localInstant(scenario.plant.timezone, scenario.plant.startDate);
  return setUpPlant({ store, clock: fixedClock(start), ids }, undefined, { source, adminName });
}
