import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { plantClock } from '../app/clock.ts';
import { linePresence } from '../app/ingest/presence.ts';
import { SequentialIds } from '../domain/clock.ts';
import { lineDataRepository } from '../store/repositories/line-data.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { startTwin } from './live.ts';
import { setUpPlantForTwin } from './setup.ts';

const seedPlant = readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8');

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('twin live', () => {
  // The seed plant starts at 00:00 plant time: its lines are stopped until the 06:00 shift, so
  // for the first hours they only have their state to say.
  it('sends its lines over MQTT; a line stopped for the night repeats its state and is not marked silent', async () => {
    db = await openTestDatabase();
    await setUpPlantForTwin(db.store, seedPlant, new SequentialIds());
    const logs: string[] = [];
    const running = await startTwin({
      store: db.store,
      env: { HEADSTAMP_MQTT_PORT: '0' },
      admin: 'admin',
      seed: 1,
      // 200 simulated minutes in at least 20 s: past the ingest's first silence check (15 s).
      speed: 600,
      minutes: 200,
      log: (m) => logs.push(m),
    });
    const tally = await running.done;
    expect(tally.lineEventsRefused).toBe(0);
    expect(logs.filter((m) => /marked silent/.test(m))).toEqual([]);

    const app = { store: db.store, clock: await plantClock(db.store), ids: new SequentialIds() };
    const presence = await linePresence(app);
    expect(presence.map((p) => p.lineId).sort()).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(presence.filter((p) => p.silentReason === 'timeout')).toEqual([]);

    // Recorded through the MQTT ingest: Stopped, then the same state at most 3 minutes apart.
    for (const lineId of ['L1', 'L3']) {
      const events = await lineDataRepository(db.store).events(lineId, tally.from, tally.to);
      expect(events.length).toBeGreaterThanOrEqual(60);
      expect(new Set(events.map((e) => e.state))).toEqual(new Set(['Stopped']));
      const times = events.map((e) => Date.parse(e.at));
      for (let i = 1; i < times.length; i += 1)
        expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeLessThanOrEqual(3 * 60_000);
    }
  }, 180_000);
});
