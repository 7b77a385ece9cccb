/**
 * The reference plant-year benchmark: `npm run bench:reference [-- --json] [-- --seeds 100]`.
 *
 * Measures the median wall time of one plant-year (one event per box) over several runs after a
 * warm-up, in this process, then runs the model over many seeds and reports the mean good,
 * rejected and failures, the standard deviation and P10/P50/P90 of good rounds across seeds.
 */
import { loadavg } from 'node:os';
import { runReference } from './model.ts';

interface Options {
  json: boolean;
  seeds: number;
  runs: number;
  warmup: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { json: false, seeds: 100, runs: 15, warmup: 5 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = Number(argv[i + 1]);
    if (arg === '--json') options.json = true;
    else if (arg === '--seeds' && Number.isInteger(value) && value > 0) options.seeds = value;
    else if (arg === '--runs' && Number.isInteger(value) && value > 0) options.runs = value;
    else if (arg === '--warmup' && Number.isInteger(value) && value >= 0) options.warmup = value;
  }
  return options;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

const options = parseOptions(process.argv.slice(2));

/**
 * CPU time of a fixed piece of integer work (a xorshift loop), measured the same way in the same
 * run: the baseline beside the figures. It says how fast this machine, as loaded right now, runs
 * plain JavaScript, so runs on different days or under different load can be compared.
 */
function calibrationCpuMs(): number {
  const cpu = process.cpuUsage();
  let x = 2463534242;
  for (let i = 0; i < 50_000_000; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  const used = process.cpuUsage(cpu);
  if (x === 0) process.stdout.write(''); // keeps the loop from being optimised away
  return (used.user + used.system) / 1000;
}

const loadBefore = loadavg();
for (let i = 0; i < options.warmup; i += 1) runReference(1_000_000 + i);
const calibrations = [calibrationCpuMs(), calibrationCpuMs(), calibrationCpuMs()];
const walls: number[] = [];
// CPU time of this thread too: on a shared machine the wall time also counts time spent waiting
// for a core, CPU time does not.
const cpus: number[] = [];
let events = 0;
for (let i = 0; i < options.runs; i += 1) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = runReference(2_000_000 + i);
  walls.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpus.push((used.user + used.system) / 1000);
  events = result.events;
}
calibrations.push(calibrationCpuMs(), calibrationCpuMs());
const loadAfter = loadavg();
walls.sort((a, b) => a - b);
cpus.sort((a, b) => a - b);
calibrations.sort((a, b) => a - b);
const medianWallMs = quantile(walls, 0.5);

const goods: number[] = [];
let rejected = 0;
let failures = 0;
const studyStarted = performance.now();
for (let seed = 1; seed <= options.seeds; seed += 1) {
  const result = runReference(seed);
  goods.push(result.good);
  rejected += result.rejected;
  failures += result.failures;
}
const studyWallMs = performance.now() - studyStarted;
const meanGood = goods.reduce((s, g) => s + g, 0) / goods.length;
const stdGood = Math.sqrt(goods.reduce((s, g) => s + (g - meanGood) ** 2, 0) / Math.max(1, goods.length - 1));
goods.sort((a, b) => a - b);

const figures = {
  medianWallMs: round(medianWallMs, 2),
  minWallMs: round(walls[0]!, 2),
  // CPU time of the process (this thread does all the work), per plant-year: on a shared
  // machine the wall time also counts time spent waiting for a core, the CPU time does not.
  medianCpuMs: round(quantile(cpus, 0.5), 2),
  minCpuMs: round(cpus[0]!, 2),
  calibrationCpuMs: round(quantile(calibrations, 0.5), 2),
  loadAverage: [...loadBefore.slice(0, 1), ...loadAfter.slice(0, 1)].map((l) => round(l, 2)),
  events,
  eventsPerSecond: Math.round(events / (medianWallMs / 1000)),
  seeds: options.seeds,
  meanGood: Math.round(meanGood),
  stdGood: Math.round(stdGood),
  p10Good: Math.round(quantile(goods, 0.1)),
  p50Good: Math.round(quantile(goods, 0.5)),
  p90Good: Math.round(quantile(goods, 0.9)),
  meanRejected: Math.round(rejected / options.seeds),
  meanFailures: round(failures / options.seeds, 1),
  goodVsReference: round((meanGood / 73.33e6 - 1) * 100, 3),
  studyWallMs: Math.round(studyWallMs),
  node: process.version,
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

if (options.json) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const rows: [string, string][] = [
    [
      'one plant-year, median wall',
      `${figures.medianWallMs} ms (min ${figures.minWallMs} ms, ${options.runs} runs)`,
    ],
    ['one plant-year, median CPU', `${figures.medianCpuMs} ms (min ${figures.minCpuMs} ms)`],
    ['baseline: fixed integer loop, CPU', `${figures.calibrationCpuMs} ms`],
    ['load average (1 min), before / after', figures.loadAverage.join(' / ')],
    ['events per plant-year', figures.events.toLocaleString('en-US')],
    ['events per second', figures.eventsPerSecond.toLocaleString('en-US')],
    ['seeds', String(figures.seeds)],
    [
      'mean good rounds',
      `${figures.meanGood.toLocaleString('en-US')} (${figures.goodVsReference} % vs 73.33 M)`,
    ],
    ['std dev of good', figures.stdGood.toLocaleString('en-US')],
    [
      'good P10 / P50 / P90',
      [figures.p10Good, figures.p50Good, figures.p90Good].map((g) => g.toLocaleString('en-US')).join(' / '),
    ],
    ['mean rejected rounds', figures.meanRejected.toLocaleString('en-US')],
    ['mean failures', figures.meanFailures.toLocaleString('en-US')],
    [`${figures.seeds} plant-years, wall`, `${figures.studyWallMs} ms`],
    ['node', figures.node],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write('Reference plant-year (one event per box)\n');
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}
