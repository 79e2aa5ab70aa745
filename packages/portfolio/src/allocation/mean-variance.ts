import { AlphintraError } from '@alphintra/core';
import { type Matrix, normalise } from './matrix.js';
import { solveSimplexQp } from './simplex-qp.js';

const ones = (n: number): number[] => new Array<number>(n).fill(1);

/**
 * Returns the long-only, fully invested weights of least variance: min wᵀΣw subject to
 * Σwᵢ = 1 and w ≥ 0. For two assets this is w₁ = (σ₂² − σ₁₂) / (σ₁² + σ₂² − 2σ₁₂), clipped to [0, 1].
 *
 * @example
 * minimumVarianceWeights([[0.04, 0], [0, 0.01]]); // [0.2, 0.8]
 */
export function minimumVarianceWeights(covariance: Matrix): number[] {
  return normalise(solveSimplexQp({ q: covariance, a: ones(covariance.length) }));
}

/**
 * Returns the long-only, fully invested weights of the highest Sharpe ratio (μᵀw − r) / √(wᵀΣw),
 * with per-period mean returns μ and risk-free rate r. Solved as min yᵀΣy subject to
 * (μ − r)ᵀy = 1 and y ≥ 0, then w = y / Σyᵢ (the ratio is scale-free, and this convex problem
 * has the same maximiser). It exists only when some asset's mean beats r; otherwise the
 * minimum-variance weights are returned, and `fallback` says so.
 *
 * @example
 * maximumSharpeWeights(covariance, [0.0004, 0.0003], 0); // { weights, fallback: false }
 */
export function maximumSharpeWeights(
  covariance: Matrix,
  means: readonly number[],
  riskFreePerPeriod = 0,
): { weights: number[]; fallback: boolean } {
  const n = covariance.length;
  if (means.length !== n)
    throw new AlphintraError('INVALID_ARGUMENT', `expected ${n} mean returns, got ${means.length}`);
  const excess = means.map((m) => m - riskFreePerPeriod);
  if (!excess.some((e) => e > 0)) return { weights: minimumVarianceWeights(covariance), fallback: true };
  return { weights: normalise(solveSimplexQp({ q: covariance, a: excess })), fallback: false };
}

/**
 * Returns the long-only, fully invested weights maximising μᵀw − (λ/2)·wᵀΣw for a risk aversion
 * λ > 0 (large λ tends to minimum variance, small λ to the single best mean).
 *
 * @example
 * meanVarianceUtilityWeights(covariance, means, 5);
 */
export function meanVarianceUtilityWeights(
  covariance: Matrix,
  means: readonly number[],
  riskAversion: number,
): number[] {
  if (!(Number.isFinite(riskAversion) && riskAversion > 0)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive risk aversion, got ${riskAversion}`);
  }
  const n = covariance.length;
  if (means.length !== n)
    throw new AlphintraError('INVALID_ARGUMENT', `expected ${n} mean returns, got ${means.length}`);
  const q = covariance.map((row) => row.map((v) => v * riskAversion));
  return normalise(solveSimplexQp({ q, c: means.map((m) => -m), a: ones(n) }));
}

/**
 * Returns weights proportional to 1 / σᵢ, the inverse of each asset's volatility (the square root
 * of the covariance diagonal). Every variance must be positive.
 *
 * @example
 * inverseVolatilityWeights([[0.04, 0], [0, 0.01]]); // [1/3, 2/3]
 */
export function inverseVolatilityWeights(covariance: Matrix): number[] {
  return normalise(
    covariance.map((row, i) => {
      const v = row[i] as number;
      if (!(v > 0))
        throw new AlphintraError('INVALID_ARGUMENT', `expected a positive variance for asset ${i}, got ${v}`);
      return 1 / Math.sqrt(v);
    }),
  );
}
