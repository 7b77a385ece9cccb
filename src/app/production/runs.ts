import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Tx } from '../../store/database.ts';
import type { LotRecord } from '../../store/repositories/lots.ts';
import { orderRepository, type ProductionOrderRecord } from '../../store/repositories/orders.ts';
import { runRepository, type RunRecord } from '../../store/repositories/runs.ts';
import { scheduleRepository, type PlacementRecord } from '../../store/repositories/schedules.ts';
import { actorRef, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { commissionLot } from './lots.ts';

interface OpenRun {
  run: RunRecord;
  order: ProductionOrderRecord;
  /** Good rounds made for the order by earlier runs. */
  orderGoodBefore: number;
  dirty: boolean;
  /** The order's status as the records hold it (written on flush when it changed). */
  statusInRecords: ProductionOrderRecord['status'];
}

/**
 * Turns a line's counts into production runs and lots, inside one transaction. Counts on a line
 * go to its open run; a line with none starts a run for the first placement of the schedule in
 * force on that line whose order is not done (dispatch). Each time a run's good rounds not yet
 * in a lot reach the lot size, a lot is commissioned; when the order has all its good rounds,
 * the run ends and the rest becomes the last lot. Call `flush()` before the transaction ends.
 *
 * @example
 * const book = new RunBook(tx, app, actor);
 * const refusal = await book.addCounts('L1', '2026-01-05T08:00:00.000Z', 1200, 4);
 * await book.flush();
 */
export class RunBook {
  private readonly open = new Map<string, OpenRun | null>();
  private scenario: Scenario | undefined;
  private placements: PlacementRecord[] | undefined;
  readonly lots: LotRecord[] = [];
  readonly runsStarted: RunRecord[] = [];
  private readonly closed: OpenRun[] = [];

  constructor(
    private readonly tx: Tx,
    private readonly app: Pick<AppContext, 'ids'>,
    private readonly actor: Actor,
  ) {}

  /**
   * The common case without a round trip: the line has a run open already and these rounds
   * neither fill a lot nor finish the order. Returns false when `addCounts` must do the work.
   */
  addCountsFast(lineId: string, processed: number, defective: number, productId?: string): boolean {
    const open = this.open.get(lineId);
    if (open === undefined || open === null || this.scenario === undefined) return false;
    if (productId !== undefined && productId !== open.run.productId) return false;
    const run = open.run;
    const good = run.good + processed - defective;
    if (good - run.lotted >= this.scenario.plant.lots.roundsPerLot) return false;
    if (open.orderGoodBefore + good >= open.order.quantity) return false;
    // In place: this runs once per count event.
    const mutable = run as { -readonly [K in keyof RunRecord]: RunRecord[K] };
    mutable.processed += processed;
    mutable.defective += defective;
    mutable.good = good;
    open.dirty = true;
    return true;
  }

  /**
   * Adds `processed` and `defective` rounds made on a line up to `at`. Returns why not, when the
   * line has nothing to make (no order dispatched) or makes another product than its run.
   */
  async addCounts(
    lineId: string,
    at: string,
    processed: number,
    defective: number,
    productId?: string,
  ): Promise<string | undefined> {
    if (processed === 0 && defective === 0) return undefined;
    const open = await this.openRun(lineId, at);
    if (open === undefined) {
      return `line ${lineId} has no production order to run: none of the schedule's placements on it is open (run headstamp schedule)`;
    }
    if (productId !== undefined && productId !== open.run.productId) {
      return `line ${lineId} reports product ${productId}, but its run is for ${open.run.productId} (order ${open.order.orderNumber})`;
    }
    const good = processed - defective;
    open.run = {
      ...open.run,
      processed: open.run.processed + processed,
      defective: open.run.defective + defective,
      good: open.run.good + good,
    };
    open.dirty = true;
    const lotSize = (await this.loadScenario()).plant.lots.roundsPerLot;
    while (open.run.good - open.run.lotted >= lotSize) await this.commission(open, lotSize, at);
    if (open.orderGoodBefore + open.run.good >= open.order.quantity) {
      const rest = open.run.good - open.run.lotted;
      if (rest > 0) await this.commission(open, rest, at);
      open.run = { ...open.run, endedAt: at };
      open.order = { ...open.order, status: 'done' };
      this.closed.push(open);
      this.open.set(lineId, null);
    }
    return undefined;
  }

  /** Writes every changed run and order. */
  async flush(): Promise<void> {
    const runs = runRepository(this.tx);
    const orders = orderRepository(this.tx);
    const all = [...this.closed, ...[...this.open.values()].filter((o): o is OpenRun => o !== null)];
    for (const o of all) {
      if (!o.dirty) continue;
      await runs.update(o.run);
      if (o.order.status !== o.statusInRecords) await orders.setStatus(o.order.id, o.order.status);
      o.statusInRecords = o.order.status;
      o.dirty = false;
    }
    this.closed.length = 0;
  }

  private async commission(open: OpenRun, quantity: number, at: string): Promise<void> {
    const lot = await commissionLot(this.tx, this.app, await this.loadScenario(), this.actor, {
      run: open.run,
      quantity,
      at,
    });
    open.run = { ...open.run, lotted: open.run.lotted + quantity };
    this.lots.push(lot);
  }

  private async openRun(lineId: string, at: string): Promise<OpenRun | undefined> {
    const cached = this.open.get(lineId);
    if (cached !== undefined && cached !== null) return cached;
    const runs = runRepository(this.tx);
    const orders = orderRepository(this.tx);
    if (cached === undefined) {
      const run = await runs.openOnLine(lineId);
      if (run !== undefined) {
        const order = await orders.productionOrder(run.productionOrderId);
        if (order !== undefined) {
          const open: OpenRun = {
            run,
            order,
            orderGoodBefore: (await runs.goodForOrder(order.id)) - run.good,
            dirty: false,
            statusInRecords: order.status,
          };
          this.open.set(lineId, open);
          return open;
        }
      }
    }
    // Dispatch: the first placement on this line whose order still wants rounds.
    this.placements ??= (await scheduleRepository(this.tx).latest())?.placements ?? [];
    for (const p of this.placements) {
      if (p.lineId !== lineId) continue;
      const order = await orders.productionOrder(p.productionOrderId);
      if (order === undefined || order.status === 'done') continue;
      if (this.closed.some((c) => c.order.id === order.id)) continue;
      const run: RunRecord = {
        id: this.app.ids.next('run'),
        productionOrderId: order.id,
        lineId,
        productId: order.productId,
        startedAt: at,
        endedAt: null,
        processed: 0,
        good: 0,
        defective: 0,
        lotted: 0,
        actor: actorRef(this.actor),
      };
      await runs.insert(run);
      this.runsStarted.push(run);
      const open: OpenRun = {
        run,
        order: { ...order, status: 'running' },
        orderGoodBefore: await runs.goodForOrder(order.id),
        dirty: true,
        statusInRecords: order.status,
      };
      this.open.set(lineId, open);
      return open;
    }
    this.open.set(lineId, null);
    return undefined;
  }

  private async loadScenario(): Promise<Scenario> {
    this.scenario ??= await plantScenario(this.tx);
    return this.scenario;
  }
}
