import { setTimeout as sleep } from 'node:timers/promises';
import { ValidationError } from '../domain/errors.ts';
import { connectLinePublisher, startLineDataIngest, type LinePublisher } from '../ingest/index.ts';
import type { Store } from '../store/database.ts';
import type { TwinLineEvent } from './line.ts';
import type { LineEventSink } from './sink.ts';
import { PlantTwin, type TwinTally } from './twin.ts';

export interface LiveTwinOptions {
  readonly store: Store;
  /** Read for HEADSTAMP_MQTT_URL / HEADSTAMP_MQTT_PORT (the embedded broker's port). */
  readonly env: NodeJS.ProcessEnv;
  readonly admin: string;
  readonly seed?: number;
  /** Simulated seconds per real second (60: a simulated hour a minute). */
  readonly speed: number;
  /** Stop by itself after this many simulated minutes (default: run until stopped). */
  readonly minutes?: number;
  readonly log?: (message: string) => void;
}

export interface RunningTwin {
  readonly twin: PlantTwin;
  /** Settles when the twin stops (after `stop()`, or at the end of `minutes`). */
  readonly done: Promise<TwinTally>;
  /** Stops the lines and the ingest cleanly; the records keep the simulated "now" reached. */
  stop(): Promise<TwinTally>;
}

function publish(line: LinePublisher, e: TwinLineEvent): Promise<number> {
  switch (e.kind) {
    case 'state':
      return line.state({
        at: e.at,
        eventId: e.eventId,
        state: e.state,
        ...(e.reason === undefined ? {} : { reason: e.reason }),
      });
    case 'count':
      return line.count({
        at: e.at,
        eventId: e.eventId,
        processed: e.processed,
        defective: e.defective,
        ...(e.counterReset === undefined ? {} : { counterReset: e.counterReset }),
      });
    case 'stop':
      return line.stop({
        at: e.at,
        eventId: e.eventId,
        reason: e.reason,
        ...(e.endedAt === undefined ? {} : { endedAt: e.endedAt }),
      });
  }
}

/**
 * Starts the twin live: the MQTT line-data ingest (embedded broker, or HEADSTAMP_MQTT_URL)
 * running on the twin's clock, one MQTT publisher per line, and the plant moving `speed`
 * times faster than the wall clock. Every line event goes over MQTT exactly as a real line's
 * would, and each is acknowledged (recorded) before the next. `headstamp serve --twin` runs
 * this beside the HTTP server, in place of the server's own ingest.
 *
 * @example
 * const running = await startTwin({ store: app.store, env: process.env, admin: 'admin', speed: 60 });
 * process.once('SIGINT', () => void running.stop());
 * await running.done;
 */
export async function startTwin(options: LiveTwinOptions): Promise<RunningTwin> {
  if (!(options.speed > 0))
    throw new ValidationError('twin.speed', `speed: must be > 0, got ${options.speed}`, [
      { path: 'speed', problem: `must be > 0, got ${options.speed}` },
    ]);
  const log = options.log ?? ((m: string) => void process.stderr.write(`${m}\n`));
  const publishers = new Map<string, LinePublisher>();
  const sink: LineEventSink = async (_app, lineId, events) => {
    const line = publishers.get(lineId);
    if (line === undefined) return events.length;
    for (const e of events) await publish(line, e);
    return 0;
  };
  const twin = await PlantTwin.open({
    store: options.store,
    admin: options.admin,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    countEveryMinutes: 1,
    // The ingest marks a line silent after 5 simulated minutes without a word.
    heartbeatMinutes: 3,
    sink,
    log,
  });
  const ingest = await startLineDataIngest({ app: twin.context, env: options.env, log });
  try {
    const birth = Date.now();
    for (const line of twin.scenario.lines.filter((l) => l.kind === 'assembly')) {
      const publisher = connectLinePublisher({
        plant: ingest.plant,
        lineId: line.id,
        connect: (o) => ingest.connect(o),
        birth,
        at: twin.now().toISOString(),
        clientId: `headstamp-twin-${ingest.plant}-${line.id}`,
      });
      publishers.set(line.id, publisher);
      await publisher.born;
    }
  } catch (error) {
    await Promise.all([...publishers.values()].map((p) => p.end()));
    await ingest.stop();
    throw error;
  }
  log(`headstamp twin: live at ${options.speed}x from ${twin.now().toISOString()} (simulated)`);

  let stopping = false;
  // Steps of at most 2 simulated minutes: the clock moves before a step's events are sent, and a
  // longer jump would look to the ingest's silence timer (5 minutes) like a line gone quiet.
  const maxStep = Math.min(2, Math.max(1, Math.ceil(options.speed / 60)));
  const loop = async (): Promise<void> => {
    const startedAt = Date.now();
    let ran = 0;
    while (!stopping) {
      const due = Math.floor(((Date.now() - startedAt) / 1000) * (options.speed / 60));
      const target = options.minutes === undefined ? due : Math.min(due, options.minutes);
      if (target > ran) {
        const minutes = Math.min(target - ran, maxStep);
        await twin.advance(minutes, { maxStep });
        ran += minutes;
      } else if (options.minutes !== undefined && ran >= options.minutes) {
        break;
      } else {
        await sleep(100);
      }
    }
  };
  let finished = false;
  const finish = async (): Promise<TwinTally> => {
    if (!finished) {
      finished = true;
      await Promise.all([...publishers.values()].map((p) => p.end()));
      await ingest.stop();
    }
    return twin.tally;
  };
  const running = loop();
  const done = running.then(finish, async (error: unknown) => {
    log(`headstamp twin: stopped on an error: ${error instanceof Error ? error.message : String(error)}`);
    await finish();
    throw error;
  });
  return {
    twin,
    done,
    stop: async () => {
      stopping = true;
      return done;
    },
  };
}

/**
 * Runs the twin live until SIGINT/SIGTERM or the end of `minutes`, then returns what it did.
 *
 * @example
 * await runTwinLive({ store, env: process.env, admin: 'admin', speed: 60, minutes: 60 });
 */
export async function runTwinLive(options: LiveTwinOptions): Promise<TwinTally> {
  const running = await startTwin(options);
  const stop = (): void => void running.stop().catch(() => undefined);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await running.done;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
