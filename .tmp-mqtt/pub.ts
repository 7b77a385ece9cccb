import mqtt from 'mqtt';
import { connectLinePublisher } from '../src/ingest/mqtt/line-publisher.ts';
const line = connectLinePublisher({ plant: 'smoke-4576', lineId: 'L2', birth: Date.now(), at: new Date().toISOString(), metadata: { name: 'Line 2' }, connect: (o) => mqtt.connect('mqtt://127.0.0.1:1883', o) });
await line.born;
await line.state({ at: new Date().toISOString(), state: 'Bogus' });
await line.end(true);
const raw = await mqtt.connectAsync('mqtt://127.0.0.1:1883');
await raw.publishAsync('headstamp/v1/smoke-4576/L2/count', '{"birth":1,"seq":1,"at":"x","processed":-1}', { qos: 1 });
await raw.endAsync();
