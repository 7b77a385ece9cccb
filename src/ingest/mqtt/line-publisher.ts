import type { IClientOptions, MqttClient } from 'mqtt';
import type { BirthPayload, CountPayload, StatePayload, StopPayload } from './payloads.ts';
import { lineTopic } from './topics.ts';

type Sequenced = 'birth' | 'seq';
export type StateFields = Omit<StatePayload, Sequenced>;
export type CountFields = Omit<CountPayload, Sequenced>;
export type StopFields = Omit<StopPayload, Sequenced>;

export interface LinePublisherOptions {
  readonly plant: string;
  readonly lineId: string;
  /** Makes the MQTT client (embedded broker, or `mqtt.connect(url, options)`). */
  readonly connect: (options: IClientOptions) => MqttClient;
  /**
   * The first connection's birth epoch; each reconnection adds one. Must grow with every
   * (re)start of the line's publisher, so that its messages' ids never repeat an earlier
   * birth's: milliseconds since 1970 at start do.
   */
  readonly birth: number;
  /** Where the sequence starts (default 0): the birth carries it, the first message is base + 1. */
  readonly seqBase?: number;
  readonly metadata?: BirthPayload['metadata'];
  /** When the line was born (ISO 8601), for the first birth message (later ones: the wall clock). */
  readonly at: string;
  readonly clientId?: string;
}

export interface LinePublisher {
  readonly client: MqttClient;
  /** Resolves once the birth is acknowledged by the broker. */
  readonly born: Promise<void>;
  /** Publishes at QoS 1; resolves with the message's seq once the broker acknowledged it (PUBACK). */
  state(fields: StateFields): Promise<number>;
  count(fields: CountFields): Promise<number>;
  stop(fields: StopFields): Promise<number>;
  /** The seq the next message will carry. */
  nextSeq(): number;
  /** The current birth epoch. */
  birth(): number;
  /**
   * Disconnects cleanly (the broker drops the last will: no death), or with `force` drops the
   * link as a crash would, and the broker publishes the death.
   */
  end(force?: boolean): Promise<void>;
}

/**
 * A line talking MQTT the way the ingest expects: its death message set as the connection's last
 * will, a birth on connecting (epoch, sequence base, metadata), then state, count and stop
 * messages with a sequence number growing by one. The digital twin and the tests publish through
 * it; a real line's gateway does the same in its own language.
 *
 * @example
 * const line = connectLinePublisher({
 *   plant: 'minsk-1', lineId: 'L1', birth: Date.now(), at: new Date().toISOString(),
 *   connect: (o) => mqtt.connect('mqtt://127.0.0.1:1883', o),
 * });
 * await line.born;
 * await line.count({ at: new Date().toISOString(), processed: 1200, defective: 3 });
 */
export function connectLinePublisher(options: LinePublisherOptions): LinePublisher {
  const { plant, lineId } = options;
  let birth = options.birth;
  const base = options.seqBase ?? 0;
  let seq = base;
  const client = options.connect({
    clientId: options.clientId ?? `headstamp-line-${plant}-${lineId}`,
    clean: true,
    protocolVersion: 4,
    reconnectPeriod: 1000,
    will: {
      topic: lineTopic(plant, lineId, 'death'),
      payload: Buffer.from(JSON.stringify({ birth })),
      qos: 1,
      retain: false,
    },
  });
  const birthPayload = (): BirthPayload => ({
    birth,
    seq: seq,
    at: connections === 1 ? options.at : new Date().toISOString(),
    ...(options.metadata !== undefined ? { metadata: options.metadata } : {}),
  });
  // Each connection is a birth of its own (as Sparkplug's bdSeq): after a lost link the broker
  // publishes the old birth's death, and the next connection's birth must not be taken for it.
  let connections = 0;
  client.on('close', () => {
    if (connections === 0) return;
    birth += 1;
    if (client.options.will !== undefined)
      client.options.will.payload = Buffer.from(JSON.stringify({ birth }));
  });
  // A birth on every connection, reconnections included: the subscriber learns the line is back.
  const born = new Promise<void>((resolve, reject) => {
    client.on('connect', () => {
      connections += 1;
      const sent = client
        .publishAsync(lineTopic(plant, lineId, 'birth'), JSON.stringify(birthPayload()), { qos: 1 })
        .then(() => undefined);
      sent.then(resolve, reject);
    });
  });
  born.catch(() => undefined);

  const send = async (kind: 'state' | 'count' | 'stop', fields: object): Promise<number> => {
    seq += 1;
    const mine = seq;
    await client.publishAsync(
      lineTopic(plant, lineId, kind),
      JSON.stringify({ ...fields, birth, seq: mine }),
      {
        qos: 1,
      },
    );
    return mine;
  };

  return {
    client,
    born,
    state: (fields) => send('state', fields),
    count: (fields) => send('count', fields),
    stop: (fields) => send('stop', fields),
    nextSeq: () => seq + 1,
    birth: () => birth,
    async end(force = false): Promise<void> {
      await client.endAsync(force);
    },
  };
}
