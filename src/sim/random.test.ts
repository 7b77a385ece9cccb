import { describe, expect, it } from 'vitest';
import { RandomStream, RandomStreams, streamFor } from './random.ts';

describe('RandomStreams', () => {
  it('gives the same numbers for the same seed and name, others for another', () => {
    const a = new RandomStreams(42).stream('line:L1');
    const b = new RandomStreams(42).stream('line:L1');
    const c = new RandomStreams(43).stream('line:L1');
    const d = new RandomStreams(42).stream('line:L2');
    const xs = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(xs);
    expect(Array.from({ length: 8 }, () => d.nextUint32())).not.toEqual(xs);
  });

  it('keeps streams independent: more draws on one leave another unchanged', () => {
    const run = (extraDraws: number): number[] => {
      const streams = new RandomStreams(7);
      const l1 = streams.stream('line:L1');
      const l2 = streams.stream('line:L2');
      const out: number[] = [];
      for (let i = 0; i < 100; i += 1) {
        for (let j = 0; j < extraDraws; j += 1) l1.next();
        out.push(l2.next());
      }
      return out;
    };
    expect(run(3)).toEqual(run(0));
  });

  it('separates seeds above 2^32 and close names', () => {
    expect(streamFor(2 ** 40, 'x').nextUint32()).not.toBe(streamFor(0, 'x').nextUint32());
    const first = new Set(Array.from({ length: 1000 }, (_, i) => streamFor(1, `line:${i}`).nextUint32()));
    expect(first.size).toBeGreaterThan(995);
  });

  it('draws uniforms with the right mean and variance, within [0, 1)', () => {
    const rng = new RandomStreams(3).stream('u');
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i += 1) {
      const u = i % 2 === 0 ? rng.next() : rng.nextDouble();
      sum += u;
      sumSq += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('draws integers without bias in [0, n)', () => {
    const rng = new RandomStreams(5).stream('int');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[rng.nextInt(3)]! += 1;
    for (const c of counts)
      expect(Math.abs(c - 10_000)).toBeLessThan(4 * Math.sqrt(30_000 * (1 / 3) * (2 / 3)));
    expect(() => rng.nextInt(0)).toThrow(/n/);
  });

  it('hands out exactly the xoshiro128** sequence, across batch boundaries, and saves its state', () => {
    // The generator written out one step at a time, as its authors give it.
    const reference = (state: [number, number, number, number], count: number): number[] => {
      const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
      let [s0, s1, s2, s3] = state;
      const out: number[] = [];
      for (let i = 0; i < count; i += 1) {
        out.push(Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl(s3, 11);
      }
      return out;
    };
    const start: [number, number, number, number] = [0x9e3779b9, 0x243f6a88, -0x7a5cf72d, 0x13198a2e];
    const stream = new RandomStream(...start);
    const expected = reference(start, 300);
    const drawn: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      // Every kind of draw takes the next number: 32-bit, Bernoulli, uniform.
      if (i % 3 === 0) drawn.push(stream.nextUint32());
      else if (i % 3 === 1) drawn.push(stream.below(expected[i]! + 1) ? expected[i]! : -1);
      else drawn.push(Math.round(stream.next() * 2 ** 32));
    }
    expect(drawn).toEqual(expected);
    // The state as of the numbers handed out (mid-batch), not as of the batch drawn ahead.
    const saved = stream.state();
    const next = Array.from({ length: 100 }, () => stream.nextUint32());
    const restored = new RandomStream(...saved);
    expect(Array.from({ length: 100 }, () => restored.nextUint32())).toEqual(next);
    expect(reference(start, 400).slice(300)).toEqual(next);
  });

  it('refuses a seed that is not a non-negative integer', () => {
    expect(() => new RandomStreams(-1)).toThrow(/seed/);
    expect(() => new RandomStreams(1.5)).toThrow(/seed/);
  });
});
