import { randomUUID } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { orderOnLine } from '../../../test/support/orders.ts';
import { PLANT_START, setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import { linePresence } from '../../app/ingest/presence.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.ts';
import { connectLinePublisher, type LinePublisher } from './line-publisher.ts';
import { startLineDataSubscriber, type LineDataSubscriber } from './subscriber.ts';
import { lineTopic } from './topics.ts';

const MOSQUITTO = 'mqtt://127.0.0.1:1883';
const at = (minutes: number): string => new Date(PLANT_START.getTime() + minutes * 60_000).toISOString();

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Broker {
  readonly name: string;
  connect(options: IClientOptions): MqttClient;
}

let embedded: EmbeddedBroker;
const brokers: Broker[] = [
  { name: 'embedded aedes', connect: (o) => embedded.client(o) },
  { name: 'Mosquitto at 127.0.0.1:1883', connect: (o) => mqtt.connect(MOSQUITTO, o) },
];

describe.each(brokers)('MQTT line-data ingest through $name', (broker) => {
  let t: TestDatabase;
  let plant: TestPlant;
  let plantId: string;
  let subscriber: LineDataSubscriber | undefined;
  let line: LinePublisher | undefined;
  let logged: string[];

  const subscribe = async (): Promise<LineDataSubscriber> => {
    subscriber = startLineDataSubscriber({
      app: plant.app,
      plant: plantId,
      connect: (o) => broker.connect(o),
      clientId: `ingest-${plantId}`,
      log: (m) => void logged.push(m),
    });
    await subscriber.ready;
    return subscriber;
  };
  const publisher = async (birth: number): Promise<LinePublisher> => {
    line = connectLinePublisher({
      plant: plantId,
      lineId: 'L1',
      birth,
      at: at(0),
      metadata: { name: 'Line 1', ratedRatePerMin: 100 },
      connect: (o) => broker.connect(o),
      clientId: `line-${plantId}-${birth}`,
    });
    await line.born;
    return line;
  };
  const events = () =>
    t.store.db.selectFrom('line_events').select(['event_id', 'kind', 'processed']).orderBy('at_ms').execute();

  beforeAll(async () => {
    embedded = await startEmbeddedBroker({ port: null });
    t = await openTestDatabase();
  });
  afterAll(async () => {
    await t.close();
    await embedded.close();
  });
  beforeEach(async () => {
    await t.reset();
    plant = await setUpTestPlant(t.store);
    plant.app.clock.advance(60 * 60_000);
    plantId = `p-${randomUUID().slice(0, 8)}`;
    logged = [];
  });
  afterEach(async () => {
    await line?.end(true);
    await subscriber?.stop();
    // Leave no session behind on the shared broker.
    const cleaner = broker.connect({ clientId: `ingest-${plantId}`, clean: true, protocolVersion: 4 });
    await new Promise<void>((done) => cleaner.once('connect', () => done()));
    await cleaner.endAsync();
    line = undefined;
    subscriber = undefined;
  });

  it('records births and events, once each, and names refused payloads without stopping', async () => {
    const { app, admin } = plant;
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 100_000 });
    const sub = await subscribe();
    const l1 = await publisher(1000);
    await l1.state({ at: at(1), state: 'Execute' });
    await l1.count({ at: at(2), processed: 500, defective: 2 });
    // Malformed, then valid JSON that the line's records refuse (counters going backwards).
    const raw = broker.connect({ clientId: `raw-${plantId}`, protocolVersion: 4 });
    const countTopic = lineTopic(plantId, 'L1', 'count');
    await raw.publishAsync(countTopic, '{"birth":1000,"seq":"x"', { qos: 1 });
    await raw.publishAsync(
      countTopic,
      JSON.stringify({ birth: 1000, seq: 9, at: at(3), processed: 10, defective: 0 }),
      {
        qos: 1,
      },
    );
    // The same message twice, as a redelivery would bring it.
    const again = JSON.stringify({ birth: 1000, seq: 3, at: at(4), processed: 900, defective: 3 });
    await raw.publishAsync(countTopic, again, { qos: 1 });
    await raw.publishAsync(countTopic, again, { qos: 1 });
    await raw.endAsync();
    await until('seven messages', () => sub.stats().received >= 7);

    expect(sub.stats()).toMatchObject({ births: 1, accepted: 3, duplicates: 1, refused: 2 });
    expect(
      (await events()).map((e) => [e.event_id, e.kind, e.processed === null ? null : Number(e.processed)]),
    ).toEqual([
      [`mqtt:${plantId}:L1:1000:1`, 'state', null],
      [`mqtt:${plantId}:L1:1000:2`, 'count', 500],
      [`mqtt:${plantId}:L1:1000:3`, 'count', 900],
    ]);
    expect(sub.refusals().map((p) => [p.topic, p.field])).toEqual([
      [countTopic, ''],
      [countTopic, 'processed'],
      [countTopic, 'defective'],
    ]);
    expect(logged.filter((m) => m.includes('refused'))[1]).toMatch(
      new RegExp(`refused ${countTopic}: processed: went backwards from 500 to 10`),
    );
    const [presence] = await linePresence(app);
    expect(presence).toMatchObject({ lineId: 'L1', online: true, birth: 1000, seqBase: 0 });
    expect(presence?.metadata).toEqual({ name: 'Line 1', ratedRatePerMin: 100 });
  });

  it('keeps the session: messages sent while the subscriber is away arrive when it is back', async () => {
    const { app, admin } = plant;
    await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 100_000 });
    await (await subscribe()).stop();
    const l1 = await publisher(2000);
    for (let i = 1; i <= 5; i += 1) await l1.count({ at: at(i), processed: i * 100, defective: 0 });
    const sub = await subscribe();
    await until('birth and five counts', () => sub.stats().received >= 6);
    expect(sub.stats()).toMatchObject({ births: 1, accepted: 5, refused: 0 });
    expect((await events()).map((e) => Number(e.processed))).toEqual([100, 200, 300, 400, 500]);
  });

  it('marks a line silent on its death (the last will) and ignores the death of an older birth', async () => {
    const sub = await subscribe();
    const first = await publisher(3000);
    await first.end(true);
    await until('the death', () => sub.stats().deaths >= 1);
    expect((await linePresence(plant.app))[0]).toMatchObject({
      online: false,
      silentReason: 'death',
      birth: 3000,
    });

    const second = await publisher(3001);
    await until('the second birth', () => sub.stats().births >= 2);
    const stale = broker.connect({ clientId: `raw-${plantId}`, protocolVersion: 4 });
    await stale.publishAsync(lineTopic(plantId, 'L1', 'death'), '{"birth":3000}', { qos: 1 });
    await stale.endAsync();
    await until('the stale death', () => sub.stats().deaths >= 2);
    expect((await linePresence(plant.app))[0]).toMatchObject({
      online: true,
      birth: 3001,
      silentReason: null,
    });
    await second.end();
  });

  it('marks a line silent when it says nothing for too long, and on line when it speaks again', async () => {
    const sub = await subscribe();
    const l1 = await publisher(4000);
    await until('the birth', () => sub.stats().births >= 1);
    plant.app.clock.advance(10 * 60_000);
    await sub.checkSilence();
    expect(sub.stats().timeouts).toBe(1);
    expect((await linePresence(plant.app))[0]).toMatchObject({ online: false, silentReason: 'timeout' });
    await l1.state({ at: at(70), state: 'Execute' });
    await until('the state', () => sub.stats().received >= 2);
    expect((await linePresence(plant.app))[0]).toMatchObject({ online: true, silentAt: null });
  });
});

describe('the embedded broker', () => {
  it('serves TCP clients on a free port', async () => {
    const broker = await startEmbeddedBroker({ port: 0 });
    try {
      expect(broker.port).toBeGreaterThan(0);
      const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
        clientId: `tcp-${randomUUID()}`,
      });
      await client.endAsync();
    } finally {
      await broker.close();
    }
  });

  it('says so and runs in process only when the port is taken', async () => {
    const notes: string[] = [];
    const broker = await startEmbeddedBroker({ port: 1883, warn: (m) => void notes.push(m) });
    try {
      expect(broker.port).toBeNull();
      expect(notes.join('\n')).toMatch(/MQTT port 1883 is already in use .* runs in process only/);
      const client = broker.client({ clientId: `inproc-${randomUUID()}` });
      await new Promise<void>((done) => client.once('connect', () => done()));
      await client.endAsync();
    } finally {
      await broker.close();
    }
  });
});
