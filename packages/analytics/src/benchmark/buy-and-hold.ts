import { AlphintraError } from '@alphintra/core';

/** Closing prices of an instrument by bar time (epoch µs UTC, ascending). */
export interface PriceSeries {
  readonly time: ArrayLike<number>;
  readonly close: ArrayLike<number>;
}

/**
 * Returns the equity of buying `start` worth of an instrument and holding it, sampled at each
 * of `times` (an equity curve's timestamps, ascending): at time t the value is
 * `start` × close(t) / close(t₀), where close(t) is the close of the last bar at or before t
 * (an as-of join, so instruments with other trading days line up) and t₀ the first of `times`
 * that has such a bar. Before the instrument's first bar the value stays `start` (the money
 * waits in cash); bars before the first of `times` only provide the price at the start. No fees, no dividends beyond
 * what the prices contain. Throws when the prices are empty, not positive, or do not overlap
 * `times` (all after the last or all before the first).
 *
 * @example
 * const benchmark = buyAndHoldEquity(result.equity.time, orcl, result.summary.startEquity);
 * computeMetrics({ time, equity, benchmark: { equity: benchmark } });
 */
export function buyAndHoldEquity(times: ArrayLike<number>, prices: PriceSeries, start: number): Float64Array {
  const n = prices.time.length;
  if (n === 0 || prices.close.length !== n) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected benchmark prices with as many closes as times, got ${n} times and ${prices.close.length} closes`,
    );
  }
  if (!(Number.isFinite(start) && start > 0)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive starting value, got ${start}`);
  }
  for (let j = 0; j < n; j++) {
    const c = prices.close[j] as number;
    if (!(Number.isFinite(c) && c > 0)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected positive benchmark closes, got ${c} at bar ${j}`);
    }
  }
  const last = times.length - 1;
  if (last >= 0 && (times[last] as number) < (prices.time[0] as number)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      'expected benchmark prices overlapping the run, got prices starting after its last bar',
    );
  }
  if (last >= 0 && (prices.time[n - 1] as number) < (times[0] as number)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      'expected benchmark prices overlapping the run, got prices ending before its first bar',
    );
  }
  const out = new Float64Array(times.length);
  let base = Number.NaN;
  let j = -1;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    while (j + 1 < n && (prices.time[j + 1] as number) <= t) j++;
    if (j < 0) {
      out[i] = start;
      continue;
    }
    const close = prices.close[j] as number;
    if (Number.isNaN(base)) base = close;
    out[i] = (start * close) / base;
  }
  return out;
}
