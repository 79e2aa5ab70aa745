import { AlphintraError } from '@alphintra/core';
import { excessKurtosis, mean, ratioOverSpread, sampleStd, skewness } from '../support/moments.js';
import { normalCdf, normalQuantile } from '../support/normal.js';

/** The Euler–Mascheroni constant γ. */
export const EULER_MASCHERONI = 0.5772156649015329;

/**
 * Returns the t-statistic of the mean excess return: (mean(r) − rf) / (std(r) / √n), or NaN when
 * there is no spread.
 */
export function meanReturnTStatistic(returns: ArrayLike<number>, riskFreePerPeriod = 0): number {
  return ratioOverSpread(mean(returns) - riskFreePerPeriod, sampleStd(returns)) * Math.sqrt(returns.length);
}

/**
 * Returns the probabilistic Sharpe ratio: the probability that the true per-period Sharpe
 * exceeds `benchmarkSharpe` (per period, not annualised), given the observed one, the sample
 * length and the returns' skew and excess kurtosis (Bailey and López de Prado, 2012):
 * Φ((SR − SR*) · √(n − 1) / √(1 − skew·SR + (excessKurtosis + 2)/4 · SR²)).
 *
 * @example
 * probabilisticSharpeRatio(dailyReturns, 0); // e.g. 0.97
 */
export function probabilisticSharpeRatio(
  returns: ArrayLike<number>,
  benchmarkSharpe = 0,
  riskFreePerPeriod = 0,
): number {
  const sr = ratioOverSpread(mean(returns) - riskFreePerPeriod, sampleStd(returns));
  return probabilisticSharpeFromMoments(
    sr,
    benchmarkSharpe,
    returns.length,
    skewness(returns),
    excessKurtosis(returns),
  );
}

/**
 * Returns the probabilistic Sharpe ratio from its ingredients: the observed per-period Sharpe
 * `sharpe`, the threshold `benchmarkSharpe`, the number of returns and their skew and excess
 * kurtosis; NaN when the variance term is not positive.
 */
export function probabilisticSharpeFromMoments(
  sharpe: number,
  benchmarkSharpe: number,
  observations: number,
  skew: number,
  excessKurtosis: number,
): number {
  const variance = 1 - skew * sharpe + ((excessKurtosis + 2) / 4) * sharpe * sharpe;
  if (!(variance > 0)) return Number.NaN;
  return normalCdf(((sharpe - benchmarkSharpe) * Math.sqrt(observations - 1)) / Math.sqrt(variance));
}

/**
 * Returns the Sharpe ratio (per period) that the best of `trials` independent strategies with
 * no skill would be expected to reach, when their per-period Sharpe ratios vary with variance
 * `sharpeVariance`: √V · ((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))). One trial gives 0.
 */
export function expectedMaxSharpe(trials: number, sharpeVariance: number): number {
  if (!(Number.isInteger(trials) && trials >= 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer number of trials, got ${trials}`);
  }
  if (!(Number.isFinite(sharpeVariance) && sharpeVariance >= 0)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a non-negative Sharpe variance, got ${sharpeVariance}`);
  }
  if (trials === 1) return 0;
  const g = EULER_MASCHERONI;
  return (
    Math.sqrt(sharpeVariance) *
    ((1 - g) * normalQuantile(1 - 1 / trials) + g * normalQuantile(1 - 1 / (trials * Math.E)))
  );
}

/**
 * Returns the deflated Sharpe ratio: the probabilistic Sharpe ratio against the Sharpe the best
 * of `trials` skill-less trials would reach by luck. `annualSharpeVariance` is the variance of
 * the trials' annualised Sharpe ratios; it is brought to per-period units by dividing by P.
 */
export function deflatedSharpeRatio(
  returns: ArrayLike<number>,
  trials: number,
  annualSharpeVariance: number,
  periodsPerYear: number,
  riskFreePerPeriod = 0,
): number {
  const threshold = expectedMaxSharpe(trials, annualSharpeVariance / periodsPerYear);
  return probabilisticSharpeRatio(returns, threshold, riskFreePerPeriod);
}
