import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { orderOnLine } from '../../../test/support/orders.ts';
import { PLANT_START, setUpTestPlant } from '../../../test/support/plant.ts';
import { ingestLineEvents } from '../../app/production/ingest.ts';
import { lineDevice } from '../../app/actor.ts';
import { migrateToLatest, migratorOf } from '../migrate.ts';
import { lineEventRow, withReceipts } from '../repositories/line-data.ts';

const BEFORE = '2026-12-06T0030-list-read-indexes';

describe('migration 2026-12-06T0900-line-event-receipts', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  const stored = async () =>
    (
      await withReceipts(t.store.db).orderBy('e.line_id').orderBy('e.at_ms').orderBy('e.event_id').execute()
    ).map(lineEventRow);

  it('copies every event both ways: times to the millisecond, sender and arrival from each receipt', async () => {
    const { app, admin } = await setUpTestPlant(t.store);
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 2500 });
    const at = (ms: number) => new Date(PLANT_START.getTime() + ms).toISOString();
    await ingestLineEvents(app, admin, [
      { eventId: 's1', kind: 'state', lineId: 'L1', at: at(0), state: 'Execute' },
      { eventId: 'c1', kind: 'count', lineId: 'L1', at: at(999), processed: 10, defective: 1 },
    ]);
    app.clock.advance(60_000);
    await ingestLineEvents(app, lineDevice('L1'), [
      { eventId: 'c2', kind: 'count', lineId: 'L1', at: at(59_001), processed: 30, defective: 1 },
      { eventId: 'h1', kind: 'state', lineId: 'L1', at: at(59_500), state: 'Held', reason: 'starved' },
    ]);
    const before = await stored();
    expect(before.map((e) => [e.eventId, e.at, e.actor])).toEqual([
      ['s1', '2027-01-04T03:00:00.000Z', 'user:admin'],
      ['c1', '2027-01-04T03:00:00.999Z', 'user:admin'],
      ['c2', '2027-01-04T03:00:59.001Z', 'device:L1'],
      ['h1', '2027-01-04T03:00:59.500Z', 'device:L1'],
    ]);
    expect(
      await t.store.db.selectFrom('line_event_receipts').select(['actor', 'events']).orderBy('id').execute(),
    ).toEqual([
      { actor: 'user:admin', events: 2 },
      { actor: 'device:L1', events: 2 },
    ]);

    // Back to the old layout: ISO text times, sender and arrival on every row.
    const down = await migratorOf(t.store).migrateTo(BEFORE);
    expect(down.error).toBeUndefined();
    const { rows: old } = await sql<{ event_id: string; at: string; received_at: string; actor: string }>`
      select event_id, at, received_at, actor from line_events order by at`.execute(t.store.db);
    expect(old.map((r) => [r.event_id, r.at, r.received_at, r.actor])).toEqual(
      before.map((e) => [e.eventId, e.at, e.receivedAt, e.actor]),
    );

    // And forward again: the same events, one receipt per (arrival, sender).
    expect(await migrateToLatest(t.store)).toEqual(['2026-12-06T0900-line-event-receipts']);
    expect(await stored()).toEqual(before);
    expect(await t.store.db.selectFrom('line_event_receipts').select('events').execute()).toHaveLength(2);
  });
});
