import { fixedClock, type Clock } from '../domain/clock.ts';
import { RefusedError, ValidationError } from '../domain/errors.ts';
import type { Store } from '../store/database.ts';
import { plantRepository, type ClockMode } from '../store/repositories/plant.ts';
import { requireRole, type Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import { systemClock } from './runtime.ts';
import { withTransaction } from './transaction.ts';

/**
 * The plant's clock, as the records say: the wall clock in `real` mode, the simulated "now"
 * kept in the records in `simulated` mode (the twin moves it forward). Read it once per
 * command or request; before `headstamp init` it is the wall clock.
 *
 * @example
 * const clock = await plantClock(store);
 * clock.now();
 */
export async function plantClock(store: Store): Promise<Clock> {
  const plant = await plantRepository(store).get();
  if (plant?.clockMode === 'simulated' && plant.simulatedNow !== null) {
    return fixedClock(new Date(plant.simulatedNow));
  }
  return systemClock;
}

/**
 * The plant's clock mode as the records hold it (`real` before `headstamp init`).
 *
 * @example
 * await plantClockMode(store); // 'simulated'
 */
export async function plantClockMode(store: Store): Promise<ClockMode> {
  return (await plantRepository(store).get())?.clockMode ?? 'real';
}

/**
 * Switches the records to `real` or `simulated` time; in simulated mode `now` is where the
 * simulated clock stands (it may only move forward). Admin only.
 *
 * @example
 * await setPlantClock(app, admin, { mode: 'simulated', now: new Date('2027-01-04T06:00:00Z') });
 */
export async function setPlantClock(
  app: AppContext,
  actor: Actor,
  input: { mode: ClockMode; now?: Date },
): Promise<void> {
  requireRole(actor, ['admin'], 'set the plant clock');
  await withTransaction(app.store, async (tx) => {
    const plants = plantRepository(tx);
    const plant = await plants.get();
    if (plant === undefined)
      throw new RefusedError('plant.missing', 'no plant yet', ['run headstamp init first']);
    if (input.mode === 'real') {
      await plants.update(plant.id, { clockMode: 'real', simulatedNow: null });
      return;
    }
    const now = input.now;
    if (now === undefined || Number.isNaN(now.getTime())) {
      throw new ValidationError('clock.invalid', 'simulated mode needs a time', [
        { path: 'now', problem: 'must be an ISO 8601 instant' },
      ]);
    }
    if (
      plant.clockMode === 'simulated' &&
      plant.simulatedNow !== null &&
      now.toISOString() < plant.simulatedNow
    ) {
      throw new RefusedError('clock.backwards', 'the simulated clock only moves forward', [
        `now ${now.toISOString()} is before ${plant.simulatedNow}`,
      ]);
    }
    await plants.update(plant.id, { clockMode: 'simulated', simulatedNow: now.toISOString() });
  });
}
