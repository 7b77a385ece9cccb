// A line publishing counts at QoS 1, in a process of its own. Publishes one count every
// INTERVAL_MS until its stdin closes, then waits for every acknowledgement and prints
// `{"acked":[eventId,...],"unacked":n,"processed":n}`: the event ids of the messages the
// broker accepted (PUBACK received).
// Usage: node --import tsx test/crash/publisher.ts BROKER_URL PLANT LINE INTERVAL_MS
import mqtt from 'mqtt';
import { connectLinePublisher } from '../../src/ingest/mqtt/line-publisher.ts';
import { derivedEventId } from '../../src/ingest/mqtt/payloads.ts';

const [url, plant, lineId, interval] = process.argv.slice(2);
if (url === undefined || plant === undefined || lineId === undefined || interval === undefined) {
  throw new Error('usage: publisher.ts BROKER_URL PLANT LINE INTERVAL_MS');
}
const line = connectLinePublisher({
  plant,
  lineId,
  birth: Date.now(),
  at: new Date().toISOString(),
  clientId: `crash-line-${plant}-${lineId}`,
  connect: (options) => mqtt.connect(url, options),
});
await line.born;
const acked: string[] = [];
const pending: Promise<void>[] = [];
let unacked = 0;
let processed = 0;
let open = true;
process.stdin.on('end', () => {
  open = false;
});
process.stdin.resume();
while (open) {
  processed += 10;
  // The birth the message goes out under (a reconnection starts a new one).
  const birth = line.birth();
  pending.push(
    line.count({ at: new Date().toISOString(), processed, defective: 0 }).then(
      (seq) => void acked.push(derivedEventId(plant, lineId, birth, seq)),
      () => void (unacked += 1),
    ),
  );
  await new Promise((done) => setTimeout(done, Number(interval)));
}
await Promise.all(pending);
await line.end();
process.stdout.write(`${JSON.stringify({ acked, unacked, processed })}\n`);
