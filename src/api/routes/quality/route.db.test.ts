import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderOnLine } from '../../../../test/support/orders.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';

const at = (minutes: number): string => new Date(Date.UTC(2027, 0, 4, 3, minutes)).toISOString();

describe('lot statuses over HTTP', () => {
  let h: ApiHarness;
  let lotNumber: string;
  beforeAll(async () => {
    h = await openApiHarness();
    h.plant.app.clock.advance(60 * 60_000);
    await orderOnLine(h.plant.app, h.plant.admin, { lineId: 'L1', productId: 'ball-ps', quantity: 2500 });
    await h.server.ready();
    const res = await h.call('operator', {
      method: 'POST',
      url: '/api/v1/line-events',
      payload: {
        events: [
          { eventId: 's1', kind: 'state', lineId: 'L1', at: at(0), state: 'Execute' },
          { eventId: 'c1', kind: 'count', lineId: 'L1', at: at(20), processed: 2600, defective: 20 },
        ],
      },
    });
    lotNumber = res.json().lotsCommissioned[0]?.lotNumber;
    expect(typeof lotNumber).toBe('string');
  });
  afterAll(() => h.close());

  it('lists a new lot as pending, then as quality decided it; refuses a consignee', async () => {
    const before = (await h.call('auditor', { method: 'GET', url: '/api/v1/lot-statuses' })).json();
    expect(before.items).toContainEqual({ lotNumber, productId: 'ball-ps', lineId: 'L1', status: 'pending' });

    const held = await h.call('quality', {
      method: 'POST',
      url: `/api/v1/lots/${lotNumber}/decision`,
      payload: { decision: 'held', reason: 'waiting for a firing test' },
    });
    expect(held.statusCode).toBe(201);
    const after = (await h.call('planner', { method: 'GET', url: '/api/v1/lot-statuses?limit=1' })).json();
    expect(after.items).toEqual([{ lotNumber, productId: 'ball-ps', lineId: 'L1', status: 'held' }]);

    const history = (
      await h.call('auditor', { method: 'GET', url: `/api/v1/lots/${lotNumber}/quality` })
    ).json();
    expect(history).toMatchObject({ lotNumber, status: 'held', inspection: null });
    expect(history.decisions).toMatchObject([{ status: 'held', reason: 'waiting for a firing test' }]);
    const missing = await h.call('auditor', { method: 'GET', url: '/api/v1/lots/NO-SUCH-LOT/quality' });
    expect(missing.statusCode).toBe(404);

    const consignee = await h.call('consignee', { method: 'GET', url: '/api/v1/lot-statuses' });
    expect(consignee.statusCode).toBe(403);
  });
});
