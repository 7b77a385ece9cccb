/**
 * API benchmark: autocannon on loopback against read routes of `headstamp serve`, beside a bare Fastify
 * route measured the same way in the same run. The server runs in a child process; client and server
 * share the machine's cores, so the figures are a floor for a server with a client elsewhere.
 *
 *   node --import tsx bench/api/run.ts [--seconds 10] [--connections 10]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const seconds = arg('seconds', 10);
const connections = arg('connections', 10);

const child = spawn(process.execPath, ['--import', 'tsx', new URL('./server.ts', import.meta.url).pathname], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [first] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
const { api, bare, token } = JSON.parse(first) as { api: number; bare: number; token: string };

interface Row {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  // A short warm-up first, so that the JIT and the caches are not what is measured.
  await autocannon({ url, connections, duration: 2, headers });
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return {
    route: name,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

const auth = { authorization: `Bearer ${token}` };
const rows: Row[] = [];
try {
  rows.push(await measure('bare Fastify GET /bare', `http://127.0.0.1:${bare}/bare`));
  rows.push(await measure('GET /healthz', `http://127.0.0.1:${api}/healthz`));
  rows.push(await measure('GET /api/v1/auth/me (token)', `http://127.0.0.1:${api}/api/v1/auth/me`, auth));
  rows.push(
    await measure(
      'GET /api/v1/orders?limit=20 (token)',
      `http://127.0.0.1:${api}/api/v1/orders?limit=20`,
      auth,
    ),
  );
  rows.push(await measure('GET /api/v1/users (token)', `http://127.0.0.1:${api}/api/v1/users`, auth));
} finally {
  child.kill('SIGTERM');
}

process.stdout.write(
  `API benchmark: ${connections} connections, ${seconds} s per route, client and server on one machine ` +
    `(Node ${process.versions.node})\n\n| route | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n`,
);
for (const r of rows)
  process.stdout.write(
    `| ${r.route} | ${r.requestsPerSecond.toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.errors} |\n`,
  );
const goal = rows
  .filter((r) => r.route.includes('(token)'))
  .every((r) => r.requestsPerSecond >= 5000 && r.p99 <= 20);
process.stdout.write(
  `\nGoal (read routes with a token: >= 5,000 req/s at p99 <= 20 ms): ${goal ? 'met' : 'NOT met'}\n`,
);
