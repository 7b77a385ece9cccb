import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { orderOnLine } from '../../../test/support/orders.ts';
import { PLANT_START, setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import type { Store } from '../../store/database.ts';
import { withReceipts } from '../../store/repositories/line-data.ts';
import { ingestLineEvents, type EventStatus } from './ingest.ts';

// Batches and their boundaries: whatever way a stream is cut into batches, the records come out
// the same; a batch mixing every kind of outcome is handled event by event.

const at = (seconds: number): string => new Date(PLANT_START.getTime() + seconds * 1000).toISOString();
const count = (id: string, seconds: number, processed: number, defective: number, lineId = 'L1') => ({
  eventId: id,
  kind: 'count',
  lineId,
  at: at(seconds),
  processed,
  defective,
});
const state = (id: string, seconds: number, s: string, extra: object = {}, lineId = 'L1') => ({
  eventId: id,
  kind: 'state',
  lineId,
  at: at(seconds),
  state: s,
  ...extra,
});

/** Everything ingest writes, without the generated ids, in a stable order. */
async function records(store: Store) {
  // With each event's receipt (who sent it, when it arrived), not the receipt's generated id.
  const events = await withReceipts(store.db)
    .orderBy('e.line_id')
    .orderBy('e.at_ms')
    .orderBy('e.event_id')
    .execute();
  const runs = await store.db
    .selectFrom('production_runs')
    .select(['line_id', 'product_id', 'started_at', 'ended_at', 'processed', 'good', 'defective', 'lotted'])
    .orderBy('line_id')
    .orderBy('started_at')
    .execute();
  const lots = await store.db
    .selectFrom('lots')
    .select(['lot_number', 'quantity'])
    .orderBy('lot_number')
    .execute();
  const status = await store.db.selectFrom('line_status').selectAll().orderBy('line_id').execute();
  const ledger = await store.db.selectFrom('ledger_events').select(['biz_step']).execute();
  // PostgreSQL gives bigint columns as text: numbers on both backends.
  const whole = new Set(['processed', 'defective', 'good', 'lotted', 'quantity']);
  const numbers = (rows: readonly object[]): Record<string, unknown>[] =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]: [string, unknown]) => [k, whole.has(k) && v !== null ? Number(v) : v]),
      ),
    );
  return {
    events: numbers(events),
    runs: numbers(runs),
    lots: numbers(lots),
    status: numbers(status),
    ledger: ledger.length,
  };
}

describe('line-event ingest across batches', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  async function freshPlant(): Promise<TestPlant> {
    await t.reset();
    const plant = await setUpTestPlant(t.store);
    plant.app.clock.advance(60 * 60_000);
    await orderOnLine(plant.app, plant.admin, { lineId: 'L1', productId: 'ball-ps', quantity: 5000 });
    await orderOnLine(plant.app, plant.admin, { lineId: 'L2', productId: 'ball-ps', quantity: 5000 });
    return plant;
  }

  it('handles a batch mixing late, duplicate, refused and good events event by event, as one at a time would', async () => {
    const first = [state('s0', 0, 'Execute'), count('c10', 10, 500, 5), count('c20', 20, 900, 9)];
    const mixed = [
      count('c20', 20, 900, 9), // sent again
      count('c15', 15, 700, 7), // late, fits between 500 and 900
      count('c16', 16, 650, 7), // late, but behind the late c15 of this same batch
      count('c17', 17, 800, 8), // late, fits after c15
      state('h12', 12, 'Held', { reason: 'starved' }), // late state, Execute → Held
      { ...count('bad', 25, 1000, 9), processed: -1 }, // malformed
      count('c30', 30, 1200, 12), // in order
      count('c30', 30, 1200, 12), // the same again in the batch
      count('x1', 31, 10, 0, 'L9'), // no such line
      count('c40', 40, 1100, 12), // backwards
      count('c50', 50, 1300, 13),
    ];
    const plant = await freshPlant();
    await ingestLineEvents(plant.app, plant.admin, first);
    const together = await ingestLineEvents(plant.app, plant.admin, mixed);
    const expected: EventStatus[] = [
      'duplicate',
      'accepted',
      'refused',
      'accepted',
      'accepted',
      'refused',
      'accepted',
      'duplicate',
      'refused',
      'refused',
      'accepted',
    ];
    expect(together.results.map((r) => r.status)).toEqual(expected);
    expect(together.results.map((r) => r.problems?.map((p) => p.path))).toEqual([
      undefined,
      undefined,
      ['processed'],
      undefined,
      undefined,
      ['processed'],
      undefined,
      undefined,
      ['lineId'],
      ['processed'],
      undefined,
    ]);
    expect(together.results[2]?.problems?.[0]?.problem).toMatch(/went backwards from 700 to 650/);
    expect(together.results[9]?.problems?.[0]?.problem).toMatch(/went backwards from 1200 to 1100/);
    const once = await records(t.store);
    expect(once.events.map((e) => e['event_id'])).toEqual([
      's0',
      'c10',
      'h12',
      'c15',
      'c17',
      'c20',
      'c30',
      'c50',
    ]);
    expect(once.runs).toMatchObject([
      { line_id: 'L1', processed: 1300, defective: 13, good: 1287, lotted: 1000 },
    ]);

    // The same events one batch each: the same outcomes and the same records.
    const plant2 = await freshPlant();
    await ingestLineEvents(plant2.app, plant2.admin, first);
    const oneByOne: EventStatus[] = [];
    for (const e of mixed) {
      const r = await ingestLineEvents(plant2.app, plant2.admin, [e]);
      oneByOne.push(r.results[0]!.status);
    }
    expect(oneByOne).toEqual(expected);
    expect(await records(t.store)).toEqual(once);
  });

  /**
   * A stream in time order on two lines: good counts, counts going backwards, malformed counts,
   * state changes PackML may refuse, and good counts sent again later (a sender retrying).
   */
  const stream = fc
    .array(
      fc.record({
        line: fc.constantFrom('L1', 'L2'),
        what: fc.constantFrom('count', 'count', 'count', 'backwards', 'malformed', 'state', 'resend'),
        rounds: fc.integer({ min: 0, max: 400 }),
        rejects: fc.integer({ min: 0, max: 3 }),
        state: fc.constantFrom('Execute', 'Held', 'Stopped', 'Idle'),
        pick: fc.nat(),
      }),
      { minLength: 1, maxLength: 60 },
    )
    .map((steps) => {
      const counters = new Map([
        ['L1', { processed: 0, defective: 0 }],
        ['L2', { processed: 0, defective: 0 }],
      ]);
      const goodCounts: ReturnType<typeof count>[] = [];
      const events: object[] = [];
      steps.forEach((s, i) => {
        const c = counters.get(s.line)!;
        const id = `${s.line}-${i}`;
        switch (s.what) {
          case 'count': {
            c.processed += s.rounds;
            c.defective += Math.min(s.rejects, s.rounds);
            const e = count(id, i, c.processed, c.defective, s.line);
            goodCounts.push(e);
            events.push(e);
            break;
          }
          case 'backwards':
            events.push(count(id, i, Math.max(0, c.processed - 1 - s.rounds), 0, s.line));
            break;
          case 'malformed':
            events.push({ ...count(id, i, c.processed, c.defective, s.line), defective: 'none' });
            break;
          case 'state':
            events.push(state(id, i, s.state, {}, s.line));
            break;
          case 'resend': {
            const again = goodCounts[s.pick % Math.max(1, goodCounts.length)];
            if (again !== undefined) events.push({ ...again });
            break;
          }
        }
      });
      return events;
    });

  it('gives the same records however a stream in time order is cut into batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        stream,
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 20 }),
        async (events, sizes) => {
          const whole = await freshPlant();
          await ingestLineEvents(whole.app, whole.admin, events);
          const once = await records(t.store);

          const split = await freshPlant();
          let i = 0;
          for (let k = 0; i < events.length; k++) {
            const size = sizes[k % sizes.length]!;
            await ingestLineEvents(split.app, split.admin, events.slice(i, i + size));
            i += size;
          }
          expect(await records(t.store)).toEqual(once);
        },
      ),
      { numRuns: 15 },
    );
  });
});
