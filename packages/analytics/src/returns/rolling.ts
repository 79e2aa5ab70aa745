import { AlphintraError } from '@alphintra/core';
import { ratioOverSpread } from '../support/moments.js';
import { rollingMeanVariance } from './rolling-moments.js';

/**
 * Returns `statistic` over each trailing window of `window` values, aligned with the input:
 * element i holds the statistic of values i − window + 1 … i, and the first window − 1 elements
 * are NaN. The statistic receives a subarray view, so it must not keep it.
 *
 * @example
 * rollingWindows(returns, 63, (w) => w.length); // 63 from index 62 on
 */
export function rollingWindows(
  values: Float64Array,
  window: number,
  statistic: (window: Float64Array) => number,
): Float64Array {
  if (!(Number.isInteger(window) && window >= 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer window, got ${window}`);
  }
  const out = new Float64Array(values.length).fill(Number.NaN);
  for (let i = window - 1; i < values.length; i++) out[i] = statistic(values.subarray(i - window + 1, i + 1));
  return out;
}

/**
 * Returns the annualised volatility (sample std × √P) of each trailing window of returns, in
 * O(n) for any window (see `rollingMeanVariance`).
 */
export function rollingVolatility(returns: Float64Array, window: number, periodsPerYear: number): Float64Array {
  const scale = Math.sqrt(periodsPerYear);
  const { variance } = rollingMeanVariance(returns, window);
  return variance.map((v) => Math.sqrt(v) * scale);
}

/**
 * Returns the annualised Sharpe ratio of each trailing window of returns, with a per-period
 * risk-free rate; NaN where a window has no spread. O(n) for any window.
 */
export function rollingSharpe(
  returns: Float64Array,
  window: number,
  periodsPerYear: number,
  riskFreePerPeriod = 0,
): Float64Array {
  const scale = Math.sqrt(periodsPerYear);
  const { mean, variance } = rollingMeanVariance(returns, window);
  return mean.map((m, i) => ratioOverSpread(m - riskFreePerPeriod, Math.sqrt(variance[i] as number)) * scale);
}

/**
 * Returns the default rolling window in periods: half a year of periods (126 for daily bars,
 * 26 for weekly, 6 for monthly), but at most half the sample so that a short run still draws
 * a line, and at least 2 (a standard deviation needs two values).
 *
 * @example
 * defaultRollingWindow(252, 5035); // 126
 * defaultRollingWindow(252, 100); // 50
 */
export function defaultRollingWindow(periodsPerYear: number, periods: number): number {
  const halfYear = Number.isFinite(periodsPerYear) ? Math.round(periodsPerYear / 2) : 2;
  return Math.max(2, Math.min(halfYear, Math.floor(periods / 2)));
}

/** Throws unless `window` is an integer of at least 2, the shortest window with a spread. */
export function checkRollingWindow(window: number): void {
  if (!(Number.isInteger(window) && window >= 2)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a rolling window of at least 2 periods, got ${window}`);
  }
}

/** Rolling Sharpe ratio and volatility, one value per bar (see {@link rollingFigures}). */
export interface RollingFigures {
  readonly window: number;
  readonly sharpe: Float64Array;
  readonly volatility: Float64Array;
}

/**
 * Returns the annualised rolling Sharpe ratio and volatility of an equity curve's period
 * returns, aligned with its **bars**: element i is the figure of the `window` returns that end
 * at bar i, NaN for the first `window` bars (bar 0 has no return). Throws unless the window is
 * an integer of at least 2.
 */
export function rollingFigures(
  returns: Float64Array,
  window: number,
  periodsPerYear: number,
  riskFreePerPeriod = 0,
): RollingFigures {
  checkRollingWindow(window);
  const byBar = (perReturn: Float64Array): Float64Array => {
    const out = new Float64Array(returns.length + 1);
    out[0] = Number.NaN;
    out.set(perReturn, 1);
    return out;
  };
  return {
    window,
    sharpe: byBar(rollingSharpe(returns, window, periodsPerYear, riskFreePerPeriod)),
    volatility: byBar(rollingVolatility(returns, window, periodsPerYear)),
  };
}
