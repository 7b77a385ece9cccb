import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadScenarioFile } from '../../app/scenario/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/scenario/index.ts';
import { DAY } from '../../sim/calendar.ts';
import { renderReport } from '../../sim/plant/report.ts';
import { runStudy, type StudyOptions, variations } from '../../sim/plant/study.ts';
import type { Spread, StudySummary } from '../../sim/plant/summary.ts';
import { judge, type Verdict } from '../../sim/plant/verdict.ts';
import { defaultThreads } from '../../sim/plant/worker-pool.ts';
import type { CliContext } from '../context.ts';
import type { RegisterCommand } from './index.ts';

interface SimulateOptions {
  replications?: string;
  seed?: string;
  horizon?: string;
  threads?: string;
  json?: boolean;
  report?: string;
  vary?: string;
}

/**
 * `headstamp simulate FILE [--replications N] [--seed S] [--horizon 365d] [--threads N] [--json]
 * [--report out.html] [--vary key=v1,v2]`: the capacity study of a scenario. Prints P10/P50/P90
 * of good output per line, product and plant, the main losses and the verdict against the rated
 * output; `--report` writes one self-contained HTML file with charts; `--vary` runs the study
 * for each value of one assumption and shows the results side by side.
 *
 * @example
 * headstamp simulate scenarios/seed-plant.yaml
 * headstamp simulate scenarios/seed-plant.yaml --replications 1000 --json
 * headstamp simulate scenarios/seed-plant.yaml --vary shifts=2,3 --report study.html
 */
export const registerSimulate: RegisterCommand = (program: Command, context) => {
  program
    .command('simulate')
    .description('Capacity study: Monte Carlo simulation of the plant over a horizon')
    .argument('<file>', 'scenario YAML file')
    .option('--replications <n>', 'replications (default: the scenario, simulation.replications)')
    .option('--seed <s>', 'seed (default: the scenario, simulation.seed)')
    .option('--horizon <span>', 'horizon such as 365d, 52w or 8760h (default: the scenario)')
    .option(
      '--threads <n>',
      `worker threads (default: up to ${defaultThreads()}, one per core, for a study long enough to need them)`,
    )
    .option('--json', 'print the study as one JSON object')
    .option('--report <file>', 'write a self-contained HTML report with charts')
    .option(
      '--vary <key=v1,v2>',
      'run the study for each value of one assumption (shifts, calendar, disruption, a path)',
    )
    .action(async (file: string, options: SimulateOptions) => {
      await simulate(file, options, context);
    });
};

async function simulate(file: string, options: SimulateOptions, context: CliContext): Promise<void> {
  const scenario = loadScenarioFile(file, { cwd: context.cwd });
  const replications = integerOption(
    '--replications',
    options.replications,
    scenario.simulation.replications,
    1,
  );
  const seed = integerOption('--seed', options.seed, scenario.simulation.seed, 0);
  // Without --threads, the study decides: one per core when it is long enough to pay for them.
  const threads =
    options.threads !== undefined ? integerOption('--threads', options.threads, 1, 1) : undefined;
  const horizon =
    options.horizon !== undefined ? parseHorizon(options.horizon) : scenario.simulation.horizonDays * DAY;
  const json = options.json === true;
  const base: StudyOptions = { replications, seed, horizon, ...(threads !== undefined ? { threads } : {}) };
  const study = async (
    label: string,
    s: Scenario,
    extra: Partial<StudyOptions> = {},
  ): Promise<StudySummary> => {
    const bar = json ? undefined : context.out.progress(label, replications);
    const summary = await runStudy(s, {
      ...base,
      ...extra,
      ...(bar ? { onProgress: (n: number) => bar.tick(n) } : {}),
    });
    bar?.finish();
    return summary;
  };

  if (options.vary !== undefined) {
    const variants = variations(scenario, options.vary);
    const results: { value: string; scenario: Scenario; summary: StudySummary }[] = [];
    for (const v of variants) {
      const summary = await study(`${v.key}=${v.value}`, v.scenario);
      results.push({ value: v.value, scenario: v.scenario, summary });
    }
    if (options.report !== undefined) {
      writeFileSync(
        options.report,
        renderReport({
          scenario,
          file,
          main: results[0]!.summary,
          variants: results.map((r) => ({ label: `${variants[0]!.key}=${r.value}`, summary: r.summary })),
        }),
      );
    }
    if (json) {
      return context.out.json({
        replications,
        seed,
        vary: variants[0]!.key,
        variants: results.map((r) => ({
          value: r.value,
          ...studyJson(r.summary, judge(r.scenario, r.summary)),
        })),
      });
    }
    printVariants(context, variants[0]!.key, results);
    return;
  }

  const summary = await study('simulating', scenario);
  let disrupted: StudySummary | undefined;
  const hasDisruption = scenario.components.some((c) => c.disruption !== undefined);
  const disruptionOn = scenario.components.some((c) => c.disruption?.enabled === true);
  if (options.report !== undefined && hasDisruption) {
    disrupted = await study(disruptionOn ? 'without disruption' : 'with disruption', scenario, {
      disruption: disruptionOn ? 'off' : 'on',
    });
  }
  // The verdict compares the study as configured with the disruption case when both were run.
  const [undisturbed, withDisruption] =
    disruptionOn && disrupted ? [disrupted, summary] : [summary, disrupted];
  const verdict = judge(scenario, summary, disruptionOn ? undefined : withDisruption);
  if (options.report !== undefined) {
    writeFileSync(
      options.report,
      renderReport({
        scenario,
        file,
        main: summary,
        ...(withDisruption ? { disruption: { off: undisturbed, on: withDisruption } } : {}),
      }),
    );
  }
  if (json) return context.out.json(studyJson(summary, verdict));
  printStudy(context, file, summary, verdict);
  if (options.report !== undefined) context.out.note(`report written to ${options.report}`);
}

function integerOption(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new ValidationError('simulate.option', `${name}: must be an integer >= ${min}, got ${raw}`, [
      { path: name, problem: `must be an integer >= ${min}, got ${raw}` },
    ]);
  }
  return n;
}

/** `365d`, `52w`, `8760h` or a plain number of days, in minutes. */
export function parseHorizon(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)([dwh]?)$/.exec(raw.trim());
  const value = m ? Number(m[1]) : NaN;
  if (!m || !(value > 0)) {
    throw new ValidationError('simulate.option', `--horizon: must be like 365d, 52w or 8760h, got ${raw}`, [
      { path: '--horizon', problem: `must be like 365d, 52w or 8760h, got ${raw}` },
    ]);
  }
  const unit = m[2] === 'w' ? 7 * DAY : m[2] === 'h' ? 60 : DAY;
  return value * unit;
}

const rounds = (s: Spread): { p10: number; p50: number; p90: number; mean: number } => ({
  p10: Math.round(s.p10),
  p50: Math.round(s.p50),
  p90: Math.round(s.p90),
  mean: Math.round(s.mean),
});
const ratio = (s: Spread): { p10: number; p50: number; p90: number } => ({
  p10: round4(s.p10),
  p50: round4(s.p50),
  p90: round4(s.p90),
});
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function studyJson(summary: StudySummary, verdict: Verdict): Record<string, unknown> {
  return {
    replications: summary.replications,
    seed: summary.seed,
    horizonDays: summary.horizonDays,
    ratedOutput: Math.round(summary.ratedOutput),
    plant: {
      good: rounds(summary.plant.good),
      rejected: rounds(summary.plant.rejected),
      shareReachingRated: summary.plant.shareReachingRated,
    },
    lines: summary.lines.map((l) => ({
      id: l.id,
      good: rounds(l.good),
      rejected: rounds(l.rejected),
      availability: ratio(l.availability),
      effectiveness: ratio(l.effectiveness),
      qualityRatio: ratio(l.qualityRatio),
      oee: ratio(l.oee),
      failures: Math.round(l.failures * 10) / 10,
      changeovers: Math.round(l.changeovers * 10) / 10,
      timeMinutes: roundRecord(l.time),
      lossesRounds: Object.fromEntries(Object.entries(l.losses).map(([k, v]) => [k, Math.round(v)])),
    })),
    products: summary.products.map((p) => ({ id: p.id, good: rounds(p.good), rejected: rounds(p.rejected) })),
    losses: summary.losses.map((l) => ({ cause: l.cause, rounds: Math.round(l.rounds) })),
    verdict: {
      answer: verdict.answer,
      headline: verdict.headline,
      assumptions: verdict.assumptions,
      limits: verdict.limits,
    },
  };
}

function roundRecord(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      typeof v === 'number' ? Math.round(v) : roundRecord(v as object),
    ]),
  );
}

const m = (x: number): string => (x / 1e6).toFixed(2);
const period = (days: number): string => (days === 365 ? 'year' : `${days} days`);
const pct = (x: number): string => `${(x * 100).toFixed(1)}`;

function printStudy(context: CliContext, file: string, summary: StudySummary, verdict: Verdict): void {
  const out = context.out;
  out.line(
    `Capacity study of ${file}: ${summary.replications} replications of ${summary.horizonDays} days, seed ${summary.seed}`,
  );
  out.line();
  out.line('Good output, millions of rounds');
  out.table(
    [
      ...summary.lines.map((l) => ({
        '': l.id,
        P10: m(l.good.p10),
        P50: m(l.good.p50),
        P90: m(l.good.p90),
        'avail %': pct(l.availability.p50),
        'effect %': pct(l.effectiveness.p50),
        'quality %': pct(l.qualityRatio.p50),
        'OEE %': pct(l.oee.p50),
        failures: l.failures.toFixed(0),
        changeovers: l.changeovers.toFixed(0),
      })),
      ...summary.products.map((p) => ({
        '': p.id,
        P10: m(p.good.p10),
        P50: m(p.good.p50),
        P90: m(p.good.p90),
      })),
      {
        '': 'plant',
        P10: m(summary.plant.good.p10),
        P50: m(summary.plant.good.p50),
        P90: m(summary.plant.good.p90),
      },
    ],
    ['', 'P10', 'P50', 'P90', 'avail %', 'effect %', 'quality %', 'OEE %', 'failures', 'changeovers'],
  );
  out.line();
  out.line(`Main losses, mean per ${period(summary.horizonDays)} (rounds at rated rate)`);
  out.table(
    summary.losses.slice(0, 6).map((l) => ({ cause: l.cause, 'M rounds': m(l.rounds) })),
    ['cause', 'M rounds'],
  );
  out.line();
  out.line(`Verdict: ${verdict.headline}`);
  out.line('Assumptions:');
  for (const a of verdict.assumptions) out.line(`  - ${a}`);
  out.line('What limits it:');
  for (const l of verdict.limits) out.line(`  - ${l}`);
}

function printVariants(
  context: CliContext,
  key: string,
  results: readonly { value: string; summary: StudySummary }[],
): void {
  const first = results[0]?.summary;
  if (first === undefined) return;
  context.out.line(`Sensitivity to ${key}: good output, millions of rounds (P50 per line)`);
  context.out.table(
    results.map(({ value, summary }) => ({
      [key]: value,
      'plant P10': m(summary.plant.good.p10),
      'plant P50': m(summary.plant.good.p50),
      'plant P90': m(summary.plant.good.p90),
      'reach rated %': (summary.plant.shareReachingRated * 100).toFixed(0),
      ...Object.fromEntries(summary.lines.map((l) => [l.id, m(l.good.p50)])),
    })),
  );
  context.out.line(`Rated output over the horizon: ${m(first.ratedOutput)} M`);
}
