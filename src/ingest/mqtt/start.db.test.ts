import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { PLANT_START, setUpTestPlant } from '../../../test/support/plant.ts';
import { linePresence } from '../../app/ingest/presence.ts';
import { connectLinePublisher } from './line-publisher.ts';
import { startLineDataIngest, startServerLineDataIngest } from './start.ts';

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('startLineDataIngest', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it("takes lines over TCP and in process on the embedded broker, under the plant's own id", async () => {
    const { app } = await setUpTestPlant(t.store);
    const notes: string[] = [];
    const ingest = await startLineDataIngest({
      app,
      embeddedPort: 0,
      silentAfterMs: 0,
      log: (m) => void notes.push(m),
    });
    try {
      expect(ingest.plant).toBe('test-plant');
      expect(notes.at(-1)).toMatch(/plant test-plant from the embedded broker on port \d+/);
      const at = PLANT_START.toISOString();
      const overTcp = connectLinePublisher({
        plant: ingest.plant,
        lineId: 'L1',
        birth: 1,
        at,
        connect: (o) => mqtt.connect(`mqtt://127.0.0.1:${ingest.broker?.port ?? 0}`, o),
      });
      const inProcess = connectLinePublisher({
        plant: ingest.plant,
        lineId: 'L2',
        birth: 1,
        at,
        connect: ingest.connect,
      });
      await Promise.all([overTcp.born, inProcess.born]);
      await until(() => ingest.subscriber.stats().births >= 2);
      expect((await linePresence(app)).map((p) => [p.lineId, p.online])).toEqual([
        ['L1', true],
        ['L2', true],
      ]);
      await Promise.all([overTcp.end(), inProcess.end()]);
    } finally {
      await ingest.stop();
    }
  });

  it('is left off for the server by HEADSTAMP_MQTT=off, and on records with no plant', async () => {
    await t.reset();
    const notes: string[] = [];
    const app = { store: t.store, clock: { now: () => PLANT_START }, ids: { next: (p: string) => p } };
    const log = (m: string): void => void notes.push(m);
    expect(await startServerLineDataIngest({ app, env: { HEADSTAMP_MQTT: 'off' }, log })).toBeNull();
    expect(await startServerLineDataIngest({ app, env: {}, log })).toBeNull();
    expect(notes).toEqual([
      'headstamp mqtt: off (HEADSTAMP_MQTT=off)',
      'headstamp mqtt: not started: no plant in the records yet (headstamp init)',
    ]);
    await expect(startLineDataIngest({ app, log })).rejects.toThrow(/no plant id/);
  });
});
