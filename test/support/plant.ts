import { readFileSync } from 'node:fs';
import { ManualClock, SequentialIds } from '../../src/domain/clock.ts';
import type { UserActor } from '../../src/app/actor.ts';
import type { AppContext } from '../../src/app/context.ts';
import { setUpPlant } from '../../src/app/plant-setup.ts';
import { actorFor } from '../../src/app/users.ts';
import type { Store } from '../../src/store/database.ts';

/** The small two-line plant used by storage tests (`test/support/fixtures/small-plant.yaml`). */
export const smallPlantSource = readFileSync(new URL('./fixtures/small-plant.yaml', import.meta.url), 'utf8');

/** Monday of the small plant's first week, start of shift A (06:00 Minsk = 03:00 UTC). */
export const PLANT_START = new Date('2027-01-04T03:00:00.000Z');

export interface TestPlant {
  readonly app: AppContext & { readonly clock: ManualClock };
  readonly admin: UserActor;
}

/**
 * Sets up the small plant on `store` with an admin `admin`, a ManualClock at PLANT_START and
 * sequential ids, for use-case tests.
 *
 * @example
 * const { app, admin } = await setUpTestPlant(t.store);
 */
export async function setUpTestPlant(store: Store, source = smallPlantSource): Promise<TestPlant> {
  const app = { store, clock: new ManualClock(PLANT_START), ids: new SequentialIds() };
  await setUpPlant(app, undefined, { source });
  return { app, admin: await actorFor(app, 'admin') };
}
