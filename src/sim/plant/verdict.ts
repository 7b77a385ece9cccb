/**
 * The answer a capacity study owes the plant manager: does the plant make its rated output, under
 * which assumptions, and what limits it.
 *
 * @example
 * const verdict = judge(scenario, summary);
 * verdict.answer; // 'yes'
 * verdict.text.join('\n');
 */
import type { Scenario } from '../../domain/scenario/index.ts';
import { productShares } from './model.ts';
import type { StudySummary } from './summary.ts';

export type Answer = 'yes' | 'likely' | 'unlikely' | 'no';

export interface Verdict {
  readonly answer: Answer;
  /** One sentence: the answer with its figures. */
  readonly headline: string;
  readonly assumptions: readonly string[];
  readonly limits: readonly string[];
  /** Products whose median output falls short of their share of demand. */
  readonly shortProducts: readonly { readonly id: string; readonly p50: number; readonly demand: number }[];
}

const millions = (x: number): string => `${(x / 1e6).toFixed(2)} M`;
const percent = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)} %`;

/** Judges a study against the scenario's rated output (scaled to the horizon). */
export function judge(scenario: Scenario, summary: StudySummary, withDisruption?: StudySummary): Verdict {
  const rated = summary.ratedOutput;
  const good = summary.plant.good;
  const answer: Answer =
    good.p10 >= rated ? 'yes' : good.p50 >= rated ? 'likely' : good.p90 >= rated ? 'unlikely' : 'no';
  const words: Record<Answer, string> = {
    yes: 'Yes',
    likely: 'Probably, but not every year',
    unlikely: 'Unlikely',
    no: 'No',
  };
  const margin = good.p50 / rated - 1;
  const headline =
    `${words[answer]}: the plant makes ${millions(good.p50)} good rounds in the median year ` +
    `(P10 ${millions(good.p10)}, P90 ${millions(good.p90)}) against a rating of ${millions(rated)}` +
    ` (${margin >= 0 ? '+' : ''}${percent(margin)}); ${percent(summary.plant.shareReachingRated, 0)} of ` +
    `${summary.replications} simulated ${summary.horizonDays === 365 ? 'years' : 'horizons'} reach it.`;

  const assumptions: string[] = [];
  const calendars = new Map(scenario.calendars.map((c) => [c.id, c]));
  for (const line of scenario.lines.filter((l) => l.kind === 'assembly')) {
    const s = summary.lines.find((l) => l.id === line.id);
    const calendar = calendars.get(line.calendar);
    assumptions.push(
      `${line.id}: ${line.ratedRate} rounds/min on ${calendar?.name ?? line.calendar}` +
        `${s ? ` (${Math.round(s.time.plannedBusy / 60).toLocaleString('en-US')} h planned busy)` : ''}, ` +
        `${describe(line.failures.timeToFailure)} between failures, ${describe(line.failures.repair)} to repair, ` +
        `${line.microStops.perHour} micro-stops/h of ${line.microStops.meanMinutes} min, ` +
        `${percent(line.rejectRate, 2)} rejects, ${line.plannedMaintenance.minutes} min maintenance per ${line.plannedMaintenance.per}`,
    );
  }
  const shares = productShares(scenario);
  assumptions.push(
    `product mix ${[...shares].map(([p, s]) => `${p} ${percent(s, 0)}`).join(', ')}; lines run flat out in campaigns of about two lots per product`,
  );
  const disruptions = scenario.components.filter((c) => c.disruption !== undefined);
  for (const c of disruptions) {
    const d = c.disruption!;
    assumptions.push(
      `${c.id} supply disruption from ${d.from}${d.durationDays !== undefined ? ` for ${d.durationDays} days` : d.to !== undefined ? ` to ${d.to}` : ''}: ` +
        `${d.enabled ? 'ON' : 'off'} in this study`,
    );
  }

  const limits: string[] = [];
  const per = summary.horizonDays === 365 ? 'a year' : `in ${summary.horizonDays} days`;
  const ratedCapacity = summary.lines.reduce((s, l) => s + l.ratedRate * l.time.horizon, 0);
  const shown = summary.losses.slice(0, 4);
  for (const loss of shown) {
    const byLine = summary.lines
      .map((l) => ({ id: l.id, rounds: l.losses[loss.cause] ?? 0 }))
      .filter((l) => l.rounds > 0)
      .sort((a, b) => b.rounds - a.rounds);
    limits.push(
      `${loss.cause}: ${millions(loss.rounds)} ${per} (${percent(loss.rounds / Math.max(1, ratedCapacity), 1)} of round-the-clock capacity; most on ${byLine
        .slice(0, 2)
        .map((l) => l.id)
        .join(', ')})`,
    );
  }
  const outside = summary.lines.reduce((s, l) => s + l.time.outsideShifts * l.ratedRate, 0);
  limits.unshift(
    `the shift pattern: ${percent(outside / Math.max(1, ratedCapacity), 0)} of round-the-clock capacity lies outside the shifts (nights, weekends, holidays)`,
  );
  const annual =
    (scenario.demand.annualRounds ?? scenario.plant.ratedOutputPerYear) * (summary.horizonDays / 365);
  const shortProducts = summary.products
    .map((p) => ({ id: p.id, p50: p.good.p50, demand: annual * (shares.get(p.id) ?? 0) }))
    .filter((p) => p.demand > 0 && p.p50 < p.demand);
  for (const p of shortProducts) {
    limits.push(
      `${p.id}: median ${millions(p.p50)} against a demand of ${millions(p.demand)} (the lines that make it are the constraint)`,
    );
  }
  if (withDisruption !== undefined) {
    const drop = summary.plant.good.p50 - withDisruption.plant.good.p50;
    limits.push(
      `with the supply disruption on, the median year makes ${millions(withDisruption.plant.good.p50)} (${drop >= 0 ? '-' : '+'}${millions(Math.abs(drop))}), and ${percent(withDisruption.plant.shareReachingRated, 0)} of years reach the rating`,
    );
  } else if (disruptions.some((c) => c.disruption?.enabled === false)) {
    limits.push(
      'a supply disruption is described but off: `--vary disruption=off,on` or `--report` shows its effect',
    );
  }
  return { answer, headline, assumptions, limits, shortProducts };
}

function describe(d: Scenario['lines'][number]['failures']['repair']): string {
  switch (d.kind) {
    case 'exponential':
      return `exponential mean ${d.mean} min`;
    case 'lognormal':
      return `lognormal mean ${d.mean} min (sd ${d.sd})`;
    case 'weibull':
      return `Weibull shape ${d.shape}, scale ${d.scale} min`;
    case 'triangular':
      return `triangular ${d.min}/${d.mode}/${d.max} min`;
    case 'uniform':
      return `uniform ${d.min}-${d.max} min`;
    case 'normal':
      return `normal mean ${d.mean} min (sd ${d.sd})`;
    case 'empirical':
      return `empirical over ${d.values.length} values`;
    case 'fixed':
      return `${d.value} min`;
  }
}
