import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import mqtt from 'mqtt';
import { verifyLedger } from '../../src/app/ledger/verify.ts';
import { setUpPlant } from '../../src/app/plant-setup.ts';
import { randomIds, systemClock } from '../../src/app/runtime.ts';
import { actorFor } from '../../src/app/users.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { runRepository } from '../../src/store/repositories/runs.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';
import { orderOnLine } from '../support/orders.ts';
import { smallPlantSource } from '../support/plant.ts';

/**
 * The crash trial: a line publishing counts at QoS 1 to a broker, and the MQTT ingest on a SQLite
 * file killed with SIGKILL at seeded random moments and started again. At the end every message
 * the broker acknowledged to the line must be in the records exactly once, the run's processed
 * total must equal the line's last counter, and the ledger must verify.
 */
export interface CrashTrialOptions {
  readonly kills: number;
  readonly seed: number;
  /** Default: the machine's Mosquitto, mqtt://127.0.0.1:1883. */
  readonly brokerUrl?: string;
  /** Between two counts of the line (default 50 ms: about 20 messages a second). */
  readonly intervalMs?: number;
  /** Longest a subscriber lives after it is subscribed before it is killed (default 600 ms). */
  readonly maxUpMs?: number;
  readonly log?: (message: string) => void;
}

export interface CrashTrialResult {
  readonly kills: number;
  /** Messages the broker acknowledged to the line (PUBACK). */
  readonly acked: number;
  /** Messages the line sent without an acknowledgement. */
  readonly unacked: number;
  /** Count events in the records. */
  readonly recorded: number;
  /** Acknowledged messages not in the records. */
  readonly missing: readonly string[];
  /** Event ids recorded more than once. */
  readonly duplicated: readonly string[];
  /** Recorded events the line never had acknowledged. */
  readonly unexpected: readonly string[];
  /** Messages the broker delivered again after a kill, found already recorded. */
  readonly redelivered: number;
  /** The line's last counter sent, and what the run adds up to. */
  readonly lastProcessed: number;
  readonly runProcessed: number;
  readonly ledger: { readonly ok: boolean; readonly size: number; readonly problem?: string };
  readonly seconds: number;
  /** From the last restart to every acknowledged message recorded. */
  readonly drainSeconds: number;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');

/** A small seeded generator (mulberry32): the kill moments are the same for the same seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bundles a script of this folder into one file beside `dir`: a killed subscriber must start
 * again quickly, and loading one bundled file takes a fraction of compiling each module again.
 */
async function bundle(script: string, dir: string): Promise<string> {
  const outfile = join(dir, script.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(here, script)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native addons stay packages; the rest of the ESM bundle may still need `require`.
    external: ['better-sqlite3', 'pg', 'pg-native'],
    banner: {
      js: "import { createRequire as __headstampRequire } from 'node:module'; const require = __headstampRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

function start(bundled: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [bundled, ...args], { cwd: root });
}

/** Resolves with the first stdout line that `match` accepts; rejects if the process ends first. */
function lineFrom(child: ChildProcessWithoutNullStreams, match: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      const found = lines.find(match);
      if (found !== undefined) {
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        resolve(found);
      }
    };
    const onExit = (code: number | null, signal: string | null): void =>
      reject(new Error(`process ended (${code ?? signal ?? '?'}) before it said what was awaited`));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Runs one crash trial and reports what ended in the records.
 *
 * @example
 * const result = await runCrashTrial({ kills: 20, seed: 1 });
 * result.missing.length; // 0
 */
export async function runCrashTrial(options: CrashTrialOptions): Promise<CrashTrialResult> {
  const log = options.log ?? (() => undefined);
  const url = options.brokerUrl ?? 'mqtt://127.0.0.1:1883';
  const random = seeded(options.seed);
  const dir = mkdtempSync(join(tmpdir(), 'headstamp-crash-'));
  const file = join(dir, 'headstamp.db');
  const plant = `crash-${options.seed}-${randomUUID().slice(0, 8)}`;
  const clientId = `crash-ingest-${plant}`;
  const began = Date.now();
  const children: ChildProcessWithoutNullStreams[] = [];
  let subscriberScript = '';
  let publisherScript = '';
  const cleanup = [dir];
  let redelivered = 0;
  const startSubscriber = async (): Promise<ChildProcessWithoutNullStreams> => {
    const child = start(subscriberScript, [file, url, plant, clientId]);
    children.push(child);
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      redelivered += text.split('already recorded').length - 1;
      log(text.trimEnd());
    });
    await lineFrom(child, (l) => l === 'ready');
    return child;
  };
  try {
    // Bundled beside the project's node_modules, so that the native addons resolve.
    const bundles = mkdtempSync(join(root, 'node_modules', '.headstamp-crash-'));
    cleanup.push(bundles);
    [subscriberScript, publisherScript] = await Promise.all([
      bundle('subscriber.ts', bundles),
      bundle('publisher.ts', bundles),
    ]);
    const setup = openSqlite(file);
    try {
      await migrateToLatest(setup);
      const app = { store: setup, clock: systemClock, ids: randomIds };
      await setUpPlant(app, undefined, { source: smallPlantSource });
      const admin = await actorFor(app, 'admin');
      await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 1_000_000_000 });
    } finally {
      await setup.close();
    }

    // The first subscription opens the session, so the broker keeps messages from the start.
    let subscriber = await startSubscriber();
    const line = start(publisherScript, [url, plant, 'L1', String(options.intervalMs ?? 50)]);
    children.push(line);
    line.stderr.on('data', (chunk: Buffer) => log(`line: ${chunk.toString('utf8').trimEnd()}`));
    const report = lineFrom(line, (l) => l.startsWith('{'));
    report.catch(() => undefined);

    for (let k = 1; k <= options.kills; k += 1) {
      await new Promise((done) => setTimeout(done, random() * (options.maxUpMs ?? 600)));
      subscriber.kill('SIGKILL');
      await exited(subscriber);
      log(`kill ${k}`);
      subscriber = await startSubscriber();
    }
    const restarted = Date.now();
    line.stdin.end();
    const { acked, unacked, processed } = JSON.parse(await report) as {
      acked: string[];
      unacked: number;
      processed: number;
    };

    const wanted = new Set(acked);
    const countRecorded = (): number => {
      const reader = openSqlite(file);
      try {
        return (
          reader.native.dialect === 'sqlite'
            ? (reader.native.sqlite
                .prepare("select count(*) as n from line_events where line_id = 'L1'")
                .get() as {
                n: number;
              })
            : { n: 0 }
        ).n;
      } finally {
        void reader.close();
      }
    };
    for (const end = Date.now() + 30_000; countRecorded() < wanted.size && Date.now() < end;) {
      await new Promise((done) => setTimeout(done, 100));
    }
    const drainSeconds = (Date.now() - restarted) / 1000;
    subscriber.kill('SIGTERM');
    await exited(subscriber);

    const store = openSqlite(file);
    try {
      const rows = await store.db
        .selectFrom('line_events')
        .select(['event_id'])
        .where('line_id', '=', 'L1')
        .where('kind', '=', 'count')
        .execute();
      const seen = new Map<string, number>();
      for (const r of rows) seen.set(r.event_id, (seen.get(r.event_id) ?? 0) + 1);
      const runs = await runRepository(store).list({ lineId: 'L1' });
      const app = { store, clock: systemClock, ids: randomIds };
      const ledger = await verifyLedger(app, await actorFor(app, 'admin'));
      const lastProcessed = processed;
      return {
        kills: options.kills,
        acked: acked.length,
        unacked,
        recorded: rows.length,
        missing: acked.filter((id) => !seen.has(id)),
        duplicated: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
        unexpected: [...seen.keys()].filter((id) => !wanted.has(id)),
        redelivered,
        lastProcessed,
        runProcessed: runs.reduce((sum, r) => sum + r.processed, 0),
        ledger: {
          ok: ledger.ok,
          size: ledger.size,
          ...(ledger.problem !== undefined ? { problem: JSON.stringify(ledger.problem) } : {}),
        },
        seconds: (Date.now() - began) / 1000,
        drainSeconds,
      };
    } finally {
      await store.close();
    }
  } finally {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    for (const path of cleanup) rmSync(path, { recursive: true, force: true });
    // Leave no session behind on the broker: a clean connection under the same id ends it.
    const cleaner = await mqtt
      .connectAsync(url, { clientId, clean: true, protocolVersion: 4 })
      .catch(() => undefined);
    await cleaner?.endAsync();
  }
}
