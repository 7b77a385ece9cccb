/**
 * Special functions the distributions need: log-factorial (for the exact binomial and Poisson
 * samplers and their probability mass), the standard normal CDF and its inverse (for the
 * truncated normal).
 *
 * @example
 * logFactorial(5); // Math.log(120)
 * normalQuantile(0.975); // 1.959963984540054
 */

const TABLE_SIZE = 256;
const LOG_FACTORIALS = (() => {
  const table = new Float64Array(TABLE_SIZE);
  for (let k = 1; k < TABLE_SIZE; k += 1) table[k] = table[k - 1]! + Math.log(k);
  return table;
})();
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln(k!) for a non-negative integer k (exact table below 256, Stirling's series above). */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return LOG_FACTORIALS[k]!;
  const n = k + 1;
  const inv = 1 / n;
  const inv2 = inv * inv;
  // ln Γ(n) = (n - 1/2) ln n - n + ln(2π)/2 + 1/(12n) - 1/(360n³) + 1/(1260n⁵): error < 1e-17 at n ≥ 256.
  return (n - 0.5) * Math.log(n) - n + HALF_LOG_TWO_PI + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** Standard normal cumulative distribution Φ(x), absolute error below 1e-15 (W. J. Cody's erfc). */
export function normalCdf(x: number): number {
  const z = x / Math.SQRT2;
  return z < 0 ? 0.5 * erfc(-z) : 1 - 0.5 * erfc(z);
}

/** The upper tail 1 - Φ(x), accurate far into the tail. */
export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

/** Complementary error function (W. J. Cody, 1969; relative error ~1e-16). */
function erfc(x: number): number {
  if (x < -0.5) return 2 - erfc(-x);
  if (x < 0.5) return 1 - erf(x);
  if (x < 4) return Math.exp(-x * x) * (horner(ERFC_P, x) / horner(ERFC_Q, x));
  const z = 1 / (x * x);
  return (
    (Math.exp(-x * x) / x) * (1 / Math.sqrt(Math.PI) - (z * horner(ERFC_TAIL_P, z)) / horner(ERFC_TAIL_Q, z))
  );
}

function erf(x: number): number {
  const z = x * x;
  return (x * horner(ERF_P, z)) / horner(ERF_Q, z);
}

/** A polynomial with coefficients from the highest power down, at x. */
function horner(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (const c of coefficients) sum = sum * x + c;
  return sum;
}

const ERF_P = [
  0.18577770618460315, 3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694,
];
const ERF_Q = [1, 23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const ERFC_P = [
  2.1531153547440383e-8, 0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001,
  881.952221241769, 1712.0476126340707, 2051.0783778260716, 1230.3393547979972,
];
const ERFC_Q = [
  1, 15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_TAIL_P = [
  0.016315387137302097, 0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
  0.0006587491615298378,
];
const ERFC_TAIL_Q = [
  1, 2.568520192289822, 1.8729528499234673, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];

/**
 * Inverse of Φ: the x with Φ(x) = p, for p in (0, 1). Acklam's rational approximation refined by
 * one Halley step, so the result is good to about 1e-15.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`p: must be in [0, 1], got ${p}`);
  }
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = horner(ACKLAM_C, q) / horner(ACKLAM_D, q);
  } else if (p <= 1 - 0.02425) {
    const q = p - 0.5;
    const r = q * q;
    x = (horner(ACKLAM_A, r) * q) / horner(ACKLAM_B, r);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -horner(ACKLAM_C, q) / horner(ACKLAM_D, q);
  }
  // One Halley step on Φ(x) - p; in the upper half use the upper tail to keep precision.
  const e = x < 0 ? normalCdf(x) - p : 1 - p - normalUpperTail(x);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const ACKLAM_B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572, 1,
];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1];

const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i += 1) a += LANCZOS[i]! / (z + i);
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
