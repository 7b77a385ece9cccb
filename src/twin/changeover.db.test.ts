import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { plantClock } from '../app/clock.ts';
import { plantScenario } from '../app/plant-setup.ts';
import { localDate, localInstant } from '../app/plant-time.ts';
import { lineKpis } from '../app/production/kpi.ts';
import { listLots } from '../app/production/lots-query.ts';
import { actorFor } from '../app/users.ts';
import { SequentialIds } from '../domain/clock.ts';
import { compilePlant } from '../sim/plant/model.ts';
import { lineDataRepository } from '../store/repositories/line-data.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { runTwinFast } from './fast.ts';
import { setUpPlantForTwin } from './setup.ts';

const seedPlant = readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8');
const DAY = 1440;

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('twin changeovers', () => {
  // Seed 5: in its fourth day the schedule moves L3 from tracer to blank.
  it('changes L3 over when the schedule moves it to another product, and the KPIs show the set-up time', async () => {
    db = await openTestDatabase();
    await setUpPlantForTwin(db.store, seedPlant, new SequentialIds());
    const tally = await runTwinFast({ store: db.store, admin: 'admin', seed: 5, minutes: 4 * DAY });
    expect(tally.lineEventsRefused).toBe(0);

    const app = { store: db.store, clock: await plantClock(db.store), ids: new SequentialIds() };
    const scenario = await plantScenario(db.store);
    const tz = scenario.plant.timezone;
    const origin = localInstant(tz, scenario.plant.startDate).getTime();
    const minute = (iso: string): number => (Date.parse(iso) - origin) / 60_000;
    const model = compilePlant(scenario, { horizon: 30 * DAY });
    const l3 = model.lines.find((l) => l.id === 'L3');
    if (l3 === undefined) throw new Error('the seed plant has no L3');

    const events = await lineDataRepository(db.store).events('L3', tally.from, tally.to);
    const stops = events.filter((e) => e.kind === 'stop' && e.reason === 'changeover');
    expect(stops.length).toBeGreaterThanOrEqual(1);

    const lots = (await listLots(app, await actorFor(app, 'twin-inspector'), { lineId: 'L3' })).sort((a, b) =>
      a.commissionedAt.localeCompare(b.commissionedAt),
    );
    const productIndex = (id: string | undefined): number => model.products.findIndex((p) => p.id === id);
    let setupMinutes = 0;
    for (const stop of stops) {
      const [at, endedAt] = [stop.at, stop.endedAt ?? ''];
      // The product made before and after: another one, and the matrix time between them.
      const before = lots.filter((l) => l.commissionedAt <= at).at(-1)?.productId;
      const after = lots.find((l) => l.commissionedAt > endedAt)?.productId;
      expect(before).toBeDefined();
      expect(after).toBeDefined();
      expect(after).not.toBe(before);
      const matrix = l3.changeover(productIndex(before), productIndex(after));
      expect(matrix).toBeGreaterThan(0);
      // Taken in window time, as the plant model takes it.
      expect(l3.calendar.operatingBetween(minute(at), minute(endedAt))).toBeCloseTo(matrix, 9);
      setupMinutes += matrix;

      // The PackML states: Stopped with the set-up reason from its start, Idle then Execute at its end.
      const states = events.filter((e) => e.kind === 'state');
      const start = states.findIndex(
        (e) => e.at === at && e.state === 'Stopped' && e.reason === 'changeover',
      );
      expect(start).toBeGreaterThanOrEqual(0);
      const next = states.slice(start + 1).filter((e) => e.reason !== 'planned-maintenance');
      expect(next.slice(0, 2).map((e) => [e.state, e.at])).toEqual([
        ['Idle', endedAt],
        ['Execute', endedAt],
      ]);
      // Nothing made while setting up.
      const made = events.filter((e) => e.kind === 'count' && e.at > at && e.at < endedAt);
      expect(made).toEqual([]);
    }

    // The KPIs from the records: the set-up time of the days the changeovers fall in.
    const first = stops[0];
    const last = stops.at(-1);
    const kpis = await lineKpis(app, await actorFor(app, 'twin-planner'), {
      lineId: 'L3',
      by: 'day',
      from: localDate(tz, new Date(first?.at ?? '')),
      to: localDate(tz, new Date(last?.endedAt ?? '')),
    });
    const kpiSetup = kpis.reduce((s, r) => s + (r.record.setupTime ?? 0), 0);
    expect(kpiSetup).toBeCloseTo(setupMinutes, 6);
    expect(kpis.some((r) => r.availability < 1)).toBe(true);
  }, 300_000);
});
