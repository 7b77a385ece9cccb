/**
 * Time and identity come from outside the domain: a Clock and an IdGenerator are passed in,
 * so that tests are deterministic and the digital twin can run the plant on simulated time.
 *
 * @example
 * const clock = fixedClock(new Date('2026-01-05T06:00:00Z'));
 * clock.now(); // always that instant
 */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A new unique id; `prefix` says what it names (`lot`, `crate`, ...). */
  next(prefix: string): string;
}

/** A clock that never moves: for tests and for replaying records. */
export function fixedClock(at: Date): Clock {
  const time = at.getTime();
  return { now: () => new Date(time) };
}

/** A clock moved by hand: for tests that step time forward. */
export class ManualClock implements Clock {
  private time: number;

  constructor(start: Date) {
    this.time = start.getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  advance(ms: number): void {
    this.time += ms;
  }

  set(at: Date): void {
    this.time = at.getTime();
  }
}

/** Ids `prefix-000001`, `prefix-000002`, ... in order: deterministic, for tests. */
export class SequentialIds implements IdGenerator {
  private counter = 0;

  next(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${String(this.counter).padStart(6, '0')}`;
  }
}
