import type { UserActor } from '../app/actor.ts';
import { plantClock, setPlantClock } from '../app/clock.ts';
import type { AppContext } from '../app/context.ts';
import { listOrders } from '../app/orders.ts';
import { plantScenario } from '../app/plant-setup.ts';
import { localDate, localInstant, zoneOffsetMinutes } from '../app/plant-time.ts';
import { listLots } from '../app/production/lots-query.ts';
import { currentSchedule, makeSchedule, productsOnLines } from '../app/production/schedule.ts';
import { systemClock } from '../app/runtime.ts';
import { actorFor } from '../app/users.ts';
import { ManualClock, type IdGenerator } from '../domain/clock.ts';
import { RefusedError } from '../domain/errors.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import { compilePlant } from '../sim/plant/model.ts';
import { RandomStreams, type RandomStream } from '../sim/random.ts';
import type { Store } from '../store/database.ts';
import { TwinLine, type TwinLineEvent } from './line.ts';
import { ensureCrew, type Crew } from './people/crew.ts';
import {
  confirmReceipts,
  keepAuthorisations,
  packAndStore,
  shipDay,
  type LogisticsTally,
  type ShippingBook,
} from './people/logistics.ts';
import { placeOrders } from './people/orders.ts';
import { inspectLots, type QualityTally } from './people/quality.ts';
import { directSink, type LineEventSink } from './sink.ts';

export interface TwinOptions {
  readonly store: Store;
  /** The admin who creates the twin's users and first switches the records to simulated time. */
  readonly admin: string;
  /** Seed of every random stream (lines, orders, sampling, shipping); default 1. */
  readonly seed?: number;
  /** Running minutes between two counts of a line (default 10; live: 1). */
  readonly countEveryMinutes?: number;
  /**
   * Simulated minutes of silence after which a line repeats its state (default never; live:
   * under the ingest's silence timeout, so that a stopped line is not taken for a lost one).
   */
  readonly heartbeatMinutes?: number;
  /** Where line events go (default: the batch ingest use case, in process). */
  readonly sink?: LineEventSink;
  readonly log?: (message: string) => void;
}

/** What a twin run did. */
export interface TwinTally extends QualityTally, LogisticsTally {
  from: string;
  to: string;
  lineEvents: number;
  lineEventsRefused: number;
  orders: number;
  schedules: number;
  lots: number;
}

const MINUTE = 60_000;
/** Local hour of the day's shipments. */
const SHIPPING_HOUR = 10;
/** Hours a shipment is on the road before the consignee confirms receipt. */
const TRANSIT_HOURS = 20;

/**
 * The digital twin: runs the plant model on the records' simulated clock. Lines report
 * through a sink (the ingest path), and the people around them act through the same use cases
 * as anyone, each as its own user: consignees order, the planner schedules, inspectors sample
 * and release, logistics packs, stores and ships against authorisations, consignees confirm
 * receipt. A new twin carries on from the simulated "now" the records hold.
 *
 * @example
 * const twin = await PlantTwin.open({ store, admin: 'admin', seed: 7 });
 * await twin.advance(3 * 1440);
 * twin.tally.lots; // lots commissioned in those three days
 */
export class PlantTwin {
  readonly tally: TwinTally;
  private readonly lines: TwinLine[];
  private readonly rng: { orders: RandomStream; quality: RandomStream; shipping: RandomStream };
  private readonly settled = new Set<string>();
  private readonly book: ShippingBook = { loaded: false, shipped: new Set(), lotOwners: new Map() };
  /** The product (index into the plant model's products) each line has work for. */
  private work = new Map<string, number>();
  private readonly productIds: readonly string[];
  private inForce = new Map<string, string>();
  private minute: number;
  private stepsTaken = 0;
  private refusedTried = false;
  private lotsAtStart = 0;

  private constructor(
    readonly context: AppContext,
    private readonly clock: ManualClock,
    readonly scenario: Scenario,
    readonly crew: Crew,
    private readonly origin: number,
    private readonly sink: LineEventSink,
    private readonly log: (message: string) => void,
    private opening: boolean,
    seed: number,
    countEvery: number,
    heartbeat: number,
  ) {
    this.minute = Math.round((clock.now().getTime() - origin) / MINUTE);
    const tag = this.minute.toString(36);
    const streams = new RandomStreams(seed);
    const model = compilePlant(scenario, { horizon: this.minute + 3 * 366 * 1440 });
    const toIso = (m: number): string => new Date(origin + m * MINUTE).toISOString();
    this.productIds = model.products.map((p) => p.id);
    this.lines = model.lines.map(
      (l) =>
        new TwinLine(
          l,
          streams.stream(`line:${l.id}@${tag}`),
          toIso,
          countEvery,
          `twin-${l.id}-${tag}`,
          heartbeat,
        ),
    );
    this.rng = {
      orders: streams.stream(`orders@${tag}`),
      quality: streams.stream(`quality@${tag}`),
      shipping: streams.stream(`shipping@${tag}`),
    };
    const at = clock.now().toISOString();
    this.tally = {
      from: at,
      to: at,
      lineEvents: 0,
      lineEventsRefused: 0,
      orders: 0,
      schedules: 0,
      lots: 0,
      inspected: 0,
      released: 0,
      rejected: 0,
      packed: 0,
      shipments: 0,
      received: 0,
      authorisations: 0,
      refused: [],
    };
  }

  /**
   * Opens the twin on the records: on records still in real time, switches them to simulated
   * time at the scenario's start (00:00 plant local time of its start date); creates the
   * twin's users on first use.
   */
  static async open(options: TwinOptions): Promise<PlantTwin> {
    const { store } = options;
    const scenario = await plantScenario(store);
    const tz = scenario.plant.timezone;
    const origin = localInstant(tz, scenario.plant.startDate).getTime();
    const admin: UserActor = await actorFor({ store }, options.admin);
    const recorded = await plantClock(store);
    const clock = new ManualClock(recorded === systemClock ? new Date(origin) : recorded.now());
    const ids = sequentialIds(Math.round((clock.now().getTime() - origin) / MINUTE));
    const context: AppContext = { store, clock, ids };
    if (recorded === systemClock) {
      await setPlantClock(context, admin, { mode: 'simulated', now: clock.now() });
    }
    const crew = await ensureCrew(context, admin, scenario);
    const opening = (await listOrders(context, crew.planner)).length === 0;
    const twin = new PlantTwin(
      context,
      clock,
      scenario,
      crew,
      origin,
      options.sink ?? directSink(),
      options.log ?? (() => undefined),
      opening,
      options.seed ?? 1,
      options.countEveryMinutes ?? 10,
      options.heartbeatMinutes ?? Infinity,
    );
    twin.lotsAtStart = (await listLots(context, crew.inspector)).length;
    await twin.assumeSetUps();
    return twin;
  }

  /** The simulated "now". */
  now(): Date {
    return this.clock.now();
  }

  /**
   * Runs the plant `minutes` of simulated time forward, in steps that end on each full hour
   * (when the people act) and are at most `maxStep` minutes long; `signal` stops it after the
   * step under way.
   */
  async advance(
    minutes: number,
    options: { maxStep?: number; onStep?: (done: number) => void; signal?: AbortSignal } = {},
  ): Promise<void> {
    const end = this.minute + Math.max(0, Math.floor(minutes));
    const start = this.minute;
    const maxStep = Math.max(1, options.maxStep ?? 60);
    // Stopping between steps leaves the records where a later run carries on.
    while (this.minute < end && options.signal?.aborted !== true) {
      const nextHour = (Math.floor(this.minute / 60) + 1) * 60;
      const to = Math.min(end, nextHour, this.minute + maxStep);
      await this.step(this.minute, to);
      options.onStep?.(to - start);
      // Let timers, signals and I/O in between steps: SQLite answers synchronously, so a run of
      // steps would otherwise hold the event loop (and a Ctrl-C) until its end.
      await new Promise<void>((resume) => setImmediate(resume));
    }
  }

  private async step(from: number, to: number): Promise<void> {
    const first = this.stepsTaken === 0;
    this.stepsTaken += 1;
    if (first) await this.actAsPeople(true);
    this.clock.set(new Date(this.origin + to * MINUTE));
    await setPlantClock(this.context, this.crew.clockKeeper, { mode: 'simulated', now: this.clock.now() });
    for (const line of this.lines) {
      const events: TwinLineEvent[] = line.step(from, to, this.work.get(line.model.id));
      if (events.length === 0) continue;
      const refused = await this.sink(this.context, line.model.id, events);
      this.tally.lineEvents += events.length;
      this.tally.lineEventsRefused += refused;
    }
    this.minute = to;
    if (to % 60 === 0) await this.actAsPeople(false);
    this.tally.to = this.clock.now().toISOString();
  }

  /** The hour's acts of the people around the lines, in the order a plant's day runs. */
  private async actAsPeople(first: boolean): Promise<void> {
    const { context: app, crew, scenario } = this;
    const now = this.clock.now();
    const tz = scenario.plant.timezone;
    const today = localDate(tz, now);
    const localHour = Math.floor(
      ((((now.getTime() / MINUTE + zoneOffsetMinutes(tz, now)) % 1440) + 1440) % 1440) / 60,
    );
    if (first || localHour === 0)
      this.inForce = await keepAuthorisations(app, crew, scenario, today, this.tally);

    const placed = await placeOrders(
      app,
      crew,
      scenario,
      this.rng.orders,
      today,
      first ? 0 : 1,
      this.opening,
    );
    this.opening = false;
    this.tally.orders += placed;
    if (placed > 0 || first || localHour === 5) {
      await makeSchedule(app, crew.planner);
      this.tally.schedules += 1;
    }
    this.work = await this.workOnLines();

    const toPack = await inspectLots(app, crew, scenario, this.rng.quality, this.settled, this.tally);
    for (const lotNumber of toPack) await packAndStore(app, crew, scenario, lotNumber, this.tally);

    if (localHour === SHIPPING_HOUR && !first) {
      // Now and then (and once early in every run) logistics tries a shipment that no valid
      // authorisation covers; the refusal is what the test of the control looks for.
      const tryRefused = !this.refusedTried || this.rng.shipping.next() < 1 / 7;
      const before = this.tally.refused.length;
      await shipDay(app, crew, scenario, this.inForce, this.book, today, tryRefused, this.tally);
      for (const r of this.tally.refused.slice(before)) {
        this.refusedTried = true;
        this.log(`refused: shipment to ${r.consigneeId} citing ${r.citing}: ${r.reasons.join('; ')}`);
      }
    }
    await confirmReceipts(app, crew, now, TRANSIT_HOURS, this.tally);
    this.tally.lots = (await listLots(app, crew.inspector)).length - this.lotsAtStart;
  }

  /**
   * What each line is to make now, as the records' dispatch (`RunBook`) sees it: the product of
   * its open run (a run goes on until its order is done), else that of the first placement of
   * the schedule in force on it whose order is not done. A product other than the line's set-up
   * is a changeover.
   */
  private async workOnLines(): Promise<Map<string, number>> {
    let placements;
    try {
      placements = (await currentSchedule(this.context, this.crew.planner)).placements;
    } catch (error) {
      if (error instanceof RefusedError) return new Map();
      throw error;
    }
    const making = await productsOnLines(this.context, this.crew.planner);
    const done = new Set(
      (await listOrders(this.context, this.crew.planner))
        .filter((o) => o.status === 'done')
        .map((o) => o.productionOrderId),
    );
    const work = new Map<string, number>();
    for (const p of placements) {
      if (work.has(p.lineId) || done.has(p.productionOrderId)) continue;
      const product = this.productIds.indexOf(making.get(p.lineId) ?? p.productId);
      if (product >= 0) work.set(p.lineId, product);
    }
    // A run goes on even when a new schedule no longer places its order on the line.
    for (const [lineId, productId] of making) {
      const product = this.productIds.indexOf(productId);
      if (!work.has(lineId) && product >= 0) work.set(lineId, product);
    }
    return work;
  }

  /**
   * What each line was last set up for, from its last lot in the records: a new run of the twin
   * carries on from it, so that work for another product starts with a changeover.
   */
  private async assumeSetUps(): Promise<void> {
    const lots = await listLots(this.context, this.crew.inspector);
    const last = new Map<string, { at: string; productId: string }>();
    for (const lot of lots) {
      const seen = last.get(lot.lineId);
      if (seen === undefined || lot.commissionedAt >= seen.at)
        last.set(lot.lineId, { at: lot.commissionedAt, productId: lot.productId });
    }
    for (const line of this.lines) {
      const product = this.productIds.indexOf(last.get(line.model.id)?.productId ?? '');
      if (product >= 0) line.assumeSetUpFor(product);
    }
  }
}

/** Ids made of what they name, the run's starting minute and a counter: one seed, one set of ids. */
function sequentialIds(startMinute: number): IdGenerator {
  const tag = `t${startMinute.toString(36)}`;
  let n = 0;
  return {
    next: (prefix: string) => {
      n += 1;
      return `${prefix}-${tag}-${n.toString(36).padStart(6, '0')}`;
    },
  };
}
