import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { orderOnLine } from '../../../test/support/orders.ts';
import { setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import { lineDevice } from '../actor.ts';
import { ingestLineEvents } from './ingest.ts';
import { lineKpis } from './kpi.ts';

// Shift A on Monday 2027-01-04 runs 06:00-14:00 Minsk time = 03:00-11:00 UTC: 480 minutes.
const at = (minutes: number): string => new Date(Date.UTC(2027, 0, 4, 3, minutes)).toISOString();

describe('KPIs from line data', () => {
  let t: TestDatabase;
  let plant: TestPlant;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    plant = await setUpTestPlant(t.store);
    plant.app.clock.advance(24 * 60 * 60_000);
  });

  it('sorts the shift into production, down, set-up and planned time and counts the rounds', async () => {
    const { app, admin } = plant;
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 1_000_000 });
    const result = await ingestLineEvents(app, lineDevice('L1'), [
      { eventId: 'e1', kind: 'state', lineId: 'L1', at: at(0), state: 'Execute' },
      { eventId: 'e2', kind: 'count', lineId: 'L1', at: at(100), processed: 9_000, defective: 90 },
      { eventId: 'e3', kind: 'state', lineId: 'L1', at: at(240), state: 'Stopped', reason: 'breakdown' },
      { eventId: 'e4', kind: 'count', lineId: 'L1', at: at(240), processed: 20_000, defective: 200 },
      { eventId: 'e5', kind: 'state', lineId: 'L1', at: at(300), state: 'Idle' },
      { eventId: 'e6', kind: 'state', lineId: 'L1', at: at(330), state: 'Execute' },
      { eventId: 'e7', kind: 'state', lineId: 'L1', at: at(420), state: 'Held', reason: 'break' },
      { eventId: 'e8', kind: 'count', lineId: 'L1', at: at(420), processed: 28_000, defective: 250 },
    ]);
    expect(result.refused).toBe(0);
    const [shiftA] = await lineKpis(app, admin, {
      lineId: 'L1',
      by: 'shift',
      from: '2027-01-04',
      to: '2027-01-04',
    });
    expect(shiftA).toMatchObject({ id: 'L1:2027-01-04:A', shift: 'A' });
    // Execute 0-240 and 330-420 = 330 min; breakdown 240-300 = 60; idle 300-330 = 30 delay; break 420-480 = 60 planned.
    expect(shiftA?.record).toMatchObject({
      plannedBusyTime: 420,
      actualProductionTime: 330,
      downTimes: { breakdown: 60 },
      delayTime: 30,
      producedQuantity: 28_000,
      goodQuantity: 27_750,
    });
    expect(shiftA?.availability).toBeCloseTo(330 / 420, 10);
    expect(shiftA?.effectiveness).toBeCloseTo(28_000 / 100 / 330, 10);
    expect(shiftA?.qualityRatio).toBeCloseTo(27_750 / 28_000, 10);
    expect(shiftA?.unaccountedTime).toBeCloseTo(0, 10);
    // Shift B inherits the Held state: all planned down time, no busy time.
    const day = await lineKpis(app, admin, { lineId: 'L1', from: '2027-01-04', to: '2027-01-04' });
    expect(day).toHaveLength(1);
    expect(day[0]?.record.plannedBusyTime).toBe(420);
  });
});
