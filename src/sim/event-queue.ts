/**
 * The future-event list, ordered by (time, priority, insertion sequence). Ties in time go to the
 * lower priority number, then to the event scheduled first, so a run is the same on every
 * machine and every run.
 *
 * No object is allocated per event: an event is a time, a priority and two integers (its kind and
 * the entity it concerns, e.g. a line's index). `pop()` leaves the event it took in the public
 * fields `time`, `kind` and `entity`.
 *
 * Two layouts over one flat array, chosen by the list itself from the number of waiting events:
 * - **small** (up to 16 events, the usual case of a model with one pending event per line): a
 *   sorted run of slots between `head` and `tail`. Pop takes the head slot and moves `head` on;
 *   push walks in from the tail (a new event is usually among the latest), moving later events up
 *   one slot. No sift, no deferred work.
 * - **heap** (more than 16): a binary min-heap from slot 0. A sorted run is already a heap, so
 *   the switch costs one move of the run to slot 0; the list goes back to the small layout (a sort
 *   of at most 4 slots) once 4 or fewer events wait.
 * Both keep the earliest event at slot `head` (0 in the heap), so pop reads it the same way.
 *
 * @example
 * const queue = new EventQueue();
 * queue.push(5, BOX_DONE, 0);
 * queue.push(5, FAILURE, 0, -1); // same time, lower priority number: comes out first
 * while (queue.pop()) console.log(queue.time, queue.kind, queue.entity);
 * // A simulation's loop takes only what is due by its horizon:
 * while (queue.popUntil(horizon)) handle(queue.kind, queue.entity);
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
/** Priority and insertion sequence in one exact double, compared as one number in the heap. */
function packOrder(priority: number, sequence: number): number {
  return (priority - MIN_PRIORITY) * SEQUENCE_SPAN + sequence;
}
function priorityOf(order: number): number {
  return Math.floor(order / SEQUENCE_SPAN) + MIN_PRIORITY;
}
/* eslint-disable @typescript-eslint/no-unsafe-enum-comparison -- the const enum below holds named
   numbers, compared with plain numbers on purpose. */
// A `const enum`, so that the values are written into the code: a module-level `const` is read
// from the module's scope at every use in V8, and these are used once per event.
const enum Layout {
  /** Most events kept as a sorted run; one more and the list becomes a heap. */
  SmallLimit = 16,
  /** At most this many events left in the heap: back to a sorted run. */
  BackToSmall = 4,
  // Slots of the array in the small layout: the run drifts towards the end as events are taken
  // at its head, and is moved back to slot 0 when it reaches the end (every ~240 events for a
  // run of 16; a copy of at most 16 slots).
  MinCapacity = 256,
}
/** Most events kept as a sorted run; one more and the list becomes a heap. */
export const SMALL_LIST_LIMIT: number = Layout.SmallLimit;

export class EventQueue {
  /** Time of the event last taken by `pop()`. */
  time = 0;
  /** Kind of the event last taken by `pop()`. */
  kind = 0;
  /** Entity of the event last taken by `pop()`. */
  entity = 0;

  // One flat array, four doubles per slot: time, priority (in the heap: order), kind, entity.
  // Interleaving keeps a slot in one cache line and costs one bounds check per array access
  // instead of four arrays' worth. In the heap, `order` packs priority and insertion sequence
  // into one exact double, so a tie costs one comparison; the sorted run keeps insertion order
  // by position and stores the bare priority.
  private slots: Float64Array;
  private capacity: number;
  /** First waiting slot (always 0 in the heap layout). */
  private head = 0;
  /** One past the last waiting slot. */
  private tail = 0;
  private sequence = 0;
  private heap = false;

  constructor(capacity = 64) {
    this.capacity = Math.max(Layout.MinCapacity, capacity);
    this.slots = new Float64Array(this.capacity * 4);
  }

  /** How many events are waiting. */
  get size(): number {
    return this.tail - this.head;
  }

  /** Whether the list is in its heap layout (more than 16 events waited since it last shrank). */
  get isHeap(): boolean {
    return this.heap;
  }

  /** Time of the next event, or Infinity when none waits. */
  peekTime(): number {
    return this.head < this.tail ? this.slots[this.head * 4]! : Infinity;
  }

  /**
   * Schedules an event. `kind` and `entity` are integers (|x| < 2^31); `priority` is an integer
   * in [-32768, 32767]; lower runs first among events at the same time.
   */
  push(time: number, kind: number, entity: number, priority = 0): void {
    // Kept small so that it is inlined into the caller: a double (the time) passed to a call
    // that is not inlined is boxed, one allocation per event. Calls out take only integers.
    if (priority !== 0) checkPriority(priority);
    let j = this.tail;
    if (j === this.capacity || j - this.head === Layout.SmallLimit) j = this.makeRoom();
    this.tail = j + 1;
    const d = this.slots;
    let at = j * 4;
    // Sorted run: walk in from the tail past every event that comes after the new one. The new
    // event was scheduled last, so among equal times it goes after every event of its priority
    // or lower: the run needs no sequence number. (In the heap the walk stops at once and the
    // event rises by sifting.)
    const stop = this.heap ? at : this.head * 4;
    while (at > stop) {
      const p = at - 4;
      const pt = d[p]!;
      if (pt < time || (pt === time && d[p + 1]! <= priority)) break;
      d[at] = pt;
      d[at + 1] = d[p + 1]!;
      d[at + 2] = d[p + 2]!;
      d[at + 3] = d[p + 3]!;
      at = p;
    }
    d[at] = time;
    d[at + 1] = priority;
    d[at + 2] = kind;
    d[at + 3] = entity;
    if (this.heap) this.siftUp(j);
  }

  /** Takes the earliest event into `time`, `kind`, `entity`; false when the list is empty. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /**
   * Takes the earliest event if it is due at or before `until` (into `time`, `kind`, `entity`);
   * false, taking nothing, when the list is empty or the next event is later.
   */
  popUntil(until: number): boolean {
    const h = this.head;
    if (h === this.tail) return false;
    const d = this.slots;
    const at = h * 4;
    const t = d[at]!;
    if (t > until) return false;
    this.time = t;
    // Integers by contract: `| 0` keeps the fields small integers, so a handler's switch and
    // array indexing need no conversion from double.
    this.kind = d[at + 2]! | 0;
    this.entity = d[at + 3]! | 0;
    if (this.heap) this.removeRoot();
    else this.head = h + 1;
    return true;
  }

  /** Drops every waiting event (the insertion sequence keeps counting). */
  clear(): void {
    this.head = 0;
    this.tail = 0;
    this.heap = false;
  }

  /**
   * Frees the slot at the tail before a push: moves the sorted run back to slot 0, turns it into
   * a heap when it is full, or grows the heap's array. Returns the new tail.
   */
  private makeRoom(): number {
    const count = this.tail - this.head;
    if (this.head > 0) {
      this.slots.copyWithin(0, this.head * 4, this.tail * 4);
      this.head = 0;
      this.tail = count;
    }
    if (!this.heap && count >= Layout.SmallLimit) {
      // A sorted run is already a heap; its slots get their order (priority and sequence) in
      // the run's order, which is their insertion order among equal (time, priority).
      const d = this.slots;
      for (let k = 0; k < count; k += 1) d[k * 4 + 1] = packOrder(d[k * 4 + 1]!, this.sequence++);
      this.heap = true;
    }
    if (this.tail === this.capacity) {
      const slots = new Float64Array(this.slots.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      this.capacity *= 2;
    }
    return this.tail;
  }

  /** Gives the new event in slot `start` its order in the heap and raises it to its place. */
  private siftUp(start: number): void {
    const d = this.slots;
    let i = start;
    const from = i * 4;
    const time = d[from]!;
    const order = packOrder(d[from + 1]!, this.sequence++);
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

  /** Removes the heap's root: the last event takes its place and sinks, moving a hole. */
  private removeRoot(): void {
    const n = this.tail - 1;
    this.tail = n;
    const d = this.slots;
    const from = n * 4;
    const t = d[from]!;
    const o = d[from + 1]!;
    const k = d[from + 2]!;
    const e = d[from + 3]!;
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
    if (n <= Layout.BackToSmall) this.sortSmall();
  }

  /** Back to the small layout: sorts the few slots left (insertion sort, at most 4). */
  private sortSmall(): void {
    const d = this.slots;
    const n = this.tail;
    for (let i = 1; i < n; i += 1) {
      const from = i * 4;
      const t = d[from]!;
      const o = d[from + 1]!;
      const k = d[from + 2]!;
      const e = d[from + 3]!;
      let at = from;
      while (at > 0) {
        const p = at - 4;
        const pt = d[p]!;
        if (pt < t || (pt === t && d[p + 1]! < o)) break;
        d[at] = pt;
        d[at + 1] = d[p + 1]!;
        d[at + 2] = d[p + 2]!;
        d[at + 3] = d[p + 3]!;
        at = p;
      }
      d[at] = t;
      d[at + 1] = o;
      d[at + 2] = k;
      d[at + 3] = e;
    }
    for (let k = 0; k < n; k += 1) d[k * 4 + 1] = priorityOf(d[k * 4 + 1]!);
    this.heap = false;
  }
}
