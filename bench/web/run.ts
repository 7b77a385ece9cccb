/**
 * The dashboard's first load: initial JavaScript gzipped (what index.html loads before any page or
 * chart), and the time to a usable screen on localhost in Chromium, cold (a fresh browser context each
 * time): the login form, then the plant overview with its charts drawn after signing in. Baseline in
 * the same run: the same browser fetching the server's /healthz (a round trip with no dashboard).
 *
 *   node --import tsx bench/web/run.ts [--runs 5]
 *
 * Needs the built dashboard (npm run build:web) and Chromium at /usr/bin/chromium.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { login, newPage, openBrowser, startPlant } from '../../web/e2e/harness.ts';

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;

/** What index.html loads at once: its module script, the modules it preloads, its style sheets. */
function initialAssets(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
}

function sizes() {
  const initial = initialAssets();
  const js = initial.filter((f) => f.endsWith('.js'));
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const charts = all.filter((f) => f.startsWith('echarts')).map((f) => `assets/${f}`);
  return {
    initialJsGzipBytes: js.reduce((s, f) => s + gz(f), 0),
    initialCssGzipBytes: initial.filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz(f), 0),
    initialFiles: initial,
    chartsChunkGzipBytes: charts.reduce((s, f) => s + gz(f), 0),
    allJsRawBytes: all.reduce((s, f) => s + statSync(join(dist, 'assets', f)).size, 0),
    allJsGzipBytes: all.reduce((s, f) => s + gz(`assets/${f}`), 0),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function main() {
  const size = sizes();
  const plant = await startPlant({ days: 1, hours: 9 });
  const browser = await openBrowser();
  const cpu0 = process.cpuUsage();
  const baseline: number[] = [];
  const loginForm: number[] = [];
  const overview: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const blank = await newPage(browser);
      let t = performance.now();
      await blank.goto(`${plant.url}/healthz`);
      baseline.push(performance.now() - t);
      await blank.context().close();

      const page = await newPage(browser);
      t = performance.now();
      await page.goto(`${plant.url}/`);
      await page.getByLabel('Name').waitFor();
      loginForm.push(performance.now() - t);
      await login(page, plant, 'planner');
      t = performance.now();
      await page.goto(`${plant.url}/#/`, { waitUntil: 'commit' });
      await page.reload();
      await page.locator('article').nth(3).waitFor();
      await page.locator('[data-chart="ready"]').nth(4).waitFor();
      overview.push(performance.now() - t);
      await page.context().close();
    }
  } finally {
    await browser.close();
    await plant.stop();
  }
  const cpu = process.cpuUsage(cpu0);
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    runs,
    ...size,
    baselineHealthzMs: Math.round(median(baseline)),
    loginFormMs: Math.round(median(loginForm)),
    overviewWithChartsMs: Math.round(median(overview)),
    benchProcessCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `initial JS ${(size.initialJsGzipBytes / 1024).toFixed(1)} KB gzipped (goal ≤ 400 KB); charts chunk ` +
      `${(size.chartsChunkGzipBytes / 1024).toFixed(1)} KB gzipped, loaded on first chart; ` +
      `login form ${result.loginFormMs} ms, overview with charts ${result.overviewWithChartsMs} ms cold ` +
      `(goal ≤ 1 s), beside /healthz ${result.baselineHealthzMs} ms; load ${result.loadavg.join(' ')}`,
  );
}

await main();
