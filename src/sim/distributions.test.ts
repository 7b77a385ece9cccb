import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  binomial,
  binomialLogPmf,
  constant,
  type Distribution,
  empirical,
  exponential,
  lognormal,
  lognormalFromMean,
  normal,
  poisson,
  poissonLogPmf,
  sampleBinomial,
  samplePoisson,
  triangular,
  uniform,
  weibull,
} from './distributions.ts';
import { RandomStreams } from './random.ts';
import { logFactorial, normalCdf, normalQuantile } from './special.ts';

interface Moments {
  mean: number;
  variance: number;
  min: number;
  max: number;
}

function moments(draw: () => number, n: number): Moments {
  let sum = 0;
  let sumSq = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i += 1) {
    const x = draw();
    sum += x;
    sumSq += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / n;
  return { mean, variance: (sumSq - n * mean * mean) / (n - 1), min, max };
}

/**
 * The sample mean lies within 4 standard errors of the true mean; the sample variance within
 * 4 of its own standard errors (estimated from the fourth moment, bounded here by `varianceTolerance`
 * as a relative error where the distribution is skewed).
 */
function expectMoments(d: Distribution, seed: number, varianceTolerance: number, n = 100_000): Moments {
  const rng = new RandomStreams(seed).stream(d.kind);
  const m = moments(() => d.sample(rng), n);
  expect(Math.abs(m.mean - d.mean)).toBeLessThanOrEqual(4 * Math.sqrt(d.variance / n) + 1e-12);
  if (d.variance > 0) expect(Math.abs(m.variance / d.variance - 1)).toBeLessThan(varianceTolerance);
  return m;
}

describe('continuous distributions', () => {
  it('uniform: moments and bounds', () => {
    const m = expectMoments(uniform(2, 5), 1, 0.02);
    expect(m.min).toBeGreaterThanOrEqual(2);
    expect(m.max).toBeLessThan(5);
  });

  it('exponential: moments, positive', () => {
    const m = expectMoments(exponential(120), 2, 0.05);
    expect(m.min).toBeGreaterThan(0);
  });

  it('normal: moments', () => {
    expectMoments(normal(10, 2), 3, 0.02);
  });

  it('truncated normal: moments match the truncated formulas and stay inside the bounds', () => {
    const d = normal(5, 4, 0);
    expect(d.mean).toBeGreaterThan(5);
    const m = expectMoments(d, 4, 0.03);
    expect(m.min).toBeGreaterThanOrEqual(0);
    const tail = normal(0, 1, 6, 7); // far upper tail: drawn through the reflected lower tail
    const t = expectMoments(tail, 5, 0.1);
    expect(t.min).toBeGreaterThanOrEqual(6);
    expect(t.max).toBeLessThanOrEqual(7);
  });

  it('lognormal: moments, from (mu, sigma) and from its own mean and sd', () => {
    expectMoments(lognormal(1, 0.5), 6, 0.1);
    const d = lognormalFromMean(30, 10);
    expect(d.mean).toBeCloseTo(30, 10);
    expect(Math.sqrt(d.variance)).toBeCloseTo(10, 10);
    expectMoments(d, 7, 0.1);
  });

  it('triangular: moments and bounds', () => {
    const m = expectMoments(triangular(1, 2, 6), 8, 0.02);
    expect(m.min).toBeGreaterThanOrEqual(1);
    expect(m.max).toBeLessThanOrEqual(6);
  });

  it('weibull: moments (shape 1 is the exponential)', () => {
    expectMoments(weibull(1.5, 100), 9, 0.05);
    expect(weibull(1, 50).mean).toBeCloseTo(50, 9);
  });

  it('refuses bad parameters, naming the field', () => {
    expect(() => exponential(0)).toThrow(/mean: must be > 0, got 0/);
    expect(() => triangular(0, 5, 4)).toThrow(/mode/);
    expect(() => normal(0, 1, 3, 2)).toThrow(/max/);
    expect(() => empirical([1, 2], [1])).toThrow(/weights/);
  });
});

describe('discrete distributions', () => {
  it('constant and empirical', () => {
    expect(constant(3).sample(new RandomStreams(1).stream('c'))).toBe(3);
    const d = empirical([10, 20, 30], [1, 2, 1]);
    expect(d.mean).toBe(20);
    const m = expectMoments(d, 10, 0.02);
    expect(m.min).toBe(10);
    expect(m.max).toBe(30);
  });

  it('bernoulli: mean p', () => {
    expectMoments(bernoulli(0.005), 11, 0.1, 400_000);
    const rng = new RandomStreams(1).stream('b');
    expect(bernoulli(0).sample(rng)).toBe(0);
    expect(bernoulli(1).sample(rng)).toBe(1);
  });

  it('binomial: exact moments by inversion (small n·p) and by BTRS (large n)', () => {
    expectMoments(binomial(50, 0.1), 12, 0.03);
    expectMoments(binomial(1_000_000, 0.005), 13, 0.03, 50_000);
    expectMoments(binomial(2_000_000_000, 0.3), 14, 0.03, 50_000);
    expectMoments(binomial(100, 0.9), 15, 0.03);
  });

  it('binomial with large n hits the exact pmf at a point (not a normal approximation)', () => {
    // n = 10^6, p = 0.005: P(X = 5000) = 0.005645...; the frequency must agree within 4 SE.
    const n = 1_000_000;
    const p = 0.005;
    const pmf = Math.exp(binomialLogPmf(5000, n, p));
    const rng = new RandomStreams(16).stream('binomial');
    const draws = 200_000;
    let hits = 0;
    let below = 0;
    for (let i = 0; i < draws; i += 1) {
      const x = sampleBinomial(rng, n, p);
      if (x === 5000) hits += 1;
      if (x <= 4900) below += 1;
    }
    expect(Math.abs(hits / draws - pmf)).toBeLessThan(4 * Math.sqrt((pmf * (1 - pmf)) / draws));
    // Skewness check in the lower tail: P(X <= 4900) from the exact pmf.
    let tail = 0;
    for (let k = 4000; k <= 4900; k += 1) tail += Math.exp(binomialLogPmf(k, n, p));
    expect(Math.abs(below / draws - tail)).toBeLessThan(4 * Math.sqrt((tail * (1 - tail)) / draws));
  });

  it('poisson: exact moments for small and large means, and a pmf point', () => {
    expectMoments(poisson(3.5), 17, 0.03);
    expectMoments(poisson(25_000), 18, 0.03, 50_000);
    const mean = 400;
    const pmf = Math.exp(poissonLogPmf(400, mean));
    const rng = new RandomStreams(19).stream('poisson');
    const draws = 200_000;
    let hits = 0;
    for (let i = 0; i < draws; i += 1) if (samplePoisson(rng, mean) === 400) hits += 1;
    expect(Math.abs(hits / draws - pmf)).toBeLessThan(4 * Math.sqrt((pmf * (1 - pmf)) / draws));
  });
});

describe('special functions', () => {
  it('log-factorial is exact in the table and continuous into Stirling', () => {
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 12);
    let direct = logFactorial(255);
    for (let k = 256; k <= 300; k += 1) {
      direct += Math.log(k);
      expect(logFactorial(k)).toBeCloseTo(direct, 9);
    }
  });

  it('normal CDF and quantile invert each other, far into the tails', () => {
    for (const p of [1e-12, 1e-6, 0.01, 0.3, 0.5, 0.8, 0.999, 1 - 1e-9]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 7);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
  });
});
