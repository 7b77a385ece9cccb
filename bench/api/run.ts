/**
 * API benchmark: autocannon on loopback against read routes of `headstamp serve`, beside a bare Fastify
 * route measured the same way in the same run. The server runs in a child process; client and server
 * share the machine's cores, so the figures are a floor for a server with a client elsewhere.
 *
 *   node --import tsx bench/api/run.ts [--seconds 10] [--connections 10] [--twin]
 *
 * The list routes keep their answers until the records change; the share of requests answered from
 * kept answers is read from the server's metrics and printed per route.
 *
 * Without `--twin`: fresh SQLite records (seed plant, 400 orders, 300 lots, an API token), each route
 * measured on the server as configured and again on a second server over the same records that reads
 * every answer afresh. With
 * `--twin`: `headstamp start` on fresh records in a temporary directory (set-up, the 30-day fill, then
 * the server with the twin live at 60×, line data over MQTT), signed in as the first admin; the twin's
 * writes run while the routes are read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { numberArg } from '../support/args.ts';
import { loadAverage } from '../support/host.ts';
import { startHeadstamp } from '../support/start.ts';

const seconds = numberArg('seconds', 10);
const connections = numberArg('connections', 10);
const twin = process.argv.includes('--twin');

interface Row {
  route: string;
  /** Share of the route's lookups answered from kept answers, where the server counts them. */
  hitRate?: number;
  /** Lookups that found no kept answer (read afresh) during the measurement. */
  readsAfresh?: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  load: string;
}

/** The server's read-cache lookups so far, by outcome, from its Prometheus metrics. */
async function cacheLookups(base: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^headstamp_read_cache_lookups_total\{outcome="(\w+)"\} (\d+)/gm))
    out.set(m[1] ?? '', Number(m[2]));
  return out;
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
  metricsBase?: string,
): Promise<Row> {
  // A short warm-up first, so that the JIT and the caches are not what is measured.
  await autocannon({ url, connections, duration: 2, headers });
  const before = loadAverage(2);
  const lookupsBefore = metricsBase === undefined ? undefined : await cacheLookups(metricsBase);
  const r = await autocannon({ url, connections, duration: seconds, headers });
  let hitRate: number | undefined;
  let readsAfresh: number | undefined;
  if (metricsBase !== undefined && lookupsBefore !== undefined) {
    const after = await cacheLookups(metricsBase);
    const delta = (k: string): number => (after.get(k) ?? 0) - (lookupsBefore.get(k) ?? 0);
    const all = delta('hit') + delta('miss') + delta('bypass');
    hitRate = all === 0 ? undefined : delta('hit') / all;
    readsAfresh = delta('miss') + delta('bypass');
  }
  return {
    route: name,
    ...(hitRate === undefined ? {} : { hitRate }),
    ...(readsAfresh === undefined ? {} : { readsAfresh }),
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    load: before,
  };
}

async function firstLine(child: ChildProcess): Promise<string> {
  if (child.stdout === null) throw new Error('no stdout');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return line;
}

const listRoutes = ['/orders?limit=20', '/lots?limit=20', '/stock?limit=20', '/users'];
const serverScript = new URL('./server.ts', import.meta.url).pathname;
const children: ChildProcess[] = [];
/** `headstamp start` runs to stop. */
const stops: (() => Promise<void>)[] = [];
const rows: Row[] = [];
let records = '';
const clientCpu = process.cpuUsage();
const wallStart = performance.now();
try {
  if (!twin) {
    const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const { api, uncached, bare, token } = JSON.parse(await firstLine(child)) as {
      api: number;
      uncached: number;
      bare: number;
      token: string;
    };
    records = 'fresh SQLite records: seed plant, 400 orders, 300 lots';
    const auth = { authorization: `Bearer ${token}` };
    const base = `http://127.0.0.1:${api}`;
    rows.push(await measure('bare Fastify GET /bare', `http://127.0.0.1:${bare}/bare`));
    rows.push(await measure('GET /healthz', `${base}/healthz`));
    rows.push(await measure('GET /api/v1/auth/me (token)', `${base}/api/v1/auth/me`, auth));
    for (const route of listRoutes)
      rows.push(await measure(`GET /api/v1${route} (token)`, `${base}/api/v1${route}`, auth, base));
    for (const route of listRoutes)
      rows.push(
        await measure(
          `GET /api/v1${route} (token), every answer read afresh`,
          `http://127.0.0.1:${uncached}/api/v1${route}`,
          auth,
        ),
      );
  } else {
    const bareChild = spawn(process.execPath, ['--import', 'tsx', serverScript, '--bare-only'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(bareChild);
    const { bare } = JSON.parse(await firstLine(bareChild)) as { bare: number };
    const plant = await startHeadstamp({ port: 20_000 + Math.floor(Math.random() * 20_000) });
    stops.push(plant.stop);
    const { base, cookie } = plant;
    const count = async (route: string): Promise<number> => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const page = (await (
          await fetch(`${base}/api/v1${route}?limit=500${cursor === null ? '' : `&cursor=${cursor}`}`, {
            headers: { cookie },
          })
        ).json()) as { items: unknown[]; nextCursor: string | null };
        n += page.items.length;
        cursor = page.nextCursor;
      } while (cursor !== null);
      return n;
    };
    records = `headstamp start after its 30-day fill, twin live at 60×: ${await count('/lots')} lots, ${await count('/orders')} orders`;
    rows.push(await measure('bare Fastify GET /bare', `http://127.0.0.1:${bare}/bare`));
    for (const route of listRoutes)
      rows.push(
        await measure(
          `GET /api/v1${route} (session, twin at 60×)`,
          `${base}/api/v1${route}`,
          { cookie },
          base,
        ),
      );
  }
} finally {
  for (const child of children) {
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    await exited;
  }
  for (const stop of stops) await stop();
}

const cpu = process.cpuUsage(clientCpu);
process.stdout.write(
  `API benchmark: ${connections} connections, ${seconds} s per route; ${records}\n` +
    `client and server on one machine (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.versions.node}, ${new Date().toISOString()}); load average given per route (1, 5, 15 min)\n` +
    `client process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s over ${((performance.now() - wallStart) / 1000).toFixed(1)} s wall\n\n` +
    `| route | req/s | p50 ms | p99 ms | errors | kept answers | load average |\n|---|---|---|---|---|---|---|\n`,
);
for (const r of rows)
  process.stdout.write(
    `| ${r.route} | ${r.requestsPerSecond.toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.errors} | ` +
      `${r.hitRate === undefined ? '-' : `${(100 * r.hitRate).toFixed(2)} % (${r.readsAfresh ?? 0} read afresh)`} | ${r.load} |\n`,
  );
const goal = rows
  .filter((r) => r.route.endsWith('(token)') || r.route.includes('(session'))
  .every((r) => r.requestsPerSecond >= 5000 && r.p99 <= 20 && r.errors === 0);
process.stdout.write(
  `\nGoal (read routes signed in: >= 5,000 req/s at p99 <= 20 ms): ${goal ? 'met' : 'NOT met'}\n`,
);
