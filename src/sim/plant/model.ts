/**
 * The plant as the simulator sees it: lines with compiled calendars and distributions, the
 * products each line runs in campaigns (shares from the demand plan), and the components they
 * draw from stock with their deliveries. Built from a scenario by `compilePlant`, or by hand in
 * tests and benchmarks.
 *
 * @example
 * const plant = compilePlant(loadScenarioFile('scenarios/seed-plant.yaml'), { disruption: 'off' });
 * plant.lines.map((l) => l.id); // ['L1', 'L2', 'L3', 'L4']
 */
import type { Scenario } from '../../domain/scenario/index.ts';
import { DAY, ShiftCalendar } from '../calendar.ts';
import type { Distribution } from '../distributions.ts';
import { calendarFromScenario, dayIndex, distributionFromScenario } from '../scenario-adapters.ts';

/** One product a line runs: its share of the line's output and its campaign size. */
export interface LineProduct {
  /** Index into `PlantModel.products`. */
  readonly product: number;
  /** Rounds processed per campaign before the line changes to its next product. */
  readonly campaignRounds: number;
}

export interface LineModel {
  readonly id: string;
  /** Rounds per minute while running. */
  readonly ratedRate: number;
  /** Shift windows (the scheduled time). */
  readonly shifts: ShiftCalendar;
  /** Shift windows minus planned maintenance: where PBT lies. */
  readonly calendar: ShiftCalendar;
  /** Time to failure, in running minutes. */
  readonly timeToFailure: Distribution;
  /** Repair time, in calendar minutes. */
  readonly repair: Distribution;
  /** Micro-stop minutes per running minute (perHour/60 × mean minutes). */
  readonly microStopLoad: number;
  readonly rejectRate: number;
  /** Campaign cycle: the products in the order the line runs them. */
  readonly campaign: readonly LineProduct[];
  /** Changeover minutes from product i to product j (indexes into `products`), 0 when none. */
  readonly changeover: (from: number, to: number) => number;
}

export interface ProductModel {
  readonly id: string;
  /** Component units per round, by index into `PlantModel.components`. */
  readonly bill: readonly { readonly component: number; readonly perRound: number }[];
}

export interface ComponentModel {
  readonly id: string;
  readonly initialStock: number;
  /** Delivery instants (minutes) and quantities, disruptions already removed. */
  readonly deliveries: readonly { readonly at: number; readonly quantity: number }[];
}

export interface PlantModel {
  readonly horizon: number;
  readonly lines: readonly LineModel[];
  readonly products: readonly ProductModel[];
  readonly components: readonly ComponentModel[];
  readonly ratedOutputPerYear: number;
}

/** Study options that change the model: the horizon and whether supply disruptions apply. */
export interface CompileOptions {
  /** Minutes; default the scenario's horizonDays. */
  readonly horizon?: number;
  /** `scenario`: as each disruption's `enabled` says; `on`/`off`: all disruptions forced. */
  readonly disruption?: 'scenario' | 'on' | 'off';
  /** Lots per campaign and product on a line that runs several products (default 2). */
  readonly lotsPerCampaign?: number;
}

/** Compiles a validated scenario into the simulator's plant model. */
export function compilePlant(scenario: Scenario, options: CompileOptions = {}): PlantModel {
  const horizon = options.horizon ?? scenario.simulation.horizonDays * DAY;
  const start = scenario.plant.startDate;
  const products = scenario.products.map((p) => p.id);
  const componentIds = scenario.components.map((c) => c.id);
  const productModels: ProductModel[] = scenario.products.map((p) => ({
    id: p.id,
    bill: Object.entries(p.bill)
      .map(([component, perRound]) => ({ component: componentIds.indexOf(component), perRound }))
      .filter((b) => b.component >= 0),
  }));
  const calendars = new Map(scenario.calendars.map((c) => [c.id, c]));
  const shares = productShares(scenario);
  const assembly = scenario.lines.filter((l) => l.kind === 'assembly');
  // A product's demand is shared among the lines that can make it, in proportion to their
  // rated rate; each line then splits its time among its products by those weights.
  const capacityFor = new Map<string, number>();
  for (const line of assembly)
    for (const p of line.products) capacityFor.set(p, (capacityFor.get(p) ?? 0) + line.ratedRate);
  const lotRounds = scenario.plant.lots.roundsPerLot;
  const lotsPerCampaign = options.lotsPerCampaign ?? 2;

  const lines: LineModel[] = assembly.map((line) => {
    const calendar = calendars.get(line.calendar);
    const shifts = calendar ? calendarFromScenario(calendar, start, horizon) : ShiftCalendar.always(horizon);
    const maintained = withoutMaintenance(shifts, line.plannedMaintenance, horizon);
    const weights = line.products.map((p) => (shares.get(p) ?? 0) / (capacityFor.get(p) ?? 1));
    const total = weights.reduce((s, w) => s + w, 0);
    const known = line.products.map((p) => products.indexOf(p));
    const campaign: LineProduct[] = line.products
      .map((_, i) => ({
        product: known[i]!,
        campaignRounds:
          line.products.length === 1
            ? Infinity
            : (total > 0 ? weights[i]! / total : 1 / line.products.length) *
              line.products.length *
              lotsPerCampaign *
              lotRounds,
      }))
      .filter((c) => c.product >= 0 && c.campaignRounds > 0);
    const matrix = line.changeovers ?? {};
    return {
      id: line.id,
      ratedRate: line.ratedRate,
      shifts,
      calendar: maintained,
      timeToFailure: distributionFromScenario(line.failures.timeToFailure),
      repair: distributionFromScenario(line.failures.repair),
      microStopLoad: (line.microStops.perHour / 60) * line.microStops.meanMinutes,
      rejectRate: line.rejectRate,
      campaign,
      changeover: (from, to) => (from === to ? 0 : (matrix[products[from] ?? '']?.[products[to] ?? ''] ?? 0)),
    };
  });

  const disruption = options.disruption ?? 'scenario';
  const components: ComponentModel[] = scenario.components.map((c) => {
    const deliveries: { at: number; quantity: number }[] = [];
    const d = c.delivery;
    const stop = c.disruption;
    const disrupted =
      stop !== undefined && (disruption === 'on' || (disruption === 'scenario' && stop.enabled));
    const from = stop ? dayIndex(start, stop.from) : 0;
    const to = stop
      ? stop.to !== undefined
        ? dayIndex(start, stop.to)
        : from + (stop.durationDays ?? 0)
      : 0;
    if (d !== undefined) {
      for (let day = d.firstDay ?? d.everyDays; day * DAY < horizon; day += d.everyDays) {
        if (disrupted && day >= from && day < to) continue;
        deliveries.push({ at: day * DAY, quantity: d.quantity });
      }
    }
    return { id: c.id, initialStock: c.initialStock, deliveries };
  });

  return {
    horizon,
    lines,
    products: productModels,
    components,
    ratedOutputPerYear: scenario.plant.ratedOutputPerYear,
  };
}

/** Demand shares per product: the mix when given, else the firm orders' quantities, else equal. */
export function productShares(scenario: Scenario): Map<string, number> {
  const shares = new Map<string, number>();
  const mix = scenario.demand.mix;
  if (mix !== undefined && Object.keys(mix).length > 0) {
    for (const [p, s] of Object.entries(mix)) shares.set(p, s);
  } else if ((scenario.demand.firm ?? []).length > 0) {
    for (const o of scenario.demand.firm ?? [])
      shares.set(o.product, (shares.get(o.product) ?? 0) + o.quantity);
  } else {
    for (const p of scenario.products) shares.set(p.id, 1);
  }
  const total = [...shares.values()].reduce((s, x) => s + x, 0);
  if (total > 0) for (const [p, s] of shares) shares.set(p, s / total);
  return shares;
}

/**
 * Takes planned maintenance out of the shift windows: `minutes` of window time from the first
 * windows that start in each week (or each 4 weeks for `month`) of the study.
 */
function withoutMaintenance(
  shifts: ShiftCalendar,
  maintenance: { per: 'week' | 'month'; minutes: number },
  horizon: number,
): ShiftCalendar {
  if (maintenance.minutes <= 0) return shifts;
  const period = maintenance.per === 'week' ? 7 * DAY : 28 * DAY;
  const windows: [number, number][] = [];
  for (let i = 0; i < shifts.count; i += 1) windows.push([shifts.starts[i]!, shifts.ends[i]!]);
  for (let p = 0; p < horizon; p += period) {
    let left = maintenance.minutes;
    for (const w of windows) {
      if (left <= 0) break;
      if (w[0] < p || w[0] >= p + period) continue;
      const take = Math.min(left, w[1] - w[0]);
      w[0] += take;
      left -= take;
    }
  }
  return ShiftCalendar.fromWindows(windows);
}
