import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderOnLine } from '../../../../test/support/orders.ts';
import type { Role } from '../../../app/auth/roles.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';

const at = (minutes: number): string => new Date(Date.UTC(2027, 0, 4, 3, minutes)).toISOString();

interface Frame {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** A real HTTP client on the stream: frames parsed as they arrive. */
class Listener {
  readonly frames: Frame[] = [];
  ended = false;
  #buffer = '';
  #waiters: (() => void)[] = [];
  constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.#buffer += chunk;
      let cut: number;
      while ((cut = this.#buffer.indexOf('\n\n')) >= 0) {
        const block = this.#buffer.slice(0, cut);
        this.#buffer = this.#buffer.slice(cut + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event !== undefined && data !== undefined) this.frames.push({ event, data: JSON.parse(data) });
      }
      this.#waiters.forEach((w) => w());
    });
    response.on('end', () => {
      this.ended = true;
      this.#waiters.forEach((w) => w());
    });
  }
  /** Waits until a frame matches (or fails after 10 s). */
  async until(test: (f: Frame) => boolean, what: string): Promise<Frame> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = this.frames.find(test);
      if (found !== undefined) return found;
      if (this.ended || Date.now() > deadline)
        throw new Error(`no ${what} in ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
  async ends(): Promise<void> {
    await this.until(() => false, 'end').catch(() => undefined);
    expect(this.ended).toBe(true);
  }
  close(): void {
    this.response.destroy();
  }
}

describe('live stream (server-sent events)', () => {
  let h: ApiHarness;
  let base: string;
  const open = (role: Role | undefined) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(`${base}/api/v1/stream`, {
        headers: { accept: 'text/event-stream', ...(role === undefined ? {} : h.auth(role)) },
      });
      req.on('response', resolve);
      req.on('error', reject);
      req.end();
    });
  const send = (events: unknown[]) =>
    h.call('operator', { method: 'POST', url: '/api/v1/line-events', payload: { events } });

  beforeAll(async () => {
    h = await openApiHarness();
    h.plant.app.clock.advance(60 * 60_000);
    await orderOnLine(h.plant.app, h.plant.admin, { lineId: 'L1', productId: 'ball-ps', quantity: 2500 });
    await h.server.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => h.close());

  it('refuses a client that is not signed in', async () => {
    const res = await open(undefined);
    expect(res.statusCode).toBe(401);
    res.resume();
  });

  it('tells the staff line states, counts as increments, and the ledger head; a consignee only states', async () => {
    const operator = new Listener(await open('operator'));
    const consignee = new Listener(await open('consignee'));
    expect(operator.response.statusCode).toBe(200);
    expect(operator.response.headers['content-type']).toMatch(/^text\/event-stream/);
    await operator.until((f) => f.event === 'heartbeat', 'heartbeat');
    await consignee.until((f) => f.event === 'heartbeat', 'heartbeat');
    const head = await operator.until((f) => f.event === 'ledger', 'ledger head');
    expect(head.data).toMatchObject({
      size: expect.any(Number),
      rootHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const first = await send([
      { eventId: 's1', kind: 'state', lineId: 'L1', at: at(0), state: 'Execute' },
      { eventId: 'c1', kind: 'count', lineId: 'L1', at: at(10), processed: 1200, defective: 10 },
      { eventId: 'c2', kind: 'count', lineId: 'L1', at: at(20), processed: 2000, defective: 15 },
    ]);
    expect(first.json()).toMatchObject({ accepted: 3 });
    const state = await operator.until((f) => f.event === 'line-state', 'line state');
    expect(state.data).toEqual({ lineId: 'L1', state: 'Execute', reason: null, at: at(0) });
    await operator.until((f) => f.event === 'line-count' && f.data['at'] === at(20), 'the batch’s counts');
    // The batch's two counts as one increment, up to the last of them.
    const counts = operator.frames.filter((f) => f.event === 'line-count').map((f) => f.data);
    expect(counts).toEqual([{ lineId: 'L1', good: 1985, defective: 15, at: at(20) }]);

    // A duplicate is news to nobody; the next state is, to both.
    await send([
      { eventId: 'c2', kind: 'count', lineId: 'L1', at: at(20), processed: 2000, defective: 15 },
      { eventId: 's2', kind: 'state', lineId: 'L1', at: at(25), state: 'Held', reason: 'breakdown' },
    ]);
    await operator.until((f) => f.event === 'line-state' && f.data['state'] === 'Held', 'held');
    await consignee.until((f) => f.event === 'line-state' && f.data['state'] === 'Held', 'held');
    expect(operator.frames.filter((f) => f.event === 'line-count')).toHaveLength(1);
    expect(new Set(consignee.frames.map((f) => f.event))).toEqual(new Set(['heartbeat', 'line-state']));
    operator.close();
    consignee.close();
  });

  it('ends every open stream when the server closes', async () => {
    const listener = new Listener(await open('auditor'));
    await listener.until((f) => f.event === 'heartbeat', 'heartbeat');
    const closing = h.server.close();
    await listener.ends();
    await closing;
  });
});
