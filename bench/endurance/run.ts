/**
 * Endurance benchmark: `headstamp start` (server + twin live at 60x, on fresh records in a
 * temporary directory, after its 30-day fill) in a child process; autocannon on loopback against
 * read routes while the twin runs; the child's resident memory (VmRSS) at each minute's end and
 * sampled every 5 s through it, and the live heap after each full garbage collection (the child
 * runs with `--trace-gc`; its Mark-Compact lines say the heap left after collecting): resident
 * memory moves by tens of MB with the collector, the heap after a full collection is where a
 * leak would show. Client and server share the machine's cores, so the rates are a floor.
 *
 *   node --import tsx bench/endurance/run.ts [--minutes 10] [--seconds 20] [--connections 10]
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { numberArg } from '../support/args.ts';
import { loadAverage } from '../support/host.ts';
import { startHeadstamp } from '../support/start.ts';

const minutes = numberArg('minutes', 10);
const seconds = numberArg('seconds', 20);
const connections = numberArg('connections', 10);
const port = 3000 + Math.floor(Math.random() * 2000);

const rss = (): number => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
};
/** The child's CPU time (user + system) in seconds, from /proc/<pid>/stat (clock ticks of 10 ms). */
const childCpuSeconds = (): number => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** Heap left after the latest full collection (MB), from the child's `--trace-gc` lines. */
let liveHeapMb = NaN;
const fullGc = /^\[\d+:(0x[0-9a-f]+)\].*Mark-Compact[^>]*-> ([\d.]+) \(/;
/** The main thread's isolate: the first to log (worker threads, if any, come later). */
let mainIsolate: string | undefined;
const onLine = (line: string): void => {
  const isolate = /^\[\d+:(0x[0-9a-f]+)\]/.exec(line)?.[1];
  if (isolate !== undefined) {
    // A --trace-gc line.
    mainIsolate ??= isolate;
    const gc = fullGc.exec(line);
    if (gc?.[1] === mainIsolate && gc[2] !== undefined) liveHeapMb = Number(gc[2]);
    return;
  }
  process.stderr.write(`  | ${line}\n`);
};

const filling = Date.now();
const plant = await startHeadstamp({ port, nodeArgs: ['--trace-gc'], onLine });
const fillSeconds = (Date.now() - filling) / 1000;
const { child, base, cookie } = plant;
try {
  const routes = [
    '/api/v1/lots?limit=20',
    '/api/v1/orders?limit=20',
    '/api/v1/stock?limit=20',
    '/api/v1/users',
    '/healthz',
  ];
  const started = Date.now();
  const samples: {
    minute: number;
    rssMb: number;
    rssMinMb: number;
    rssMedianMb: number;
    rssMaxMb: number;
    liveHeapMb: number;
    load: string;
    serverCpuS: number;
  }[] = [];
  let through: number[] = [];
  const sampler = setInterval(() => through.push(rss()), 5000);
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
    const now = rss();
    const sorted = [...through, now].sort((a, b) => a - b);
    through = [];
    samples.push({
      minute,
      rssMb: Math.round(now),
      rssMinMb: Math.round(sorted[0] ?? NaN),
      rssMedianMb: Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN),
      rssMaxMb: Math.round(sorted.at(-1) ?? NaN),
      liveHeapMb,
      load: loadAverage(2),
      serverCpuS: childCpuSeconds(),
    });
    process.stderr.write(
      `  minute ${minute}: rss ${samples.at(-1)?.rssMb} MB (median ${samples.at(-1)?.rssMedianMb}), heap after full GC ${liveHeapMb} MB, ${route} ${loads.at(-1)?.rps} req/s, load ${loadAverage(2)}\n`,
    );
  }
  clearInterval(sampler);
  const first = samples[0]?.rssMb ?? NaN;
  const last = samples.at(-1)?.rssMb ?? NaN;
  const change = (a: number | undefined, b: number | undefined): string =>
    `${((((b ?? NaN) - (a ?? NaN)) / (a ?? NaN)) * 100).toFixed(1)} %`;
  console.log(
    JSON.stringify(
      {
        fillSeconds,
        minutes,
        loads,
        rss: samples,
        rssAfterFirstMinuteMb: first,
        rssAtEndMb: last,
        rssChange: change(first, last),
        rssMedianChange: change(samples[0]?.rssMedianMb, samples.at(-1)?.rssMedianMb),
        liveHeapChange: change(samples[0]?.liveHeapMb, samples.at(-1)?.liveHeapMb),
        loadAverageAtEnd: loadAverage(2),
      },
      null,
      2,
    ),
  );
} finally {
  await plant.stop();
}
