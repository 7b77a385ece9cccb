import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineDevice } from '../../../app/actor.ts';
import { acceptanceRunEvents } from '../../../app/commissioning/testing/line-data.ts';
import { orderOnLine } from '../../../../test/support/orders.ts';
import { receiveComponents } from '../../../app/production/components.ts';
import { ingestLineEvents } from '../../../app/production/ingest.ts';
import { encodeCursor } from '../../pagination.ts';
import { responseProblems } from '../../testing/response.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';
import { LedgerEventPage, LineEventPage } from './schema.ts';

const HOUR = 3_600_000;

describe('line events and ledger events, page by page', () => {
  let h: ApiHarness;
  let counter = 0;
  beforeAll(async () => {
    h = await openApiHarness({ unshapedReplies: true });
    // A line runs for an order: its counts make rounds for it.
    await orderOnLine(h.plant.app, h.plant.admin, {
      lineId: 'L1',
      productId: 'ball-ps',
      quantity: 1_000_000,
    });
  });
  afterAll(() => h.close());

  async function runL1(hours: number, prefix: string) {
    const from = h.plant.app.clock.now();
    const events = acceptanceRunEvents({
      ...{ lineId: 'L1', from, hours, ratedRate: 100, rateShare: 0.9, defectEvery: 500 },
      ...{ stops: [], idPrefix: prefix, processedBefore: counter },
    });
    counter = Number(events.filter((e) => e['kind'] === 'count').at(-1)?.['processed'] ?? counter);
    h.plant.app.clock.set(new Date(from.getTime() + hours * HOUR));
    expect((await ingestLineEvents(h.plant.app, lineDevice('L1'), events)).refused).toBe(0);
  }

  /** Walks a list to its end through the API, calling `between` after each page. */
  async function walk<T>(
    url: string,
    schema: Parameters<typeof responseProblems>[0],
    between: (i: number) => Promise<void>,
  ) {
    const seen: T[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 200; i++) {
      const res = await h.call('auditor', {
        method: 'GET',
        url: `${url}${cursor === null ? '' : `&cursor=${cursor}`}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(responseProblems(schema, res.json())).toEqual([]);
      const page = res.json<{ items: T[]; nextCursor: string | null }>();
      seen.push(...page.items);
      if (page.nextCursor === null) return seen;
      cursor = page.nextCursor;
      await between(i);
    }
    throw new Error('the walk did not end');
  }

  it('walks a line’s events once each, in time order, with events arriving while paging', async () => {
    await runL1(2, 'a');
    const walked = await walk<{ at: string; eventId: string; lineId: string }>(
      '/api/v1/line-events?lineId=L1&limit=7',
      LineEventPage,
      async (i) => {
        if (i === 0) await runL1(1, 'b');
      },
    );
    const keys = walked.map((e) => `${e.at}|${e.eventId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([...keys].sort());
    expect(walked.some((e) => e.eventId.startsWith('b-'))).toBe(true);
    expect(walked.every((e) => e.lineId === 'L1')).toBe(true);
    // Every recorded event of the line, none left out.
    const whole = await h.call('auditor', { method: 'GET', url: '/api/v1/line-events?lineId=L1&limit=500' });
    expect(whole.json().items.map((e: { eventId: string }) => e.eventId)).toEqual(
      walked.map((e) => e.eventId),
    );
    expect(
      (await h.call('consignee', { method: 'GET', url: '/api/v1/line-events?lineId=L1' })).statusCode,
    ).toBe(403);
    expect((await h.call('auditor', { method: 'GET', url: '/api/v1/line-events' })).statusCode).toBe(400);
    // A well-formed cursor whose key is not a time cannot be from this list.
    const forged = await h.call('auditor', {
      method: 'GET',
      url: `/api/v1/line-events?lineId=L1&cursor=${encodeCursor('yesterday|a-1')}`,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({
      code: 'line_events.cursor',
      details: { problems: [{ path: 'cursor' }] },
    });
  });

  it('walks the ledger by index once each, with events appended while paging', async () => {
    const receive = (n: number) =>
      receiveComponents(h.plant.app, h.plant.admin, {
        componentId: 'primer',
        supplier: 'Supplier B',
        supplierLot: `P-${n}`,
        quantity: 1000,
      });
    for (let n = 0; n < 3; n++) await receive(n);
    const walked = await walk<{ index: number; event: { eventID?: string } }>(
      '/api/v1/ledger/events?limit=2',
      LedgerEventPage,
      async (i) => {
        if (i < 2) await receive(10 + i);
      },
    );
    expect(walked.map((e) => e.index)).toEqual(walked.map((_, i) => i));
    // One event came after the first page; the walk ended before a second could be added.
    const whole = await h.call('auditor', { method: 'GET', url: '/api/v1/ledger/events?limit=500' });
    expect(whole.json().items.map((e: { index: number }) => e.index)).toEqual(walked.map((e) => e.index));
    expect(walked.length).toBeGreaterThanOrEqual(4);
    expect(walked.every((e) => typeof e.event.eventID === 'string')).toBe(true);
    const forged = Buffer.from(JSON.stringify({ k: 'x' })).toString('base64url');
    const refused = await h.call('auditor', { method: 'GET', url: `/api/v1/ledger/events?cursor=${forged}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.problems[0].path).toBe('cursor');
  });
});
