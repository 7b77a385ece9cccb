/**
 * Line-data adapters: MQTT (embedded aedes broker or an external one) into the ingest use case.
 * The HTTP batch ingest lives with the API routes.
 */
export {
  startLineDataIngest,
  startServerLineDataIngest,
  mqttPort,
  type LineDataIngest,
  type LineDataIngestOptions,
} from './mqtt/start.ts';
export { startEmbeddedBroker, DEFAULT_MQTT_PORT, type EmbeddedBroker } from './mqtt/broker.ts';
export { startLineDataSubscriber, type LineDataSubscriber, type IngestStats } from './mqtt/subscriber.ts';
export { connectLinePublisher, type LinePublisher } from './mqtt/line-publisher.ts';
export { decodeLineMessage, derivedEventId, PAYLOAD_SCHEMAS, type PayloadProblem } from './mqtt/payloads.ts';
export { lineTopic, parseLineTopic, plantFilter, TOPIC_ROOT, MESSAGE_KINDS } from './mqtt/topics.ts';
