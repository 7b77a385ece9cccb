/**
 * Orders generated from a scenario's demand (mix, consignee shares, order sizes and lead time),
 * deterministically from a seed: the same scenario and seed give the same orders. Used to load a
 * plan with a realistic year of work (benchmarks, the twin, demonstrations).
 */
import type { Scenario } from '../domain/scenario/index.ts';
import { DAY, dateAfter } from './scenario.ts';
import type { PlanOrder } from './types.ts';

export interface GeneratedOrder extends PlanOrder {
  readonly consignee: string;
  readonly releaseDate: string;
  readonly dueDate: string;
  readonly release: number;
  readonly priority: number;
}

export interface GenerateOptions {
  /** Default the scenario's simulation seed. */
  readonly seed?: number;
  /** Days over which orders arrive; default 365. */
  readonly days?: number;
  /** Date of minute 0 and of the first day; default the plant's start date. */
  readonly origin?: string;
  /** Id prefix; default `GO-`. */
  readonly prefix?: string;
}

/**
 * About `demand.orders.perYear` orders a year, spread evenly over the days (one per stratum,
 * at a seeded random point in it), products drawn by the mix, consignees by their shares, sizes
 * uniform in whole crates between `minRounds` and `maxRounds`, due `leadTimeDays` after release.
 * No `demand.orders` in the scenario: no orders.
 *
 * @example
 * const orders = generateOrders(scenario, { seed: 1 });
 * orders.length; // 2000 for the seed plant
 */
export function generateOrders(scenario: Scenario, options: GenerateOptions = {}): GeneratedOrder[] {
  const spec = scenario.demand.orders;
  if (spec === undefined) return [];
  const origin = options.origin ?? scenario.plant.startDate;
  const days = options.days ?? 365;
  const random = mulberry32(options.seed ?? scenario.simulation.seed);
  const made = new Set(scenario.lines.filter((l) => l.kind === 'assembly').flatMap((l) => l.products));
  const products = scenario.products.filter((p) => made.has(p.id));
  const mix = cumulative(
    scenario.demand.mix !== undefined
      ? Object.entries(scenario.demand.mix)
      : products.map((p): [string, number] => [p.id, 1 / products.length]),
  );
  const consignees = cumulative(
    scenario.demand.consignees !== undefined
      ? Object.entries(scenario.demand.consignees)
      : scenario.consignees.map((c): [string, number] => [c.id, 1 / scenario.consignees.length]),
  );
  const crate = new Map(products.map((p) => [p.id, p.packaging.roundsPerBox * p.packaging.boxesPerCrate]));
  const n = Math.round((spec.perYear * days) / 365);
  const prefix = options.prefix ?? 'GO-';
  const out: GeneratedOrder[] = [];
  for (let k = 0; k < n; k++) {
    const day = Math.min(days - 1, Math.floor(((k + random()) * days) / n));
    const product = pick(mix, random());
    const consignee = pick(consignees, random());
    const size = crate.get(product) ?? 1;
    const low = Math.max(1, Math.ceil(spec.minRounds / size));
    const high = Math.max(low, Math.floor(spec.maxRounds / size));
    const crates = low + Math.floor(random() * (high - low + 1));
    const dueDay = day + spec.leadTimeDays;
    out.push({
      id: `${prefix}${String(k + 1).padStart(5, '0')}`,
      product,
      consignee,
      quantity: crates * size,
      release: day * DAY,
      due: (dueDay + 1) * DAY,
      priority: 1,
      releaseDate: dateAfter(origin, day),
      dueDate: dateAfter(origin, dueDay),
    });
  }
  return out;
}

function cumulative(shares: readonly [string, number][]): [string, number][] {
  const total = shares.reduce((s, [, v]) => s + v, 0) || 1;
  let acc = 0;
  return shares.map(([id, v]) => {
    acc += v / total;
    return [id, acc];
  });
}

function pick(table: readonly [string, number][], u: number): string {
  for (const [id, upTo] of table) if (u < upTo) return id;
  return table[table.length - 1]?.[0] ?? '';
}

/** A small, fast, seeded generator of uniform numbers in [0, 1) (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
