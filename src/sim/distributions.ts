import type { RandomStream } from './random.ts';
import { logFactorial, logGamma, normalCdf, normalQuantile, normalUpperTail } from './special.ts';

/**
 * A probability distribution that draws from a stream passed in: the distribution holds no
 * random state, so one distribution may serve many streams and a stream's numbers depend only
 * on its own draws. `mean` and `variance` are exact (used by tests and by the flow model).
 *
 * @example
 * const repair = exponential(15);
 * const rng = new RandomStreams(7).stream('line:L1');
 * const minutes = repair.sample(rng); // one repair time, mean 15
 */
export interface Distribution {
  readonly kind: string;
  readonly mean: number;
  readonly variance: number;
  sample(rng: RandomStream): number;
}

function check(condition: boolean, field: string, problem: string, value: unknown): void {
  if (!condition) throw new RangeError(`${field}: ${problem}, got ${String(value)}`);
}

/** Always the same value. */
export function constant(value: number): Distribution {
  check(Number.isFinite(value), 'value', 'must be finite', value);
  return { kind: 'constant', mean: value, variance: 0, sample: () => value };
}

/** Uniform on [min, max). */
export function uniform(min: number, max: number): Distribution {
  check(Number.isFinite(min) && Number.isFinite(max) && max >= min, 'max', `must be >= min (${min})`, max);
  const width = max - min;
  return {
    kind: 'uniform',
    mean: (min + max) / 2,
    variance: (width * width) / 12,
    sample: (rng) => min + width * rng.nextDouble(),
  };
}

/** Exponential with the given mean (rate 1/mean), by inversion. */
export function exponential(mean: number): Distribution {
  check(mean > 0 && Number.isFinite(mean), 'mean', 'must be > 0', mean);
  return {
    kind: 'exponential',
    mean,
    variance: mean * mean,
    sample: (rng) => -mean * Math.log(rng.nextOpen()),
  };
}

/**
 * Normal with mean and standard deviation, optionally truncated to [min, max] (times cannot be
 * negative: pass min 0). Drawn by inversion of the CDF restricted to the interval, one draw per
 * sample whatever the truncation; the far tail is handled by symmetry to keep precision.
 */
export function normal(mean: number, sd: number, min = -Infinity, max = Infinity): Distribution {
  check(Number.isFinite(mean), 'mean', 'must be finite', mean);
  check(sd > 0 && Number.isFinite(sd), 'sd', 'must be > 0', sd);
  check(max > min, 'max', `must be > min (${min})`, max);
  const alpha = (min - mean) / sd;
  const beta = (max - mean) / sd;
  // Work in the lower half, where Φ is precise: reflect when the interval lies above the mean.
  const flip = alpha > 0;
  const lo = flip ? -beta : alpha;
  const hi = flip ? -alpha : beta;
  const pLo = normalCdf(lo);
  const pHi = normalCdf(hi);
  check(pHi > pLo, 'min', 'leaves no probability inside [min, max]', `[${min}, ${max}]`);
  const z = flip ? normalUpperTail(alpha) - normalUpperTail(beta) : pHi - pLo;
  const phiA = Number.isFinite(alpha) ? density(alpha) : 0;
  const phiB = Number.isFinite(beta) ? density(beta) : 0;
  const aPhiA = Number.isFinite(alpha) ? alpha * phiA : 0;
  const bPhiB = Number.isFinite(beta) ? beta * phiB : 0;
  const shift = (phiA - phiB) / z;
  return {
    kind: 'normal',
    mean: mean + sd * shift,
    variance: sd * sd * (1 + (aPhiA - bPhiB) / z - shift * shift),
    sample: (rng) => {
      const u = pLo + (pHi - pLo) * rng.nextDouble();
      let x = normalQuantile(u > 0 ? u : Number.MIN_VALUE);
      if (x < lo) x = lo;
      else if (x > hi) x = hi;
      return mean + sd * (flip ? -x : x);
    },
  };
}

function density(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Log-normal: exp of a normal with parameters mu and sigma (of the logarithm). */
export function lognormal(mu: number, sigma: number): Distribution {
  check(Number.isFinite(mu), 'mu', 'must be finite', mu);
  check(sigma > 0 && Number.isFinite(sigma), 'sigma', 'must be > 0', sigma);
  const s2 = sigma * sigma;
  return {
    kind: 'lognormal',
    mean: Math.exp(mu + s2 / 2),
    variance: Math.expm1(s2) * Math.exp(2 * mu + s2),
    sample: (rng) => Math.exp(mu + sigma * normalQuantile(rng.nextOpen())),
  };
}

/** Log-normal given its own mean and standard deviation (as plant data usually states it). */
export function lognormalFromMean(mean: number, sd: number): Distribution {
  check(mean > 0, 'mean', 'must be > 0', mean);
  check(sd > 0, 'sd', 'must be > 0', sd);
  const s2 = Math.log1p((sd * sd) / (mean * mean));
  return lognormal(Math.log(mean) - s2 / 2, Math.sqrt(s2));
}

/** Triangular on [min, max] with the given mode, by inversion. */
export function triangular(min: number, mode: number, max: number): Distribution {
  check(Number.isFinite(min) && max > min, 'max', `must be > min (${min})`, max);
  check(mode >= min && mode <= max, 'mode', `must be within [${min}, ${max}]`, mode);
  const width = max - min;
  const split = (mode - min) / width;
  return {
    kind: 'triangular',
    mean: (min + mode + max) / 3,
    variance: (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18,
    sample: (rng) => {
      const u = rng.nextDouble();
      return u < split
        ? min + Math.sqrt(u * width * (mode - min))
        : max - Math.sqrt((1 - u) * width * (max - mode));
    },
  };
}

/** Weibull with shape k and scale λ (k = 1 is the exponential), by inversion. */
export function weibull(shape: number, scale: number): Distribution {
  check(shape > 0 && Number.isFinite(shape), 'shape', 'must be > 0', shape);
  check(scale > 0 && Number.isFinite(scale), 'scale', 'must be > 0', scale);
  const g1 = Math.exp(logGamma(1 + 1 / shape));
  const g2 = Math.exp(logGamma(1 + 2 / shape));
  const inv = 1 / shape;
  return {
    kind: 'weibull',
    mean: scale * g1,
    variance: scale * scale * (g2 - g1 * g1),
    sample: (rng) => scale * Math.pow(-Math.log(rng.nextOpen()), inv),
  };
}

/**
 * Empirical: one of the observed values, each with its weight (equal weights when none are
 * given), drawn by binary search on the cumulative weights.
 */
export function empirical(values: readonly number[], weights?: readonly number[]): Distribution {
  check(values.length > 0, 'values', 'must not be empty', values.length);
  check(
    weights === undefined || weights.length === values.length,
    'weights',
    `must have one weight per value (${values.length})`,
    weights?.length,
  );
  const n = values.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const w = weights?.[i] ?? 1;
    check(w >= 0 && Number.isFinite(w), `weights[${i}]`, 'must be >= 0', w);
    check(Number.isFinite(values[i]), `values[${i}]`, 'must be finite', values[i]);
    total += w;
    cumulative[i] = total;
  }
  check(total > 0, 'weights', 'must not all be 0', total);
  let mean = 0;
  for (let i = 0; i < n; i += 1) mean += (values[i]! * (weights?.[i] ?? 1)) / total;
  let variance = 0;
  for (let i = 0; i < n; i += 1) variance += ((values[i]! - mean) ** 2 * (weights?.[i] ?? 1)) / total;
  const points = Float64Array.from(values);
  return {
    kind: 'empirical',
    mean,
    variance,
    sample: (rng) => {
      const target = rng.nextDouble() * total;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > target) hi = mid;
        else lo = mid + 1;
      }
      return points[lo]!;
    },
  };
}

/** 1 with probability p, else 0; one 32-bit draw compared with an integer threshold. */
export function bernoulli(p: number): Distribution {
  const threshold = bernoulliThreshold(p);
  return {
    kind: 'bernoulli',
    mean: p,
    variance: p * (1 - p),
    sample: (rng) => (rng.below(threshold) ? 1 : 0),
  };
}

/**
 * The threshold of a Bernoulli(p) trial on 32-bit draws: `rng.below(bernoulliThreshold(p))` is
 * true with probability p (to 2^-33), the same draw `bernoulli(p).sample(rng)` makes. For a hot
 * path that wants the trial without a call through the distribution.
 *
 * @example
 * const reject = bernoulliThreshold(0.005);
 * if (rng.below(reject)) rejected += 20;
 */
export function bernoulliThreshold(p: number): number {
  check(p >= 0 && p <= 1, 'p', 'must be within [0, 1]', p);
  return Math.round(p * 2 ** 32);
}

/** Binomial(n, p) as a distribution; see `sampleBinomial` for the method. */
export function binomial(n: number, p: number): Distribution {
  checkBinomial(n, p);
  return {
    kind: 'binomial',
    mean: n * p,
    variance: n * p * (1 - p),
    sample: (rng) => sampleBinomial(rng, n, p),
  };
}

/** Poisson with the given mean; see `samplePoisson` for the method. */
export function poisson(mean: number): Distribution {
  check(mean >= 0 && Number.isFinite(mean), 'mean', 'must be >= 0', mean);
  return { kind: 'poisson', mean, variance: mean, sample: (rng) => samplePoisson(rng, mean) };
}

function checkBinomial(n: number, p: number): void {
  check(Number.isSafeInteger(n) && n >= 0, 'n', 'must be a non-negative integer', n);
  check(p >= 0 && p <= 1, 'p', 'must be within [0, 1]', p);
}

/**
 * An exact Binomial(n, p) draw for any n: inversion (sequential search from 0) when
 * n·min(p, 1-p) < 10, else Hörmann's BTRS transformed rejection with squeeze (1993), whose
 * acceptance test uses exact log-factorials. No normal approximation anywhere.
 */
export function sampleBinomial(rng: RandomStream, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  const q = 1 - p;
  const np = n * p;
  if (np < 10) {
    // Inversion: walk the pmf upwards from P(0) = q^n.
    const qn = Math.exp(n * Math.log1p(-p));
    const ratio = p / q;
    for (;;) {
      let u = rng.nextDouble();
      let px = qn;
      let x = 0;
      while (u > px) {
        u -= px;
        x += 1;
        if (x > n) break;
        px *= (ratio * (n - x + 1)) / x;
      }
      if (x <= n) return x;
    }
  }
  const spq = Math.sqrt(np * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = np + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = rng.nextDouble() - 0.5;
    let v = rng.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/**
 * An exact Poisson draw for any mean: multiplication of uniforms below mean 10, else Hörmann's
 * PTRS transformed rejection (1993) with an exact log-factorial acceptance test.
 */
export function samplePoisson(rng: RandomStream, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let product = rng.nextDouble();
    let k = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      k += 1;
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.nextDouble() - 0.5;
    const v = rng.nextOpen();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
      -mean + k * loglam - logFactorial(k)
    ) {
      return k;
    }
  }
}

/** ln P(X = k) for X ~ Binomial(n, p): for tests and for checking a sampler. */
export function binomialLogPmf(k: number, n: number, p: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** ln P(X = k) for X ~ Poisson(mean). */
export function poissonLogPmf(k: number, mean: number): number {
  return -mean + k * Math.log(mean) - logFactorial(k);
}
