import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import { lineDevice } from '../actor.ts';
import { addOrder } from '../orders.ts';
import { ingestLineEvents } from './ingest.ts';
import { makeSchedule } from './schedule.ts';

describe('schedule', () => {
  let t: TestDatabase;
  let plant: TestPlant;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    plant = await setUpTestPlant(t.store);
  });

  it('places open orders on commissioned lines only, warning about the others, and dispatches from it', async () => {
    const { app, admin } = plant;
    await addOrder(app, admin, {
      consigneeId: 'army',
      productId: 'ball-ps',
      quantity: 20_000,
      dueDate: '2027-01-08',
    });
    await addOrder(app, admin, {
      consigneeId: 'army',
      productId: 'tracer-t',
      quantity: 5_000,
      dueDate: '2027-01-08',
    });
    const plan = await makeSchedule(app, admin);
    expect(plan.placements.map((p) => [p.orderNumber, p.lineId])).toEqual([['PO-2027-0001', 'L1']]);
    expect(plan.placements[0]?.startsLocal).toBe('2027-01-04T06:00');
    expect(plan.warnings.join('\n')).toMatch(/line L2 is not commissioned/);
    expect(plan.unplaced.map((u) => u.orderNumber)).toEqual(['PO-2027-0002']);
    const counted = await ingestLineEvents(app, lineDevice('L1'), [
      {
        eventId: 'c1',
        kind: 'count',
        lineId: 'L1',
        at: '2027-01-04T03:00:30Z',
        processed: 100,
        defective: 0,
      },
    ]);
    expect(counted.runsStarted).toBe(1);
  });

  it('reschedules after a stop: the stopped line is blocked from now', async () => {
    const { app, admin } = plant;
    await addOrder(app, admin, {
      consigneeId: 'army',
      productId: 'ball-ps',
      quantity: 20_000,
      dueDate: '2027-01-08',
    });
    await ingestLineEvents(app, lineDevice('L1'), [
      { eventId: 's1', kind: 'state', lineId: 'L1', at: '2027-01-04T03:00:00Z', state: 'Execute' },
      {
        eventId: 's2',
        kind: 'state',
        lineId: 'L1',
        at: '2027-01-04T03:00:10Z',
        state: 'Stopped',
        reason: 'breakdown',
      },
    ]);
    const plan = await makeSchedule(app, admin, { blockedMinutes: { L1: 240 } });
    expect(plan.schedule.reason).toMatch(/after stop on L1 \(Stopped, breakdown\)/);
    expect(plan.placements[0]?.startsLocal).toBe('2027-01-04T10:00');
  });

  it('does not block a line stopped for a planned reason (a changeover): it is not down', async () => {
    const { app, admin } = plant;
    await addOrder(app, admin, {
      consigneeId: 'army',
      productId: 'ball-ps',
      quantity: 20_000,
      dueDate: '2027-01-08',
    });
    await ingestLineEvents(app, lineDevice('L1'), [
      { eventId: 's1', kind: 'state', lineId: 'L1', at: '2027-01-04T03:00:00Z', state: 'Execute' },
      {
        eventId: 's2',
        kind: 'state',
        lineId: 'L1',
        at: '2027-01-04T03:00:10Z',
        state: 'Stopped',
        reason: 'changeover',
      },
    ]);
    const plan = await makeSchedule(app, admin, { blockedMinutes: { L1: 240 } });
    expect(plan.schedule.reason).toBe('planned');
    expect(plan.placements[0]?.startsLocal).toBe('2027-01-04T06:00');
  });
});
