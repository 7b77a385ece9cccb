import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderOnLine } from '../../../../test/support/orders.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';

const at = (minutes: number): string => new Date(Date.UTC(2027, 0, 4, 3, minutes)).toISOString();
const count = (eventId: string, minutes: number, processed: number, defective: number, lineId = 'L1') => ({
  eventId,
  kind: 'count',
  lineId,
  at: at(minutes),
  processed,
  defective,
});

describe('line-event batch ingest over HTTP', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness();
    h.plant.app.clock.advance(60 * 60_000);
    await orderOnLine(h.plant.app, h.plant.admin, { lineId: 'L1', productId: 'ball-ps', quantity: 2500 });
  });
  afterAll(() => h.close());

  const send = (events: unknown[]) =>
    h.call('operator', { method: 'POST', url: '/api/v1/line-events', payload: { events } });

  it('records the batch as the operator, answers each event, and counts them in the metrics', async () => {
    const res = await send([
      { eventId: 's1', kind: 'state', lineId: 'L1', at: at(0), state: 'Execute' },
      count('c1', 10, 1200, 10),
      count('c2', 20, 1100, 10), // backwards: refused on its own
      count('c3', 5, 900, 9, 'L9'), // no such line
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ accepted: 2, duplicates: 0, refused: 2, runsStarted: 1 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'refused',
      'refused',
    ]);
    expect(body.results[2].problems[0].path).toBe('processed');
    expect(body.lotsCommissioned).toHaveLength(1);
    expect(body.lotsCommissioned[0]).toMatchObject({ quantity: 1000, lineId: 'L1', actor: 'user:oleg' });

    const again = await send([count('c1', 10, 1200, 10)]);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 1 });

    const metrics = (await h.server.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/headstamp_line_events_ingested_total\{outcome="accepted"\} 2/);
    expect(metrics).toMatch(/headstamp_line_events_ingested_total\{outcome="duplicate"\} 1/);
    expect(metrics).toMatch(/headstamp_line_events_ingested_total\{outcome="refused"\} 2/);
    expect(metrics).toMatch(
      /headstamp_http_requests_total\{method="POST",route="\/api\/v1\/line-events",status="200"\} 2/,
    );
    expect(metrics).toMatch(
      /headstamp_http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/api\/v1\/line-events"\}/,
    );
  });

  it('refuses a malformed batch whole, naming the event and field', async () => {
    const res = await send([
      count('ok', 30, 1300, 10),
      { ...count('bad', 31, 1400, 10), processed: -1, speed: 3 },
    ]);
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .details.problems.map((p: { path: string }) => p.path)
      .sort();
    expect(paths).toEqual(['events[1].processed', 'events[1].speed']);
    const empty = await send([]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.problems[0].path).toBe('events');
  });
});
