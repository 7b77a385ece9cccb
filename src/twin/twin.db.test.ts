import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { plantClock } from '../app/clock.ts';
import { reconcileLots } from '../app/custody/reconcile.ts';
import { listShipments } from '../app/custody/shipments.ts';
import { verifyLedger } from '../app/ledger/verify.ts';
import { listStock } from '../app/packing/stock.ts';
import { listLots } from '../app/production/lots-query.ts';
import { actorFor } from '../app/users.ts';
import { SequentialIds } from '../domain/clock.ts';
import { openTestDatabase, testDialect, type TestDatabase } from '../../test/support/database.ts';
import { runTwinFast } from './fast.ts';
import { setUpPlantForTwin } from './setup.ts';

const seedPlant = readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8');
const DAY = 1440;

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function freshPlant(): Promise<TestDatabase> {
  const db = await openTestDatabase();
  open.push(db);
  await setUpPlantForTwin(db.store, seedPlant, new SequentialIds());
  return db;
}

describe('twin --fast', () => {
  it('runs three days of the seed plant through the use cases, and carries on from the stored now', async () => {
    const db = await freshPlant();
    const app = { store: db.store, clock: await plantClock(db.store), ids: new SequentialIds() };
    const first = await runTwinFast({ store: db.store, admin: 'admin', seed: 3, minutes: 3 * DAY });

    expect(first.from).toBe('2026-01-05T04:00:00.000Z'); // 00:00 in Caracas on the start date
    expect(first.lots).toBeGreaterThan(0);
    expect(first.inspected).toBeGreaterThan(0);
    expect(first.released + first.rejected).toBe(first.inspected);
    expect(first.shipments).toBeGreaterThanOrEqual(1);
    expect(first.refused.length).toBeGreaterThanOrEqual(1);
    expect(first.refused[0]?.reasons.join(' ')).toMatch(/names consignee/);
    expect(first.lineEventsRefused).toBe(0);

    const auditor = await actorFor(app, 'twin-inspector');
    const lots = await listLots(app, auditor);
    expect(lots.length).toBe(first.lots);
    const stock = await listStock(app, await actorFor(app, 'twin-logistics'));
    expect(stock.lines.some((l) => l.form === 'crate' && l.quantity > 0)).toBe(true);
    expect((await listShipments(app, await actorFor(app, 'twin-army'))).length).toBeGreaterThan(0);

    const verified = await verifyLedger(app, auditor);
    expect(verified.ok).toBe(true);
    expect((await reconcileLots(app, auditor)).unexplained).toBe(0);

    const second = await runTwinFast({ store: db.store, admin: 'admin', seed: 3, minutes: DAY });
    expect(second.from).toBe(first.to);
    expect((await plantClock(db.store)).now().getTime()).toBe(Date.parse(first.to) + DAY * 60_000);
    expect(second.lineEventsRefused).toBe(0);
    expect((await verifyLedger(app, auditor)).ok).toBe(true);
  }, 300_000);

  // Determinism does not depend on the dialect; on PostgreSQL the two runs would double the time.
  it.skipIf(testDialect() === 'postgres')(
    'gives the same records for the same seed',
    async () => {
      const runs = [];
      for (let i = 0; i < 2; i += 1) {
        const db = await freshPlant();
        const tally = await runTwinFast({ store: db.store, admin: 'admin', seed: 11, minutes: 2 * DAY });
        const app = { store: db.store, clock: await plantClock(db.store), ids: new SequentialIds() };
        const lots = await listLots(app, await actorFor(app, 'twin-inspector'));
        runs.push({ tally, lots: lots.map((l) => [l.lotNumber, l.lineId, l.quantity, l.commissionedAt]) });
      }
      expect(runs[0]?.lots.length).toBeGreaterThan(0);
      expect(runs[1]).toEqual(runs[0]);
    },
    120_000,
  );
});
