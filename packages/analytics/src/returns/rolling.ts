import { AlphintraError } from '@alphintra/core';
import { mean, type Numbers, ratioOverSpread, sampleStd } from '../support/moments.js';

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

/** Returns the annualised volatility (sample std × √P) of each trailing window of returns. */
export function rollingVolatility(returns: Float64Array, window: number, periodsPerYear: number): Float64Array {
  const scale = Math.sqrt(periodsPerYear);
  return rollingWindows(returns, window, (w) => sampleStd(w) * scale);
}

/**
 * Returns the annualised Sharpe ratio of each trailing window of returns, with a per-period
 * risk-free rate; NaN where a window has no spread.
 */
export function rollingSharpe(
  returns: Float64Array,
  window: number,
  periodsPerYear: number,
  riskFreePerPeriod = 0,
): Float64Array {
  const scale = Math.sqrt(periodsPerYear);
  return rollingWindows(returns, window, (w: Numbers) => {
    const sd = sampleStd(w);
    return ratioOverSpread(mean(w) - riskFreePerPeriod, sd) * scale;
  });
}
