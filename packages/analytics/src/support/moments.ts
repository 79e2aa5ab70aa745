/**
 * Sample statistics over plain number arrays. Every function here accepts any array-like of
 * numbers and returns NaN when the statistic is undefined for the input (too few values, zero
 * spread); the JSON layer turns NaN into `null`.
 */

/** Numbers indexed from 0, such as a `Float64Array` or a plain array. */
export type Numbers = ArrayLike<number>;

/** Returns the arithmetic mean, or NaN for an empty input. */
export function mean(xs: Numbers): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i] as number;
  return sum / n;
}

/** Returns the sample variance (divisor n − 1), or NaN for fewer than two values. */
export function sampleVariance(xs: Numbers): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (xs[i] as number) - m;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Returns the sample standard deviation (divisor n − 1), or NaN for fewer than two values. */
export function sampleStd(xs: Numbers): number {
  return Math.sqrt(sampleVariance(xs));
}

/** Returns the sample covariance (divisor n − 1) of two equally long inputs. */
export function sampleCovariance(xs: Numbers, ys: Numbers): number {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return Number.NaN;
  const mx = mean(xs);
  const my = mean(ys);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
  return s / (n - 1);
}

/** Central moments m2, m3 and m4 (population form, divisor n) of an input. */
export interface CentralMoments {
  readonly m2: number;
  readonly m3: number;
  readonly m4: number;
}

/** Returns the population central moments (divisor n) of an input; NaN when empty. */
export function centralMoments(xs: Numbers): CentralMoments {
  const n = xs.length;
  const m = mean(xs);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (xs[i] as number) - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { m2: s2 / n, m3: s3 / n, m4: s4 / n };
}

/**
 * Returns the moment skewness g1 = m3 / m2^1.5 (no small-sample correction), or NaN when
 * there are fewer than three values or no spread.
 */
export function skewness(xs: Numbers): number {
  if (xs.length < 3) return Number.NaN;
  const { m2, m3 } = centralMoments(xs);
  return m2 > 0 ? m3 / m2 ** 1.5 : Number.NaN;
}

/**
 * Returns the moment excess kurtosis g2 = m4 / m2² − 3 (0 for a normal distribution, no
 * small-sample correction), or NaN when there are fewer than four values or no spread.
 */
export function excessKurtosis(xs: Numbers): number {
  if (xs.length < 4) return Number.NaN;
  const { m2, m4 } = centralMoments(xs);
  return m2 > 0 ? m4 / (m2 * m2) - 3 : Number.NaN;
}

/** Returns a sorted copy of an input as a `Float64Array` (ascending). */
export function sortedCopy(xs: Numbers): Float64Array {
  const out = Float64Array.from(xs as ArrayLike<number>);
  out.sort();
  return out;
}

/**
 * Returns the p-quantile of ascending `sorted` values by linear interpolation between order
 * statistics (Hyndman and Fan's type 7, the default of R and NumPy), or NaN when empty.
 */
export function quantileSorted(sorted: Numbers, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

/** Returns the p-quantile of an unsorted input (see {@link quantileSorted}). */
export function quantile(xs: Numbers, p: number): number {
  return quantileSorted(sortedCopy(xs), p);
}

/**
 * Spreads below this (a per-period standard deviation or downside deviation) count as zero:
 * a constant-growth curve has returns that differ only by rounding noise (~1e-17), and ratios
 * over that noise would be meaningless huge numbers rather than "undefined".
 */
export const ZERO_SPREAD = 1e-12;

/** Returns a / b, or NaN when b is below {@link ZERO_SPREAD} or either is NaN. */
export function ratioOverSpread(a: number, b: number): number {
  return b > ZERO_SPREAD ? a / b : Number.NaN;
}
