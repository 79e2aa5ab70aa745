import { AlphintraError } from '@alphintra/core';
import type { Matrix } from './matrix.js';

/** How a covariance matrix is estimated: the sample one, shrunk by Ledoit–Wolf, or by a fixed amount. */
export type Shrinkage = 'ledoit-wolf' | number;

/** A covariance estimate and the shrinkage intensity behind it (0 = the sample covariance). */
export interface CovarianceEstimate {
  readonly matrix: number[][];
  readonly intensity: number;
}

function checkReturns(returns: readonly ArrayLike<number>[]): number {
  const n = returns.length;
  if (n === 0) throw new AlphintraError('INVALID_ARGUMENT', 'expected returns of at least one series');
  const t = (returns[0] as ArrayLike<number>).length;
  for (const [i, r] of returns.entries()) {
    if (r.length !== t) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected every series to have ${t} returns, got ${r.length} for series ${i}`,
      );
    }
  }
  if (t < 2) throw new AlphintraError('INVALID_ARGUMENT', `expected at least 2 returns per series, got ${t}`);
  return t;
}

/** Each series minus its mean. */
function demeaned(returns: readonly ArrayLike<number>[], t: number): Float64Array[] {
  return returns.map((r) => {
    let sum = 0;
    for (let k = 0; k < t; k++) sum += r[k] as number;
    const mean = sum / t;
    const out = new Float64Array(t);
    for (let k = 0; k < t; k++) out[k] = (r[k] as number) - mean;
    return out;
  });
}

/** Σₜ a[t]·b[t] / divisor. */
function crossMoment(a: Float64Array, b: Float64Array, divisor: number): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum / divisor;
}

/**
 * Returns the sample covariance matrix of several return series of equal length (divisor
 * T − 1, the unbiased estimate).
 *
 * @example
 * covarianceMatrix([Float64Array.of(0.01, -0.02, 0.03), Float64Array.of(0.0, 0.01, 0.02)]);
 */
export function covarianceMatrix(returns: readonly ArrayLike<number>[]): number[][] {
  const t = checkReturns(returns);
  const y = demeaned(returns, t);
  return y.map((a) => y.map((b) => crossMoment(a, b, t - 1)));
}

/**
 * Returns the correlation matrix of a covariance matrix; entries of a series with zero variance
 * are NaN (its correlation with anything is undefined), its diagonal included.
 */
export function correlationFromCovariance(covariance: Matrix): number[][] {
  const sd = covariance.map((row, i) => Math.sqrt(row[i] as number));
  return covariance.map((row, i) =>
    row.map((c, j) => {
      const scale = (sd[i] as number) * (sd[j] as number);
      if (!(scale > 0)) return Number.NaN;
      return i === j ? 1 : Math.max(-1, Math.min(1, c / scale));
    }),
  );
}

/**
 * Returns a shrunk covariance estimate of return series of equal length: δ·F + (1 − δ)·S, where
 * S is the sample covariance and F the constant-correlation target (S's variances, and every
 * correlation replaced by the average sample correlation). δ is either given (a number in
 * [0, 1]) or, with `'ledoit-wolf'`, the intensity Ledoit and Wolf derive as optimal under
 * squared (Frobenius) loss ("Honey, I shrunk the sample covariance matrix", 2004):
 * δ = max(0, min(1, (π̂ − ρ̂) / (γ̂ · T))). The intensity is computed with S at divisor T, as in
 * the paper; the returned matrix is rescaled by T / (T − 1) so that δ = 0 gives the unbiased
 * sample covariance. Every series must vary (the target needs its correlations).
 *
 * @example
 * const { matrix, intensity } = shrunkCovariance([a, b, c], 'ledoit-wolf');
 */
export function shrunkCovariance(returns: readonly ArrayLike<number>[], shrinkage: Shrinkage): CovarianceEstimate {
  const t = checkReturns(returns);
  if (shrinkage !== 'ledoit-wolf' && !(shrinkage >= 0 && shrinkage <= 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a shrinkage intensity in [0, 1], got ${shrinkage}`);
  }
  const n = returns.length;
  const y = demeaned(returns, t);
  const s = y.map((a) => y.map((b) => crossMoment(a, b, t)));
  const sd = s.map((row, i) => Math.sqrt(row[i] as number));
  for (const [i, v] of sd.entries()) {
    if (!(v > 0)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected series ${i} to vary, got constant returns`);
    }
  }
  let correlationSum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) correlationSum += (s[i]?.[j] as number) / ((sd[i] as number) * (sd[j] as number));
  }
  const averageCorrelation = n > 1 ? (2 * correlationSum) / (n * (n - 1)) : 1;
  const target = s.map((row, i) =>
    row.map((v, j) => (i === j ? v : averageCorrelation * (sd[i] as number) * (sd[j] as number))),
  );
  const intensity =
    shrinkage === 'ledoit-wolf' ? ledoitWolfIntensity(y, s, sd, target, averageCorrelation, t) : shrinkage;
  const unbias = t / (t - 1);
  const matrix = s.map((row, i) =>
    row.map((v, j) => (intensity * (target[i]?.[j] as number) + (1 - intensity) * v) * unbias),
  );
  return { matrix, intensity };
}

/** The Ledoit–Wolf optimal intensity toward the constant-correlation target (see {@link shrunkCovariance}). */
function ledoitWolfIntensity(
  y: readonly Float64Array[],
  s: Matrix,
  sd: readonly number[],
  target: Matrix,
  averageCorrelation: number,
  t: number,
): number {
  const n = y.length;
  // π̂: the sum of the asymptotic variances of √T·sᵢⱼ.
  let pi = 0;
  const piDiagonal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const sij = s[i]?.[j] as number;
      let sum = 0;
      for (let k = 0; k < t; k++) {
        const d = (y[i]?.[k] as number) * (y[j]?.[k] as number) - sij;
        sum += d * d;
      }
      pi += sum / t;
      if (i === j) piDiagonal[i] = sum / t;
    }
  }
  // ρ̂: the sum of the asymptotic covariances of the target's entries with the sample's.
  let rho = 0;
  for (let i = 0; i < n; i++) rho += piDiagonal[i] as number;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const sii = s[i]?.[i] as number;
      const sij = s[i]?.[j] as number;
      let theta = 0;
      for (let k = 0; k < t; k++) {
        const yi = y[i]?.[k] as number;
        theta += (yi * yi - sii) * (yi * (y[j]?.[k] as number) - sij);
      }
      rho += averageCorrelation * ((sd[j] as number) / (sd[i] as number)) * (theta / t);
    }
  }
  // γ̂: the squared distance between target and sample.
  let gamma = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = (target[i]?.[j] as number) - (s[i]?.[j] as number);
      gamma += d * d;
    }
  }
  if (!(gamma > 0)) return 0; // the sample already is the target
  return Math.max(0, Math.min(1, (pi - rho) / gamma / t));
}
