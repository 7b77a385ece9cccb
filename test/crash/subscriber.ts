// The subscriber under test, in a process of its own so that it can be killed: the MQTT ingest
// on a SQLite file. Prints `ready` once subscribed; stops cleanly on SIGTERM.
// Usage: node --import tsx test/crash/subscriber.ts DB_FILE BROKER_URL PLANT CLIENT_ID
import mqtt from 'mqtt';
import { plantClock } from '../../src/app/clock.ts';
import { randomIds } from '../../src/app/runtime.ts';
import { startLineDataSubscriber } from '../../src/ingest/mqtt/subscriber.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';

const [file, url, plant, clientId] = process.argv.slice(2);
if (file === undefined || url === undefined || plant === undefined || clientId === undefined) {
  throw new Error('usage: subscriber.ts DB_FILE BROKER_URL PLANT CLIENT_ID');
}
const store = openSqlite(file);
const app = { store, clock: await plantClock(store), ids: randomIds };
const subscriber = startLineDataSubscriber({
  app,
  plant,
  clientId,
  connect: (options) => mqtt.connect(url, options),
  silentAfterMs: 0,
  log: (message) => void process.stderr.write(`${message}\n`),
});
await subscriber.ready;
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void subscriber
    .stop()
    .then(() => store.close())
    .then(() => {
      process.stdout.write(`${JSON.stringify(subscriber.stats())}\n`);
    });
});
