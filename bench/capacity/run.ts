/**
 * Capacity-study benchmark: `node --import tsx bench/capacity/run.ts [--replications 1000]
 * [--runs 3] [--threads N] [--json]`.
 *
 * Times the whole command a user runs, `headstamp simulate scenarios/seed-plant.yaml
 * --replications N --json`, as a child process (start-up, scenario loading, worker threads and
 * all), several times, and reports the median wall time with the study's P10/P50/P90.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const replications = option('--replications', 1000);
const runs = option('--runs', 3);
const threads = option('--threads', 0);
const json = args.includes('--json');
const root = fileURLToPath(new URL('../../', import.meta.url));

type Study = { plant: { good: { p10: number; p50: number; p90: number } }; replications: number };

/** Runs the command once; returns its wall time and study. */
function simulate(count: number): { wall: number; study: Study } {
  const started = performance.now();
  const out = execFileSync(
    process.execPath,
    [
      'bin/headstamp.js',
      'simulate',
      'scenarios/seed-plant.yaml',
      '--replications',
      String(count),
      '--json',
      ...(threads > 0 ? ['--threads', String(threads)] : []),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return { wall: performance.now() - started, study: JSON.parse(out) as Study };
}

// The fixed cost (start-up, scenario, worker threads) is the wall time of a 2-replication study.
const overheads: number[] = [];
const walls: number[] = [];
let study: Study | undefined;
for (let run = 0; run < runs; run += 1) {
  overheads.push(simulate(2).wall);
  const result = simulate(replications);
  walls.push(result.wall);
  study = result.study;
}
walls.sort((a, b) => a - b);
overheads.sort((a, b) => a - b);
const figures = {
  replications,
  runs,
  medianWallMs: Math.round(walls[Math.floor(walls.length / 2)]!),
  minWallMs: Math.round(walls[0]!),
  fixedCostMs: Math.round(overheads[Math.floor(overheads.length / 2)]!),
  plantGood: study?.plant.good,
  node: process.version,
};
if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else {
  const good = figures.plantGood;
  process.stdout.write(
    `headstamp simulate scenarios/seed-plant.yaml --replications ${replications}\n` +
      `  median wall ${figures.medianWallMs} ms (min ${figures.minWallMs} ms, ${runs} runs, ${process.version})\n` +
      `  of which fixed cost (start-up, scenario, workers; a 2-replication study): ${figures.fixedCostMs} ms\n` +
      (good
        ? `  plant good P10 / P50 / P90: ${[good.p10, good.p50, good.p90].map((g) => g.toLocaleString('en-US')).join(' / ')}\n`
        : ''),
  );
}
