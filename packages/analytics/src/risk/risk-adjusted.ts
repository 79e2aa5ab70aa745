import { excessKurtosis, mean, quantile, ratioOverSpread, sampleStd, skewness } from '../support/moments.js';

/** Risk-adjusted figures of a return series; NaN where undefined. */
export interface RiskFigures {
  /** Mean excess return over its sample std, × √P. */
  readonly sharpe: number;
  /** Mean excess return over the downside deviation below the risk-free rate, × √P. */
  readonly sortino: number;
  /** √(mean of min(0, r − rf)² over all periods), annualised by √P. */
  readonly downsideDeviation: number;
  /** CAGR over the maximum drawdown. */
  readonly calmar: number;
  /** Sum of gains above the threshold over the sum of losses below it. */
  readonly omega: number;
  /** |95th percentile| / |5th percentile| of period returns. */
  readonly tailRatio: number;
  readonly skew: number;
  readonly excessKurtosis: number;
}

/**
 * Returns the Sharpe ratio of period returns, annualised: (mean(r) − rf) / std(r) × √P with the
 * sample std (n − 1), or NaN when there is no spread or fewer than two returns.
 *
 * @example
 * sharpeRatio(Float64Array.of(0.01, -0.005, 0.02), 252); // ≈ 10.5
 */
export function sharpeRatio(returns: ArrayLike<number>, periodsPerYear: number, riskFreePerPeriod = 0): number {
  return ratioOverSpread(mean(returns) - riskFreePerPeriod, sampleStd(returns)) * Math.sqrt(periodsPerYear);
}

/** Returns the per-period downside deviation √(Σ min(0, rᵢ − target)² / n), or NaN when empty. */
export function downsideDeviation(returns: ArrayLike<number>, target = 0): number {
  const n = returns.length;
  if (n === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.min(0, (returns[i] as number) - target);
    s += d * d;
  }
  return Math.sqrt(s / n);
}

/**
 * Returns the Sortino ratio, annualised: (mean(r) − rf) / downsideDeviation(r, rf) × √P, or
 * NaN when no period falls below the risk-free rate.
 */
export function sortinoRatio(returns: ArrayLike<number>, periodsPerYear: number, riskFreePerPeriod = 0): number {
  return (
    ratioOverSpread(mean(returns) - riskFreePerPeriod, downsideDeviation(returns, riskFreePerPeriod)) *
    Math.sqrt(periodsPerYear)
  );
}

/**
 * Returns the Omega ratio at a per-period threshold: Σ max(rᵢ − L, 0) / Σ max(L − rᵢ, 0), or
 * NaN when no period falls below the threshold.
 */
export function omegaRatio(returns: ArrayLike<number>, threshold = 0): number {
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < returns.length; i++) {
    const d = (returns[i] as number) - threshold;
    if (d > 0) gains += d;
    else losses -= d;
  }
  return losses > 0 ? gains / losses : Number.NaN;
}

/** Returns |q₀.₉₅| / |q₀.₀₅| of period returns (type-7 quantiles), or NaN when q₀.₀₅ is 0. */
export function tailRatio(returns: ArrayLike<number>): number {
  if (returns.length === 0) return Number.NaN;
  const low = Math.abs(quantile(returns, 0.05));
  return low > 0 ? Math.abs(quantile(returns, 0.95)) / low : Number.NaN;
}

/** Returns the risk-adjusted figures of period returns given the curve's CAGR and max drawdown. */
export function riskFigures(
  returns: Float64Array,
  periodsPerYear: number,
  riskFreePerPeriod: number,
  cagr: number,
  maxDrawdown: number,
): RiskFigures {
  return {
    sharpe: sharpeRatio(returns, periodsPerYear, riskFreePerPeriod),
    sortino: sortinoRatio(returns, periodsPerYear, riskFreePerPeriod),
    downsideDeviation: downsideDeviation(returns, riskFreePerPeriod) * Math.sqrt(periodsPerYear),
    calmar: maxDrawdown > 0 ? cagr / maxDrawdown : Number.NaN,
    omega: omegaRatio(returns, riskFreePerPeriod),
    tailRatio: tailRatio(returns),
    skew: skewness(returns),
    excessKurtosis: excessKurtosis(returns),
  };
}
