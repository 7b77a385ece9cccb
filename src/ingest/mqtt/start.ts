import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { AppContext } from '../../app/context.ts';
import { recordedPlantId } from '../../app/ingest/presence.ts';
import { ValidationError } from '../../domain/errors.ts';
import { DEFAULT_MQTT_PORT, startEmbeddedBroker, type EmbeddedBroker } from './broker.ts';
import { startLineDataSubscriber, type LineDataSubscriber } from './subscriber.ts';
import { isTopicLevel } from './topics.ts';

export interface LineDataIngestOptions {
  readonly app: AppContext;
  /** Environment read for HEADSTAMP_MQTT_URL and HEADSTAMP_MQTT_PORT when the options leave them out. */
  readonly env?: NodeJS.ProcessEnv;
  /** An external broker (`mqtt://host:1883`): no embedded broker is started. */
  readonly url?: string;
  /** The embedded broker's TCP port (0: any free one; null: in process only). Default 1883. */
  readonly embeddedPort?: number | null;
  /** The plant level of the topics (default: the plant's id in the records). */
  readonly plant?: string;
  readonly clientId?: string;
  readonly silentAfterMs?: number;
  /** Where notes and refusals go (default stderr). */
  readonly log?: (message: string) => void;
}

export interface LineDataIngest {
  /** The embedded broker, when there is one (no `url`). */
  readonly broker: EmbeddedBroker | null;
  readonly subscriber: LineDataSubscriber;
  readonly plant: string;
  /** Makes a client on the same broker (for the twin's lines, say). */
  readonly connect: (options: IClientOptions) => MqttClient;
  stop(): Promise<void>;
}

/**
 * Line data over MQTT, ready to run beside the HTTP server: with `url` (or HEADSTAMP_MQTT_URL)
 * it subscribes on that broker; otherwise it starts the embedded broker (aedes) on
 * HEADSTAMP_MQTT_PORT (default 1883) — or in process only, saying so, when the port is taken —
 * and subscribes there.
 *
 * @example
 * const ingest = await startLineDataIngest({ app, env: process.env });
 * // ...
 * await ingest.stop();
 */
export async function startLineDataIngest(options: LineDataIngestOptions): Promise<LineDataIngest> {
  const env = options.env ?? {};
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const plant = options.plant ?? (await recordedPlantId(options.app));
  if (plant === undefined || !isTopicLevel(plant)) {
    throw new ValidationError('mqtt.plant', 'no plant id for the MQTT topics', [
      {
        path: 'plant',
        problem:
          plant === undefined
            ? 'is unknown: run headstamp init first'
            : `must be 1 to 40 of A-Z a-z 0-9 . _ -, got ${JSON.stringify(plant)}`,
      },
    ]);
  }
  const url = options.url ?? nonEmpty(env['HEADSTAMP_MQTT_URL']);
  const broker =
    url === undefined
      ? await startEmbeddedBroker({
          port:
            options.embeddedPort === undefined ? mqttPort(env['HEADSTAMP_MQTT_PORT']) : options.embeddedPort,
          warn: log,
        })
      : null;
  const connect = (clientOptions: IClientOptions): MqttClient =>
    broker === null ? mqtt.connect(url ?? '', clientOptions) : broker.client(clientOptions);
  const subscriber = startLineDataSubscriber({
    app: options.app,
    plant,
    connect,
    log,
    ...(options.clientId !== undefined ? { clientId: options.clientId } : {}),
    ...(options.silentAfterMs !== undefined ? { silentAfterMs: options.silentAfterMs } : {}),
  });
  const where =
    broker === null
      ? (url ?? '')
      : broker.port === null
        ? 'the embedded broker (in process only)'
        : `the embedded broker on port ${broker.port}`;
  log(`headstamp mqtt: taking line data for plant ${plant} from ${where}`);
  return {
    broker,
    subscriber,
    plant,
    connect,
    async stop(): Promise<void> {
      await subscriber.stop();
      await broker?.close();
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * The embedded broker's port from HEADSTAMP_MQTT_PORT (default 1883).
 *
 * @example
 * mqttPort('1884'); // 1884
 */
export function mqttPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MQTT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ValidationError(
      'mqtt.port',
      `HEADSTAMP_MQTT_PORT: must be 0 to 65535, got ${JSON.stringify(value)}`,
      [{ path: 'HEADSTAMP_MQTT_PORT', problem: `must be 0 to 65535, got ${JSON.stringify(value)}` }],
    );
  }
  return port;
}

/**
 * For the HTTP server: starts the MQTT ingest unless HEADSTAMP_MQTT is `off` or the records have
 * no plant yet (`headstamp init` comes first), saying which on `log`; null when not started.
 *
 * @example
 * const lineData = await startServerLineDataIngest({ app, env: process.env });
 * // ...
 * await lineData?.stop();
 */
export async function startServerLineDataIngest(
  options: LineDataIngestOptions,
): Promise<LineDataIngest | null> {
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  if ((options.env?.['HEADSTAMP_MQTT'] ?? '').trim().toLowerCase() === 'off') {
    log('headstamp mqtt: off (HEADSTAMP_MQTT=off)');
    return null;
  }
  if (options.plant === undefined && (await recordedPlantId(options.app)) === undefined) {
    log('headstamp mqtt: not started: no plant in the records yet (headstamp init)');
    return null;
  }
  return startLineDataIngest({ ...options, log });
}
