import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderOnLine } from '../../../../test/support/orders.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';

describe('lines at a glance and a line’s events', () => {
  let h: ApiHarness;
  let at: (minutes: number) => string;
  beforeAll(async () => {
    h = await openApiHarness();
    h.plant.app.clock.advance(60 * 60_000);
    const start = h.plant.app.clock.now().getTime() - 30 * 60_000;
    at = (minutes) => new Date(start + minutes * 60_000).toISOString();
    await orderOnLine(h.plant.app, h.plant.admin, { lineId: 'L1', productId: 'ball-ps', quantity: 2500 });
    const res = await h.call('operator', {
      method: 'POST',
      url: '/api/v1/line-events',
      payload: {
        events: [
          { eventId: 's1', kind: 'state', lineId: 'L1', at: at(0), state: 'Execute' },
          { eventId: 'c1', kind: 'count', lineId: 'L1', at: at(10), processed: 1000, defective: 10 },
          { eventId: 'c2', kind: 'count', lineId: 'L1', at: at(20), processed: 2000, defective: 20 },
          { eventId: 'c3', kind: 'count', lineId: 'L1', at: at(29), processed: 2900, defective: 25 },
        ],
      },
    });
    expect(res.json()).toMatchObject({ accepted: 4 });
  });
  afterAll(() => h.close());

  it('shows each line’s state, product, rated and current rate, and the year’s good output', async () => {
    const res = await h.call('auditor', { method: 'GET', url: '/api/v1/lines' });
    expect(res.statusCode).toBe(200);
    const glance = res.json();
    expect(glance.now).toBe(h.plant.app.clock.now().toISOString());
    const l1 = glance.lines.find((l: { id: string }) => l.id === 'L1');
    expect(l1).toMatchObject({ state: 'Execute', stateAt: at(0), productId: 'ball-ps' });
    expect(l1.ratedRate).toBeGreaterThan(0);
    // The last 15 minutes (from minute 15) hold the counts at 20 and 29, measured from the one at 10:
    // 1000 + 900 processed in the 20 minutes from that count to now (minute 30).
    expect(l1.currentRate).toBeCloseTo(1900 / 20, 6);
    expect(glance.goodThisYear).toBe(2900 - 25);
    // 2,875 good rounds made the order's lots: listed newest first, all of L1.
    const lots = glance.recentLots;
    expect(lots.length).toBeGreaterThan(0);
    expect(
      lots.every(
        (l: { lineId: string; productId: string }) => l.lineId === 'L1' && l.productId === 'ball-ps',
      ),
    ).toBe(true);
    const times = lots.map((l: { commissionedAt: string }) => l.commissionedAt);
    expect(times).toEqual([...times].sort().reverse());
    const others = glance.lines.filter((l: { id: string }) => l.id !== 'L1');
    expect(
      others.every((l: { state: unknown; currentRate: number }) => l.state === null && l.currentRate === 0),
    ).toBe(true);
  });

  it('lists a line’s events over a period with the state it opened in, and refuses a period backwards or too long, naming `to`', async () => {
    const res = await h.call('planner', {
      method: 'GET',
      url: `/api/v1/lines/L1/events?from=${at(5)}&to=${at(25)}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { eventId: string }) => e.eventId)).toEqual(['c1', 'c2']);
    // The state the period opened in: Execute since minute 0, before the period's start.
    expect(res.json().opening).toMatchObject({ eventId: 's1', kind: 'state', state: 'Execute', at: at(0) });
    const first = await h.call('planner', {
      method: 'GET',
      url: `/api/v1/lines/L1/events?from=${at(-5)}&to=${at(5)}`,
    });
    expect(first.json()).toMatchObject({ opening: null, items: [{ eventId: 's1' }] });
    for (const to of [at(-1), new Date(Date.parse(at(0)) + 3 * 86_400_000).toISOString()]) {
      const bad = await h.call('planner', {
        method: 'GET',
        url: `/api/v1/lines/L1/events?from=${at(0)}&to=${to}`,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.problems[0].path).toBe('to');
    }
  });
});
