import { describe, expect, it } from 'vitest';
import { RandomStreams, streamFor } from './random.ts';

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

  it('refuses a seed that is not a non-negative integer', () => {
    expect(() => new RandomStreams(-1)).toThrow(/seed/);
    expect(() => new RandomStreams(1.5)).toThrow(/seed/);
  });
});
