import type { IClientOptions, IPublishPacket, MqttClient } from 'mqtt';
import { lineDevice } from '../../app/actor.ts';
import type { AppContext } from '../../app/context.ts';
import {
  linePresence,
  markLineOnline,
  markLineSilent,
  recordLineBirth,
  recordLineDeath,
  type SilentReason,
} from '../../app/ingest/presence.ts';
import { ingestLineEvents, type IngestOptions } from '../../app/production/ingest.ts';
import { HeadstampError } from '../../domain/errors.ts';
import { decodeLineMessage, type LineMessage, type PayloadProblem } from './payloads.ts';
import { plantFilter } from './topics.ts';

/** What the subscriber has done since it started. */
export interface IngestStats {
  /** Messages handled (acknowledged), redeliveries included. */
  received: number;
  /** Line events recorded. */
  accepted: number;
  /** Line events already in the records (a redelivery, or the line sending again). */
  duplicates: number;
  /** Messages refused: bad topic, payload or event. */
  refused: number;
  births: number;
  deaths: number;
  /** Lines marked silent for saying nothing for too long. */
  timeouts: number;
  /** Messages missing between two sequence numbers of one birth. */
  gaps: number;
  /** Attempts repeated after the records were unavailable. */
  retries: number;
}

export interface LineDataSubscriberOptions {
  readonly app: AppContext;
  /** The plant id in the topics (`headstamp/v1/<plant>/...`). */
  readonly plant: string;
  /** Makes the MQTT client (embedded broker, or `mqtt.connect(url, options)`). */
  readonly connect: (options: IClientOptions) => MqttClient;
  /** The session's client id: fixed, so the broker keeps the session between runs. */
  readonly clientId?: string;
  /** A line on line that says nothing for this long is marked silent (default 5 min; 0: never). */
  readonly silentAfterMs?: number;
  /** Where refusals and notes go (default stderr). */
  readonly log?: (message: string) => void;
  readonly ingest?: IngestOptions;
}

export interface LineDataSubscriber {
  readonly client: MqttClient;
  /** Resolves once subscribed for the first time. */
  readonly ready: Promise<void>;
  stats(): Readonly<IngestStats>;
  /** The last refusals (at most 100), oldest first. */
  refusals(): readonly PayloadProblem[];
  /** Marks silent the lines that said nothing for too long (runs on a timer as well). */
  checkSilence(): Promise<void>;
  /** Stops taking messages; a message being recorded is finished and acknowledged first. */
  stop(): Promise<void>;
}

const DEFAULT_SILENT_AFTER = 5 * 60_000;
const KEPT_REFUSALS = 100;

/**
 * Takes line data from MQTT into the records, at least once and idempotently. It subscribes to
 * the plant's line topics at QoS 1 in a persistent session (clean: false, fixed client id) and
 * acknowledges each message only once its events are committed: a crash before that makes the
 * broker deliver the message again, and the ingest use case, keyed by event id, counts it once.
 * Messages are handled one at a time, in arrival order. A refused message is logged and counted
 * with its topic, field and problem, then acknowledged (sending it again would not mend it); if
 * the records are unavailable the message is retried until they come back or the subscriber stops.
 *
 * @example
 * const subscriber = startLineDataSubscriber({
 *   app, plant: 'minsk-1', connect: (o) => mqtt.connect('mqtt://127.0.0.1:1883', o),
 * });
 * await subscriber.ready;
 * // ...
 * await subscriber.stop();
 */
export function startLineDataSubscriber(options: LineDataSubscriberOptions): LineDataSubscriber {
  const { app, plant } = options;
  const log = options.log ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const silentAfter = options.silentAfterMs ?? DEFAULT_SILENT_AFTER;
  const filter = plantFilter(plant);
  const stats: IngestStats = {
    received: 0,
    accepted: 0,
    duplicates: 0,
    refused: 0,
    births: 0,
    deaths: 0,
    timeouts: 0,
    gaps: 0,
    retries: 0,
  };
  const refusals: PayloadProblem[] = [];
  /** Per line: current birth, whether on line (and if not, why), when last heard (plant clock, ms), last seq. */
  const lines = new Map<
    string,
    { birth: number; online: boolean; silentBy: SilentReason | null; heard: number; seq: number | null }
  >();
  let stopping = false;
  let current: Promise<void> = Promise.resolve();

  const refuse = (problems: readonly PayloadProblem[]): void => {
    stats.refused += 1;
    for (const p of problems) {
      log(`headstamp mqtt: refused ${p.topic}: ${p.field === '' ? '(message)' : p.field}: ${p.problem}`);
      refusals.push(p);
      if (refusals.length > KEPT_REFUSALS) refusals.shift();
    }
  };

  // Where each line stood when we started; loaded before the first message, again if it failed.
  let presence: Promise<void> | null = null;
  const presenceLoaded = (): Promise<void> =>
    (presence ??= linePresence(app).then(
      (known) => {
        const now = app.clock.now().getTime();
        // Lines on line when we start get a full silence period from now.
        for (const p of known)
          lines.set(p.lineId, {
            birth: p.birth,
            online: p.online,
            silentBy: p.silentReason,
            heard: now,
            seq: null,
          });
      },
      (error: unknown) => {
        presence = null;
        throw error;
      },
    ));

  const handle = async (topic: string, message: LineMessage): Promise<void> => {
    const device = lineDevice(message.lineId);
    const now = app.clock.now().getTime();
    const line = lines.get(message.lineId);
    switch (message.kind) {
      case 'birth': {
        const { birth, seq, at, metadata } = message.payload;
        const outcome = await recordLineBirth(app, device, {
          lineId: message.lineId,
          birth,
          seq,
          at,
          ...(metadata !== undefined ? { metadata } : {}),
        });
        if (outcome === 'unknown-line') {
          refuse([{ topic, field: '', problem: `no line ${message.lineId} in the plant's records` }]);
          return;
        }
        stats.births += 1;
        if (outcome === 'recorded')
          lines.set(message.lineId, { birth, online: true, silentBy: null, heard: now, seq });
        return;
      }
      case 'death': {
        const outcome = await recordLineDeath(app, device, {
          lineId: message.lineId,
          birth: message.payload.birth,
        });
        if (outcome === 'unknown-line') {
          refuse([{ topic, field: '', problem: `no line ${message.lineId} in the plant's records` }]);
          return;
        }
        stats.deaths += 1;
        if (outcome === 'recorded') {
          const { birth } = message.payload;
          lines.set(message.lineId, {
            birth,
            online: false,
            silentBy: 'death',
            heard: now,
            seq: line?.birth === birth ? line.seq : null,
          });
        }
        if (outcome === 'stale') {
          log(
            `headstamp mqtt: ${message.lineId}'s death for birth ${message.payload.birth} changes nothing (${line === undefined ? 'no birth recorded' : `birth ${line.birth}, ${line.online ? 'on line' : 'already silent'}`})`,
          );
        }
        return;
      }
      case 'data': {
        const result = await ingestLineEvents(app, device, [message.event], options.ingest);
        stats.accepted += result.accepted;
        stats.duplicates += result.duplicates;
        const problems = result.results.flatMap((r) =>
          (r.problems ?? []).map((p) => ({ topic, field: p.path, problem: p.problem })),
        );
        if (result.refused > 0) refuse(problems);
        if (result.duplicates > 0)
          log(`headstamp mqtt: ${message.event.eventId} already recorded (sent again)`);
        if (line === undefined) return;
        if (line.birth === message.birth && line.seq !== null && message.seq > line.seq + 1) {
          stats.gaps += message.seq - line.seq - 1;
          log(
            `headstamp mqtt: ${message.lineId} skipped from seq ${line.seq} to ${message.seq} (birth ${message.birth})`,
          );
        }
        if (line.birth === message.birth && (line.seq === null || message.seq > line.seq))
          line.seq = message.seq;
        line.heard = Math.max(line.heard, now);
        // A line silent by timeout is back when it speaks; one whose death arrived waits for its
        // next birth (a message of the dead birth may still be on its way).
        if (!line.online && line.silentBy === 'timeout' && line.birth === message.birth) {
          await markLineOnline(app, device, message.lineId);
          line.online = true;
          line.silentBy = null;
        }
        return;
      }
    }
  };

  /** Handles one message to the end; retries while the records are unavailable. */
  const take = async (packet: IPublishPacket): Promise<boolean> => {
    const decoded = decodeLineMessage(packet.topic, packet.payload);
    if (!decoded.ok) {
      refuse(decoded.problems);
      return true;
    }
    if (decoded.message.plant !== plant) return true;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await presenceLoaded();
        await handle(packet.topic, decoded.message);
        return true;
      } catch (error) {
        if (error instanceof HeadstampError && error.kind !== 'unavailable') {
          refuse([{ topic: packet.topic, field: '', problem: error.message }]);
          return true;
        }
        if (stopping) return false;
        stats.retries += 1;
        const wait = Math.min(5000, 100 * 2 ** Math.min(attempt, 6));
        log(
          `headstamp mqtt: could not record ${packet.topic} (${error instanceof Error ? error.message : String(error)}); retrying in ${wait} ms`,
        );
        await new Promise((done) => setTimeout(done, wait));
      }
    }
  };

  const client = options.connect({
    clientId: options.clientId ?? `headstamp-ingest-${plant}`,
    clean: false,
    protocolVersion: 4,
    reconnectPeriod: 1000,
  });
  // mqtt.js sends the PUBACK when this callback is called, and hands over the next message only
  // then: the acknowledgement follows the commit.
  client.handleMessage = (packet, done) => {
    const work = take(packet).then(
      (finished) => {
        if (finished) {
          stats.received += 1;
          done();
        }
      },
      (error: unknown) => log(`headstamp mqtt: ${error instanceof Error ? error.message : String(error)}`),
    );
    current = work;
  };

  const ready = new Promise<void>((resolve, reject) => {
    const onConnect = (): void => {
      client.subscribe(filter, { qos: 1 }, (error) => {
        if (error !== null && error !== undefined) {
          log(`headstamp mqtt: could not subscribe to ${filter}: ${error.message}`);
          reject(error);
          return;
        }
        resolve();
      });
    };
    client.on('connect', onConnect);
  });
  ready.catch(() => undefined);
  client.on('error', (error) => log(`headstamp mqtt: ${error.message}`));

  const checkSilence = async (): Promise<void> => {
    if (silentAfter <= 0) return;
    await presenceLoaded();
    const now = app.clock.now().getTime();
    for (const [lineId, line] of lines) {
      if (!line.online || now - line.heard < silentAfter) continue;
      const outcome = await markLineSilent(app, lineDevice(lineId), { lineId, birth: line.birth });
      line.online = false;
      line.silentBy = 'timeout';
      if (outcome === 'recorded') {
        stats.timeouts += 1;
        log(`headstamp mqtt: ${lineId} silent for ${Math.round((now - line.heard) / 1000)} s: marked silent`);
      }
    }
  };
  let checking = false;
  const timer =
    silentAfter > 0
      ? setInterval(
          () => {
            if (checking || stopping) return;
            checking = true;
            checkSilence()
              .catch((error: unknown) =>
                log(
                  `headstamp mqtt: silence check failed: ${error instanceof Error ? error.message : String(error)}`,
                ),
              )
              .finally(() => {
                checking = false;
              });
          },
          Math.max(1000, Math.min(15_000, silentAfter / 4)),
        )
      : undefined;
  timer?.unref();

  return {
    client,
    ready,
    stats: () => ({ ...stats }),
    refusals: () => [...refusals],
    checkSilence,
    async stop(): Promise<void> {
      stopping = true;
      if (timer !== undefined) clearInterval(timer);
      await current;
      await client.endAsync();
    },
  };
}
