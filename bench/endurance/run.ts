/**
 * Endurance benchmark: `headstamp start` (server + twin live at 60x, on fresh records in a
 * temporary directory, after its 30-day fill) in a child process; autocannon on loopback against
 * read routes while the twin runs; the child's resident memory (VmRSS) sampled every minute.
 * Client and server share the machine's cores, so the rates are a floor.
 *
 *   node --import tsx bench/endurance/run.ts [--minutes 10] [--seconds 20] [--connections 10]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const minutes = arg('minutes', 10);
const seconds = arg('seconds', 20);
const connections = arg('connections', 10);
const port = 3000 + Math.floor(Math.random() * 2000);
const dir = mkdtempSync(join(tmpdir(), 'headstamp-endurance-'));

const child = spawn(process.execPath, ['bin/headstamp.js', 'start'], {
  env: {
    ...process.env,
    HEADSTAMP_DATA_DIR: dir,
    HEADSTAMP_PORT: String(port),
    HEADSTAMP_MQTT_PORT: String(port + 1),
    HEADSTAMP_LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const rss = (): number => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
};

let password = '';
const ready = new Promise<void>((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`headstamp start exited with ${code}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    process.stderr.write(`  | ${line}\n`);
    const match = /password (\S+)/.exec(line);
    if (match?.[1] !== undefined) password = match[1];
    if (line.startsWith('Press Ctrl-C')) resolve();
  });
});

try {
  const filling = Date.now();
  await ready;
  const fillSeconds = (Date.now() - filling) / 1000;
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const routes = ['/api/v1/lots?limit=20', '/api/v1/orders?limit=20', '/healthz'];
  const started = Date.now();
  const samples: { minute: number; rssMb: number }[] = [];
  const loads: { route: string; minute: number; rps: number; p99: number; errors: number }[] = [];
  for (let minute = 1; minute <= minutes; minute += 1) {
    const route = routes[(minute - 1) % routes.length] ?? '/healthz';
    const result = await autocannon({
      url: `${base}${route}`,
      connections,
      duration: seconds,
      headers: { cookie },
    });
    loads.push({
      route,
      minute,
      rps: Math.round(result.requests.average),
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
    const wait = started + minute * 60_000 - Date.now();
    if (wait > 0) await sleep(wait);
    samples.push({ minute, rssMb: Math.round(rss()) });
    process.stderr.write(
      `  minute ${minute}: rss ${samples.at(-1)?.rssMb} MB, ${route} ${loads.at(-1)?.rps} req/s\n`,
    );
  }
  const first = samples[0]?.rssMb ?? NaN;
  const last = samples.at(-1)?.rssMb ?? NaN;
  console.log(
    JSON.stringify(
      {
        fillSeconds,
        minutes,
        loads,
        rss: samples,
        rssChange: `${(((last - first) / first) * 100).toFixed(1)} %`,
      },
      null,
      2,
    ),
  );
} finally {
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
