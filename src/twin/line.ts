import type { PackMLState, StopReasonCode } from '../domain/line/index.ts';
import { sampleBinomial } from '../sim/distributions.ts';
import type { LineModel } from '../sim/plant/model.ts';
import type { RandomStream } from '../sim/random.ts';

/** A line event as the twin's line sends it (the ingest's input shape, with its event id). */
export type TwinLineEvent =
  | {
      eventId: string;
      kind: 'state';
      lineId: string;
      at: string;
      state: PackMLState;
      reason?: StopReasonCode;
    }
  | {
      eventId: string;
      kind: 'count';
      lineId: string;
      at: string;
      processed: number;
      defective: number;
      counterReset?: boolean;
    }
  | { eventId: string; kind: 'stop'; lineId: string; at: string; reason: StopReasonCode; endedAt?: string };

/**
 * One assembly line of the twin, stepped through simulated time: shift windows (planned
 * maintenance taken out), failures on the running-minute clock, repairs in calendar time,
 * micro-stops lumped into the running rate, rejects drawn binomially. It says what a real
 * line's controller would: PackML states, cumulative counts, stops with their reasons.
 *
 * Time is in minutes from the scenario's start (local midnight), as in the simulator; `toIso`
 * turns a minute into the instant the events carry. Each run of the twin starts a line from
 * `Stopped` with its counters from zero (`counterReset` on the first count), so a run never
 * needs the previous run's counters and carries on from whatever state the records hold.
 *
 * Changeovers: the line is told, each step, which product the schedule in force has it make.
 * When that is another product than the one it is set up for, it stops (`Stopped`, reason
 * `changeover`, the catalogue's set-up time) for the scenario's changeover matrix time, taken
 * in window time as the plant model takes it (a changeover left at the end of a shift goes on
 * in the next one; no failures while setting up), then resets (`Idle`) and starts again; the
 * finished changeover is also reported as a stop with its start and end.
 *
 * @example
 * const line = new TwinLine(model, streams.stream('line:L1'), toIso, 10, 'twin-L1');
 * const events = line.step(0, 60, 0); // the first hour's events, making product 0
 */
export class TwinLine {
  private state: PackMLState | undefined;
  private processed = 0;
  private defective = 0;
  private fraction = 0;
  private toFailure: number;
  private repairUntil = -Infinity;
  private sentFirstCount = false;
  private seq = 0;
  /** The breakdown under repair: reported as a stop once the repair ends (no times ahead of now). */
  private pendingStop: { at: number; until: number } | undefined;
  private reason: StopReasonCode | undefined;
  /** The product (index into the plant model's products) the line is set up for, once known. */
  private product: number | undefined;
  /** Window minutes of changeover still to do, and when the changeover began (once it has). */
  private setupLeft = 0;
  private setupSince: number | undefined;
  /** When the line last reported a state or a count. */
  private lastSaid = -Infinity;

  constructor(
    readonly model: LineModel,
    private readonly rng: RandomStream,
    private readonly toIso: (minute: number) => string,
    /** Running minutes between two counts. */
    private readonly countEvery: number,
    private readonly idPrefix: string,
    /**
     * Minutes of saying nothing after which the line repeats its state (a gateway's heartbeat,
     * so that the ingest does not mark a line silent that is merely stopped); default never.
     */
    private readonly heartbeatEvery = Infinity,
  ) {
    this.toFailure = model.timeToFailure.sample(rng);
  }

  get currentState(): PackMLState | undefined {
    return this.state;
  }

  get counters(): { processed: number; defective: number } {
    return { processed: this.processed, defective: this.defective };
  }

  /** The product the line is set up for (index into the plant model's products), if known. */
  get setUpFor(): number | undefined {
    return this.product;
  }

  /** True while a changeover is under way or waiting for the line's next window. */
  get changingOver(): boolean {
    return this.setupLeft > 0;
  }

  /**
   * Tells the line what it was last set up for (from the records, when a run of the twin
   * carries on from an earlier one), so that its first work of another product needs a
   * changeover. Ignored once the line knows its set-up.
   */
  assumeSetUpFor(product: number): void {
    this.product ??= product;
  }

  /** Event ids sort in the order the line said them (same-instant events are read by id). */
  private id(): string {
    this.seq += 1;
    return `${this.idPrefix}-${this.seq.toString(36).padStart(7, '0')}`;
  }

  private emitState(out: TwinLineEvent[], at: number, state: PackMLState, reason?: StopReasonCode): void {
    if (this.state === state && this.reason === reason) return;
    this.state = state;
    this.reason = reason;
    this.lastSaid = at;
    out.push({
      eventId: this.id(),
      kind: 'state',
      lineId: this.model.id,
      at: this.toIso(at),
      state,
      ...(reason === undefined ? {} : { reason }),
    });
  }

  private emitCount(out: TwinLineEvent[], at: number): void {
    this.lastSaid = at;
    out.push({
      eventId: this.id(),
      kind: 'count',
      lineId: this.model.id,
      at: this.toIso(at),
      processed: this.processed,
      defective: this.defective,
      ...(this.sentFirstCount ? {} : { counterReset: true }),
    });
    this.sentFirstCount = true;
  }

  /** Rounds made in `minutes` of running, with their rejects. */
  private produce(minutes: number): void {
    const exact = minutes * this.model.ratedRate * Math.max(0, 1 - this.model.microStopLoad) + this.fraction;
    const rounds = Math.floor(exact);
    this.fraction = exact - rounds;
    if (rounds <= 0) return;
    this.processed += rounds;
    this.defective += sampleBinomial(this.rng, rounds, this.model.rejectRate);
  }

  private flushStop(out: TwinLineEvent[]): void {
    const stop = this.pendingStop;
    if (stop === undefined) return;
    this.pendingStop = undefined;
    out.push({
      eventId: this.id(),
      kind: 'stop',
      lineId: this.model.id,
      at: this.toIso(stop.at),
      reason: 'breakdown',
      endedAt: this.toIso(stop.until),
    });
  }

  /** A changeover to `product` when the line is set up for another one (none when unknown). */
  private changeTo(product: number): void {
    const from = this.product;
    this.product = product;
    if (from === undefined || from === product) return;
    // A changeover broken off for yet another product starts over from the one set up last.
    this.setupLeft = this.model.changeover(from, product);
    if (this.setupLeft <= 0) this.setupLeft = 0;
  }

  /**
   * Sets up during the window from `t`: returns the minute reached (the changeover's end, the
   * window's end or `to`).
   */
  private setUp(out: TwinLineEvent[], t: number, to: number, windowEnd: number): number {
    if (this.setupSince === undefined) this.setupSince = t;
    this.emitState(out, t, 'Stopped', 'changeover');
    const until = Math.min(windowEnd, to, t + this.setupLeft);
    this.setupLeft -= until - t;
    if (this.setupLeft > 1e-9) return until;
    this.setupLeft = 0;
    out.push({
      eventId: this.id(),
      kind: 'stop',
      lineId: this.model.id,
      at: this.toIso(this.setupSince),
      reason: 'changeover',
      endedAt: this.toIso(until),
    });
    this.setupSince = undefined;
    return until;
  }

  /**
   * The line's events from minute `from` to `to`. `work`: the product (index into the plant
   * model's products) the schedule in force gives the line to make, or undefined when it has
   * no order (a line without work stays stopped).
   */
  step(from: number, to: number, work: number | undefined): TwinLineEvent[] {
    const out: TwinLineEvent[] = [];
    this.run(out, from, to, work);
    // The heartbeat: the state repeated (PackML allows a repeated report) after a silence.
    while (this.state !== undefined && to - this.lastSaid >= this.heartbeatEvery) {
      this.lastSaid += this.heartbeatEvery;
      out.push({
        eventId: this.id(),
        kind: 'state',
        lineId: this.model.id,
        at: this.toIso(this.lastSaid),
        state: this.state,
        ...(this.reason === undefined ? {} : { reason: this.reason }),
      });
    }
    return out;
  }

  private run(out: TwinLineEvent[], from: number, to: number, work: number | undefined): void {
    // A new run of the twin: the controller reports Stopped first (reachable from any state).
    if (this.state === undefined) this.emitState(out, from, 'Stopped');
    if (work !== undefined && work !== this.product) this.changeTo(work);
    let t = from;
    while (t < to) {
      const calendar = this.model.calendar;
      if (this.pendingStop !== undefined && this.repairUntil <= t) this.flushStop(out);
      if (this.repairUntil > t) {
        // Down: nothing until the repair ends (repairs run in calendar time).
        if (this.repairUntil >= to) return;
        t = this.repairUntil;
        continue;
      }
      if (work === undefined || !calendar.isOpen(t)) {
        if (this.state === 'Execute' || this.state === 'Held') this.emitState(out, t, 'Stopped');
        if (work === undefined) return;
        const next = calendar.nextOpen(t);
        // Planned maintenance is shift time out of the windows: the line says so, so that the
        // KPIs take it out of planned busy time rather than count it as down time.
        const shiftOpen = this.model.shifts.nextOpen(t);
        if (shiftOpen < next && shiftOpen < to)
          this.emitState(out, shiftOpen, 'Stopped', 'planned-maintenance');
        if (!(next < to)) return;
        t = next;
        continue;
      }
      const windowEnd = Math.min(calendar.windowEnd(t), to);
      if (this.setupLeft > 0) {
        t = this.setUp(out, t, to, windowEnd);
        continue;
      }
      if (this.state === 'Held') {
        this.emitState(out, t, 'Execute');
      } else if (this.state !== 'Execute') {
        this.emitState(out, t, 'Idle');
        this.emitState(out, t, 'Execute');
      }
      const segmentEnd = Math.min(windowEnd, t + this.countEvery);
      const running = segmentEnd - t;
      if (this.toFailure <= running) {
        const failAt = t + this.toFailure;
        this.produce(this.toFailure);
        this.emitCount(out, failAt);
        this.emitState(out, failAt, 'Held', 'breakdown');
        const repair = Math.max(1, this.model.repair.sample(this.rng));
        this.repairUntil = failAt + repair;
        this.pendingStop = { at: failAt, until: this.repairUntil };
        this.toFailure = this.model.timeToFailure.sample(this.rng);
        t = failAt;
        continue;
      }
      this.toFailure -= running;
      this.produce(running);
      this.emitCount(out, segmentEnd);
      t = segmentEnd;
      if (t >= windowEnd && windowEnd < to && !calendar.isOpen(t)) this.emitState(out, t, 'Stopped');
    }
  }
}
