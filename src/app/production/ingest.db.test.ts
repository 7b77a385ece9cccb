import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { orderOnLine } from '../../../test/support/orders.ts';
import { setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import { lotRepository } from '../../store/repositories/lots.ts';
import { runRepository } from '../../store/repositories/runs.ts';
import { lineDevice } from '../actor.ts';
import { ingestLineEvents } from './ingest.ts';

const at = (minutes: number): string => new Date(Date.UTC(2027, 0, 4, 3, minutes)).toISOString();
const count = (id: string, minutes: number, processed: number, defective: number, lineId = 'L1') => ({
  eventId: id,
  kind: 'count',
  lineId,
  at: at(minutes),
  processed,
  defective,
});
const state = (id: string, minutes: number, s: string, extra: object = {}) => ({
  eventId: id,
  kind: 'state',
  lineId: 'L1',
  at: at(minutes),
  state: s,
  ...extra,
});

describe('line-event ingest', () => {
  let t: TestDatabase;
  let plant: TestPlant;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    plant = await setUpTestPlant(t.store);
    plant.app.clock.advance(60 * 60_000);
  });

  it('turns counts into a run and lots of the plant lot size, and the last lot when the order is done', async () => {
    const { app, admin } = plant;
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 2500 });
    const result = await ingestLineEvents(app, lineDevice('L1'), [
      state('s1', 0, 'Execute'),
      count('c1', 10, 1200, 10),
      count('c2', 20, 2600, 20),
    ]);
    expect(result).toMatchObject({ accepted: 3, duplicates: 0, refused: 0, runsStarted: 1 });
    expect(result.lotsCommissioned.map((l) => [l.lotNumber, l.quantity])).toEqual([
      ['TPL27A001-001', 1000],
      ['TPL27A001-002', 1000],
      ['TPL27A001-003', 580],
    ]);
    const [run] = await runRepository(t.store).list();
    expect(run).toMatchObject({ processed: 2600, defective: 20, good: 2580, lotted: 2580, endedAt: at(20) });
    const lot = await lotRepository(t.store).byNumber('TPL27A001-001');
    expect(lot?.marking).toMatchObject({ headstamp: 'TPL 27', unNumber: 'UN0012' });
    expect(lot?.actor).toBe('device:L1');
    // Each lot's commissioning went to the ledger in the same transaction.
    const ledger = await t.store.db.selectFrom('ledger_events').select(['biz_step']).execute();
    expect(ledger.map((e) => e.biz_step)).toEqual(['commissioning', 'commissioning', 'commissioning']);
  });

  it('is idempotent by event id and keeps valid events beside refused ones', async () => {
    const { app, admin } = plant;
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 100_000 });
    const batch = [count('c1', 10, 500, 5), count('c2', 20, 900, 9)];
    await ingestLineEvents(app, admin, batch);
    const again = await ingestLineEvents(app, admin, [
      ...batch,
      count('c3', 30, 800, 9), // backwards
      count('c4', 31, 1000, 10, 'L9'), // unknown line
      { eventId: 'c5', kind: 'count', lineId: 'L1', at: at(24 * 60), processed: 2000, defective: 10 }, // future
      count('c6', 40, 1500, 12),
    ]);
    expect(again.results.map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'refused',
      'refused',
      'refused',
      'accepted',
    ]);
    expect(again.results[2]?.problems?.[0]?.problem).toMatch(/went backwards from 900 to 800/);
    expect(again.results[3]?.problems?.[0]?.problem).toMatch(/no line L9/);
    expect(again.results[4]?.problems?.[0]?.problem).toMatch(/in the future/);
    const [run] = await runRepository(t.store).list();
    expect(run).toMatchObject({ processed: 1500, defective: 12, good: 1488 });
  });

  it('refuses a batch that gives a stored event id to a new event, recording none of it', async () => {
    const { app, admin } = plant;
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 100_000 });
    const stop = {
      eventId: 'x1',
      kind: 'stop',
      lineId: 'L1',
      at: at(50),
      reason: 'breakdown',
      endedAt: at(55),
    };
    await ingestLineEvents(app, admin, [count('c1', 10, 500, 5), stop]);
    // A stop resent is a duplicate, though it lies after the line's last count.
    const resent = await ingestLineEvents(app, admin, [stop]);
    expect(resent.duplicates).toBe(1);
    await expect(
      ingestLineEvents(app, admin, [count('c2', 20, 900, 9), count('c1', 30, 1000, 9)]),
    ).rejects.toMatchObject({
      code: 'line_event.id_reused',
    });
    const [run] = await runRepository(t.store).list();
    expect(run).toMatchObject({ processed: 500 });
  });

  it('counts on after a counter reset', async () => {
    const { app, admin } = plant;
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 100_000 });
    const r = await ingestLineEvents(app, admin, [
      count('c1', 10, 500, 5),
      { ...count('c2', 20, 100, 1), counterReset: true },
      count('c3', 30, 300, 2),
    ]);
    expect(r.accepted).toBe(3);
    const [run] = await runRepository(t.store).list();
    expect(run).toMatchObject({ processed: 800, defective: 7, good: 793 });
  });

  it('places events that arrive out of order within the window, and refuses them beyond it', async () => {
    const { app, admin } = plant;
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 100_000 });
    // Shuffled inside one batch: sorted by time.
    const first = await ingestLineEvents(app, admin, [count('c2', 20, 900, 9), count('c1', 10, 500, 5)]);
    expect(first.accepted).toBe(2);
    // Late across batches, 5 min behind the last: fits between 500 and 900.
    const late = await ingestLineEvents(app, admin, [count('c15', 15, 700, 7)]);
    expect(late.accepted).toBe(1);
    // Late but does not fit (more than the next count).
    const bad = await ingestLineEvents(app, admin, [count('c16', 16, 950, 7)]);
    expect(bad.results[0]?.problems?.[0]?.problem).toMatch(/does not fit/);
    // Beyond the window.
    const tooLate = await ingestLineEvents(app, admin, [count('c0', 5, 100, 0)], {
      lateWindowMs: 10 * 60_000,
    });
    expect(tooLate.results[0]?.problems?.[0]?.problem).toMatch(/arrived too late/);
    const [run] = await runRepository(t.store).list();
    expect(run).toMatchObject({ processed: 900, defective: 9 });
    const stored = await t.store.db.selectFrom('line_events').select('event_id').orderBy('at_ms').execute();
    expect(stored.map((r) => r.event_id)).toEqual(['c1', 'c15', 'c2']);
  });

  it('refuses counts when no order is dispatched, and counts them later from the cumulative counters', async () => {
    const { app, admin } = plant;
    const early = await ingestLineEvents(app, admin, [count('c1', 10, 300, 0)]);
    expect(early.results[0]?.problems?.[0]?.problem).toMatch(/no production order/);
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 100_000 });
    await ingestLineEvents(app, admin, [count('c2', 20, 500, 1)]);
    const [run] = await runRepository(t.store).list();
    expect(run).toMatchObject({ processed: 500, good: 499 });
  });

  it('refuses a device sending for another line and an operator-less role', async () => {
    const { app } = plant;
    const other = await ingestLineEvents(app, lineDevice('L2'), [count('c1', 10, 300, 0)]);
    expect(other.results[0]?.problems?.[0]?.problem).toMatch(/may send only its own/);
    await expect(
      ingestLineEvents(app, { kind: 'user', id: 'x', role: 'auditor', userId: 'u', consigneeId: null }, []),
    ).rejects.toMatchObject({ code: 'forbidden.role' });
  });

  it('records state changes with stop reasons and refuses impossible transitions', async () => {
    const { app, admin } = plant;
    const r = await ingestLineEvents(app, admin, [
      state('s1', 0, 'Execute'),
      state('s2', 5, 'Stopped', { reason: 'breakdown' }),
      state('s3', 6, 'Execute'),
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['accepted', 'accepted', 'refused']);
    const status = await t.store.db
      .selectFrom('line_status')
      .selectAll()
      .where('line_id', '=', 'L1')
      .executeTakeFirstOrThrow();
    expect(status).toMatchObject({ state: 'Stopped', reason: 'breakdown' });
  });
});
