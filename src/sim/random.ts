/* eslint-disable @typescript-eslint/no-unsafe-enum-comparison -- the const enum below holds named
   numbers, compared with plain numbers on purpose. */
/**
 * Numbers drawn at a time into a stream's batch. A `const enum` so that the value is written into
 * the code: a module-level `const` is read from the module's scope at every use in V8.
 */
const enum Batch {
  Size = 64,
}

/**
 * Seeded random streams. Each entity of a model (a line, a delivery route) draws from its own
 * stream, named and derived from the study's seed, so changing one line's model (more draws,
 * fewer draws) leaves every other line's numbers exactly as they were.
 *
 * The generator is xoshiro128** (Blackman and Vigna): 128 bits of state, period 2^128 - 1, fast
 * in 32-bit integer arithmetic. Its state is filled by splitmix32 from a hash of the seed and the
 * stream's name.
 *
 * @example
 * const streams = new RandomStreams(42);
 * const line1 = streams.stream('line:L1');
 * const u = line1.next(); // uniform in [0, 1)
 * streams.stream('line:L1').next() === u; // true: same seed and name, same numbers
 */
export class RandomStream {
  // The generator's state after the last number put in the batch. Initialised here so that V8
  // keeps the fields small integers (a field first defined as undefined is a generic slot).
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  // The next numbers of the stream, drawn `Batch.Size` at a time in one tight loop (the state
  // stays in registers there); `index` is the next one to hand out. The sequence is exactly the
  // generator's, one number after another: batching changes only when they are computed.
  private readonly batch = new Uint32Array(Batch.Size);
  private index: number = Batch.Size;
  // The state before the batch was filled, so that `state()` can give the state as of the
  // numbers handed out.
  private readonly batchStart = new Int32Array(4);

  /** A stream from four 32-bit words of state (not all zero); prefer `RandomStreams.stream`. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) s3 = 1;
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** The next 32 random bits as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    let i = this.index;
    if (i === Batch.Size) i = this.refill();
    this.index = i + 1;
    return this.batch[i]!;
  }

  /**
   * True with probability threshold / 2^32 (one draw). Compares inside the stream so that no
   * 32-bit unsigned value (a boxed number past 2^30) crosses a call: the fast Bernoulli trial.
   */
  below(threshold: number): boolean {
    let i = this.index;
    if (i === Batch.Size) i = this.refill();
    this.index = i + 1;
    return this.batch[i]! < threshold;
  }

  /** Draws the next `Batch.Size` numbers of xoshiro128** into the batch; returns the new index, 0. */
  private refill(): number {
    const start = this.batchStart;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    start[0] = s0;
    start[1] = s1;
    start[2] = s2;
    start[3] = s3;
    const batch = this.batch;
    // Rotations written out: no call and no module lookup inside the loop.
    for (let k = 0; k < Batch.Size; k += 1) {
      const m = Math.imul(s1, 5);
      batch[k] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution: one draw, for the hot paths of a model. */
  next(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  /** Uniform in (0, 1): never 0, for logarithms. */
  nextOpen(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  /** Uniform in [0, 1) with 53 bits of resolution (two draws). */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) * TWO_POW_MINUS_53;
  }

  /** A uniform integer in [0, n) without modulo bias (n ≤ 2^32). */
  nextInt(n: number): number {
    if (!(n >= 1 && n <= 2 ** 32)) throw new RangeError(`n: must be in [1, 2^32], got ${n}`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /**
   * The state as of the numbers handed out so far, to save a stream and restore it later:
   * `new RandomStream(...stream.state())` goes on with the same numbers.
   */
  state(): [number, number, number, number] {
    if (this.index === Batch.Size) return [this.s0, this.s1, this.s2, this.s3];
    const start = this.batchStart;
    let s0 = start[0]!;
    let s1 = start[1]!;
    let s2 = start[2]!;
    let s3 = start[3]!;
    for (let k = 0; k < this.index; k += 1) {
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
    }
    return [s0, s1, s2, s3];
  }
}

/**
 * The source of every stream of one replication: a seed and a stream name give a stream.
 * Asking twice for the same name gives two streams with the same numbers, so a model asks once
 * per entity and keeps it.
 */
export class RandomStreams {
  readonly seed: number;

  /** `seed` is an integer in [0, 2^53). */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed: must be a non-negative safe integer, got ${seed}`);
    }
    this.seed = seed;
  }

  /** The stream named `name` (e.g. `line:L1`, `failures:L2`, `supply:primer`). */
  stream(name: string): RandomStream {
    return streamFor(this.seed, name);
  }
}

/** The stream for (seed, name): splitmix32 over a 32-bit mix of both, four words of state. */
export function streamFor(seed: number, name: string): RandomStream {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  let z = mix32(mix32(lo ^ 0x6a09e667) ^ mix32(hi ^ 0xbb67ae85) ^ hashName(name));
  const words: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    z = (z + 0x9e3779b9) | 0;
    words.push(mix32(z));
  }
  // A second, independent mix of the name spreads close names (line:L1, line:L2) further apart.
  const salt = hashName(`${name}\u0000${lo}`);
  return new RandomStream(words[0]! ^ salt, words[1]!, words[2]!, words[3]! ^ mix32(salt));
}

/** FNV-1a over the UTF-16 code units of a name, finished by a mixer. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** The splitmix32 finaliser: a bijection on 32-bit integers with good avalanche. */
function mix32(x: number): number {
  let t = x | 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return (t ^ (t >>> 15)) | 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const TWO_POW_MINUS_32 = 2 ** -32;
const TWO_POW_MINUS_53 = 2 ** -53;
