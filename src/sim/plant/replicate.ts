/**
 * One replication of the plant model: lines, shift windows, failures and repairs, changeovers
 * between campaigns, component stock with deliveries and stock-outs, over the horizon.
 *
 * Steady running is treated as flow between state changes: while a line runs, it makes rounds at
 * its rated rate less its micro-stop load (micro-stops are lumped: a line has tens of thousands
 * of them a year, so their yearly total hardly varies), and at each state change the rounds made
 * since the last one are split into good and rejected by an exact binomial draw. The failure clock
 * counts running minutes; repairs run in calendar time (also outside windows); changeovers take
 * window time. Components are consumed per processed round; when a component runs out, every
 * line that needs it is starved until the next delivery.
 *
 * @example
 * const plant = compilePlant(scenario);
 * const result = replicate(plant, 20260105, 0);
 * result.lines[0].good; // good rounds of the first line over the horizon
 */
import { sampleBinomial } from '../distributions.ts';
import { type RandomStream, RandomStreams } from '../random.ts';
import { Simulation } from '../simulation.ts';
import type { PlantModel } from './model.ts';

/** What one line did in one replication: quantities per product and its time elements. */
export interface LineOutcome {
  readonly good: number;
  readonly rejected: number;
  /** By product index. */
  readonly goodByProduct: number[];
  readonly rejectedByProduct: number[];
  /** Minutes: shift windows, planned maintenance, PBT and its parts. */
  readonly shiftTime: number;
  readonly maintenanceTime: number;
  readonly plannedBusyTime: number;
  readonly productionTime: number;
  readonly microStopTime: number;
  readonly setupTime: number;
  readonly failureTime: number;
  /** Starved minutes by component index. */
  readonly starvedTime: number[];
  readonly failures: number;
  readonly changeovers: number;
}

export interface ReplicationResult {
  readonly replication: number;
  readonly lines: LineOutcome[];
  readonly events: number;
}

const RUN = 0;
const SETUP = 1;
const REPAIR = 2;
const STARVED = 3;

const WINDOW_OPEN = 0;
const WINDOW_CLOSE = 1;
const FAILURE = 2;
const REPAIR_DONE = 3;
const SETUP_DONE = 4;
const CAMPAIGN_DONE = 5;
const DELIVERY = 6;
const STOCK_OUT = 7;

// Less than half a unit left counts as none (stock is integrated in floating point).
const EMPTY = 0.5;

interface LineState {
  inWindow: boolean;
  windowIndex: number;
  phase: number;
  ttfLeft: number;
  campaignIndex: number;
  campaignLeft: number;
  product: number;
  setupLeft: number;
  repairEnd: number;
  starvedOn: number;
  since: number;
  made: number;
  processed: number;
  version: number;
  rng: RandomStream;
  outcome: Mutable<LineOutcome>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Runs replication `replication` of the study with base seed `seed`. */
export function replicate(plant: PlantModel, seed: number, replication: number): ReplicationResult {
  const sim = new Simulation(64);
  const streams = new RandomStreams(seed);
  const products = plant.products;
  const components = plant.components;
  const stock = Float64Array.from(components, (c) => c.initialStock);
  const rate = new Float64Array(components.length);
  let stockSince = 0;
  let stockVersion = 0;

  const lines: LineState[] = plant.lines.map((line) => {
    const rng = streams.stream(`replication:${replication}/line:${line.id}`);
    // A line with several products starts the year somewhere in its campaign cycle, at random:
    // otherwise every replication would end the year in the same campaign.
    const campaignIndex = line.campaign.length > 1 ? rng.nextInt(line.campaign.length) : 0;
    const first = line.campaign[campaignIndex];
    const campaignLeft =
      first === undefined
        ? Infinity
        : line.campaign.length > 1
          ? first.campaignRounds * rng.nextOpen()
          : Infinity;
    const windowIndex = line.calendar.windowIndex(0);
    return {
      inWindow: windowIndex < line.calendar.count && line.calendar.starts[windowIndex]! <= 0,
      windowIndex,
      phase: RUN,
      ttfLeft: line.timeToFailure.sample(rng),
      campaignIndex,
      campaignLeft,
      product: first?.product ?? -1,
      setupLeft: 0,
      repairEnd: 0,
      starvedOn: -1,
      since: 0,
      made: 0,
      processed: 0,
      version: 0,
      rng,
      outcome: {
        good: 0,
        rejected: 0,
        goodByProduct: products.map(() => 0),
        rejectedByProduct: products.map(() => 0),
        shiftTime: line.shifts.totalMinutes,
        maintenanceTime: line.shifts.totalMinutes - line.calendar.totalMinutes,
        plannedBusyTime: line.calendar.totalMinutes,
        productionTime: 0,
        microStopTime: 0,
        setupTime: 0,
        failureTime: 0,
        starvedTime: components.map(() => 0),
        failures: 0,
        changeovers: 0,
      },
    };
  });

  const flowRate = (i: number): number => plant.lines[i]!.ratedRate / (1 + plant.lines[i]!.microStopLoad);

  /** Books what line i did since its last state change. */
  const settle = (i: number, t: number): void => {
    const s = lines[i]!;
    const dt = t - s.since;
    s.since = t;
    if (dt <= 0 || !s.inWindow) return;
    const o = s.outcome;
    switch (s.phase) {
      case RUN: {
        const line = plant.lines[i]!;
        const load = line.microStopLoad;
        o.productionTime += dt;
        o.microStopTime += (dt * load) / (1 + load);
        s.ttfLeft -= dt / (1 + load);
        const amount = flowRate(i) * dt;
        s.campaignLeft -= amount;
        s.made += amount;
        const n = Math.floor(s.made + 1e-6) - s.processed;
        if (n > 0 && s.product >= 0) {
          s.processed += n;
          const bad = sampleBinomial(s.rng, n, line.rejectRate);
          o.good += n - bad;
          o.rejected += bad;
          o.goodByProduct[s.product]! += n - bad;
          o.rejectedByProduct[s.product]! += bad;
        }
        break;
      }
      case SETUP:
        o.setupTime += dt;
        s.setupLeft -= dt;
        break;
      case REPAIR:
        o.failureTime += dt;
        break;
      case STARVED:
        o.starvedTime[s.starvedOn]! += dt;
        break;
    }
  };

  const settleStock = (t: number): void => {
    const dt = t - stockSince;
    stockSince = t;
    if (dt <= 0) return;
    for (let c = 0; c < stock.length; c += 1) stock[c] = stock[c]! - rate[c]! * dt;
  };

  const recomputeRates = (): void => {
    rate.fill(0);
    for (let i = 0; i < lines.length; i += 1) {
      const s = lines[i]!;
      if (!s.inWindow || s.phase !== RUN || s.product < 0) continue;
      const r = flowRate(i);
      for (const b of products[s.product]!.bill) rate[b.component]! += r * b.perRound;
    }
  };

  const missingComponent = (s: LineState): number => {
    if (s.product < 0) return -1;
    for (const b of products[s.product]!.bill) if (stock[b.component]! < EMPTY) return b.component;
    return -1;
  };

  /** Puts a line that is ready to run into RUN, or STARVED when a component is out. */
  const tryRun = (s: LineState): void => {
    const missing = missingComponent(s);
    s.phase = missing >= 0 ? STARVED : RUN;
    s.starvedOn = missing;
  };

  const scheduleLine = (i: number): void => {
    const s = lines[i]!;
    const line = plant.lines[i]!;
    s.version += 1;
    const t = sim.now;
    const tag = i | (s.version << 8);
    if (!s.inWindow) {
      const open = line.calendar.starts[s.windowIndex] ?? Infinity;
      if (s.phase === REPAIR && s.repairEnd < open) sim.at(s.repairEnd, REPAIR_DONE, tag);
      else if (open <= plant.horizon) sim.at(open, WINDOW_OPEN, tag);
      return;
    }
    let when = line.calendar.ends[s.windowIndex]!;
    let kind = WINDOW_CLOSE;
    let at = Infinity;
    let atKind = WINDOW_CLOSE;
    switch (s.phase) {
      case RUN: {
        const failure = t + Math.max(0, s.ttfLeft) * (1 + line.microStopLoad);
        const done = t + Math.max(0, s.campaignLeft) / flowRate(i);
        at = failure <= done ? failure : done;
        atKind = failure <= done ? FAILURE : CAMPAIGN_DONE;
        break;
      }
      case SETUP:
        at = t + Math.max(0, s.setupLeft);
        atKind = SETUP_DONE;
        break;
      case REPAIR:
        at = s.repairEnd;
        atKind = REPAIR_DONE;
        break;
      case STARVED:
        break;
    }
    if (at < when) {
      when = at;
      kind = atKind;
    }
    sim.at(when, kind, tag);
  };

  // The stock-out check is rescheduled only when its time moves, so that a stale check does not
  // sit in the event list for every state change.
  let stockOutAt = Infinity;
  const scheduleStockOut = (): void => {
    let when = Infinity;
    for (let c = 0; c < stock.length; c += 1) {
      if (rate[c]! > 0) when = Math.min(when, sim.now + Math.max(0, stock[c]!) / rate[c]!);
    }
    if (when > plant.horizon) when = Infinity;
    if (when === stockOutAt) return;
    stockOutAt = when;
    stockVersion += 1;
    if (when !== Infinity) sim.at(when, STOCK_OUT, stockVersion);
  };

  /** Before a line changes state: books stock and the line's work up to now. */
  const begin = (i: number): void => {
    settleStock(sim.now);
    settle(i, sim.now);
  };

  /** After a line changed state: new consumption rates, the line's next event, the stock check. */
  const end = (i: number): void => {
    recomputeRates();
    scheduleLine(i);
    scheduleStockOut();
  };

  const handle = (kind: number, entity: number): void => {
    if (kind === DELIVERY) {
      const component = entity >> 16;
      const delivery = components[component]!.deliveries[entity & 0xffff]!;
      settleStock(sim.now);
      stock[component] = Math.max(0, stock[component]!) + delivery.quantity;
      for (let i = 0; i < lines.length; i += 1) {
        if (lines[i]!.phase !== STARVED) continue;
        begin(i);
        tryRun(lines[i]!);
        end(i);
      }
      recomputeRates();
      scheduleStockOut();
      return;
    }
    if (kind === STOCK_OUT) {
      if (entity !== stockVersion) return;
      stockOutAt = Infinity;
      settleStock(sim.now);
      for (let i = 0; i < lines.length; i += 1) {
        const s = lines[i]!;
        if (!s.inWindow || s.phase !== RUN || missingComponent(s) < 0) continue;
        begin(i);
        tryRun(s);
        end(i);
      }
      recomputeRates();
      scheduleStockOut();
      return;
    }
    const i = entity & 0xff;
    const s = lines[i]!;
    if (entity >>> 8 !== (s.version & 0xffffff)) return;
    const line = plant.lines[i]!;
    begin(i);
    switch (kind) {
      case WINDOW_OPEN:
        s.inWindow = true;
        // Stock may have run out overnight (other lines, other calendars): check before running.
        if (s.phase === STARVED || s.phase === RUN) tryRun(s);
        break;
      case WINDOW_CLOSE:
        s.inWindow = false;
        s.windowIndex += 1;
        break;
      case FAILURE:
        s.phase = REPAIR;
        s.repairEnd = sim.now + line.repair.sample(s.rng);
        s.outcome.failures += 1;
        break;
      case REPAIR_DONE:
        s.ttfLeft = line.timeToFailure.sample(s.rng);
        tryRun(s);
        break;
      case SETUP_DONE:
        tryRun(s);
        break;
      case CAMPAIGN_DONE: {
        const from = s.product;
        s.campaignIndex = (s.campaignIndex + 1) % line.campaign.length;
        const next = line.campaign[s.campaignIndex]!;
        s.product = next.product;
        s.campaignLeft += next.campaignRounds;
        s.setupLeft = line.changeover(from, next.product);
        if (from !== next.product) s.outcome.changeovers += 1;
        if (s.setupLeft > 0) s.phase = SETUP;
        else tryRun(s);
        break;
      }
    }
    end(i);
  };

  components.forEach((c, ci) =>
    c.deliveries.forEach((d, di) => {
      if (d.at <= plant.horizon) sim.at(d.at, DELIVERY, (ci << 16) | di);
    }),
  );
  lines.forEach((s, i) => {
    if (s.inWindow) tryRun(s);
    scheduleLine(i);
  });
  recomputeRates();
  scheduleStockOut();
  sim.run(plant.horizon, handle);
  settleStock(plant.horizon);
  lines.forEach((_, i) => settle(i, plant.horizon));

  return { replication, lines: lines.map((s) => s.outcome), events: sim.events };
}
