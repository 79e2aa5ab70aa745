import { AlphintraError, SeededRng } from '@alphintra/core';
import { sharpeRatio } from '../risk/risk-adjusted.js';
import { mean, quantileSorted } from '../support/moments.js';

/** How resamples are drawn: periods one by one (`iid`), or in blocks of random length (`stationary`). */
export type BootstrapMethod = 'iid' | 'stationary';

/** A percentile bootstrap interval of the annualised Sharpe ratio. */
export interface SharpeInterval {
  readonly confidence: number;
  readonly method: BootstrapMethod;
  /** Mean block length of the stationary bootstrap; NaN for `iid`. */
  readonly meanBlockLength: number;
  /** NaN when no resample had a defined Sharpe. */
  readonly lower: number;
  readonly upper: number;
  readonly samples: number;
  readonly seed: number;
}

function checkCount(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer ${name}, got ${value}`);
  }
}

/**
 * Returns the default mean block length of the stationary bootstrap for n returns: ⌈n^(1/3)⌉,
 * the rate at which the optimal block length grows with the sample (Politis and White, 2004).
 */
export function defaultMeanBlockLength(n: number): number {
  return Math.max(1, Math.ceil(Math.cbrt(n)));
}

/**
 * Fills `out` with a stationary-bootstrap resample of `values` (Politis and Romano, 1994):
 * the first value at a uniform random position, then each next one either the value after the
 * previous (wrapping from the last to the first) or, with probability 1 / `meanBlockLength`, at
 * a new uniform random position. Blocks have geometric lengths of mean `meanBlockLength`, so the
 * resample keeps the serial dependence within them, and it is stationary.
 */
export function stationaryResample(
  values: Float64Array,
  meanBlockLength: number,
  rng: SeededRng,
  out: Float64Array,
): void {
  const n = values.length;
  const restart = 1 / meanBlockLength;
  let at = 0;
  for (let i = 0; i < out.length; i++) {
    at = i === 0 || rng.nextFloat() < restart ? rng.nextInt(n) : at + 1 === n ? 0 : at + 1;
    out[i] = values[at] as number;
  }
}

/**
 * Returns a percentile bootstrap confidence interval of the annualised Sharpe ratio: `samples`
 * resamples of the returns, the Sharpe of each, and the (1 ± confidence)/2 quantiles of those
 * with a defined Sharpe. Resamples are drawn by a `SeededRng(seed)`, with replacement: period by
 * period (`method: 'iid'`, the default: independent periods), or by the stationary bootstrap
 * (`'stationary'`, blocks of mean length `meanBlockLength`, ⌈n^(1/3)⌉ by default), which keeps
 * the serial correlation a strategy's returns usually have.
 *
 * @example
 * bootstrapSharpeInterval(returns, 252, { samples: 1000, seed: 7, confidence: 0.95, method: 'stationary', meanBlockLength: 10 });
 */
export function bootstrapSharpeInterval(
  returns: Float64Array,
  periodsPerYear: number,
  options: {
    samples: number;
    seed: number;
    confidence: number;
    riskFreePerPeriod?: number;
    method?: BootstrapMethod;
    meanBlockLength?: number;
  },
): SharpeInterval {
  const { samples, seed, confidence } = options;
  checkCount('number of bootstrap samples', samples);
  if (!(confidence > 0 && confidence < 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a confidence level in (0, 1), got ${confidence}`);
  }
  const method = options.method ?? 'iid';
  if (method !== 'iid' && method !== 'stationary') {
    throw new AlphintraError('INVALID_ARGUMENT', `expected bootstrap method iid or stationary, got ${String(method)}`);
  }
  const n = returns.length;
  const blocks = method === 'stationary' ? (options.meanBlockLength ?? defaultMeanBlockLength(n)) : Number.NaN;
  if (method === 'stationary' && !(Number.isFinite(blocks) && blocks >= 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a mean block length of at least 1, got ${blocks}`);
  }
  const rng = new SeededRng(seed);
  const draw = new Float64Array(n);
  const sharpes: number[] = [];
  for (let s = 0; s < samples && n > 0; s++) {
    if (method === 'stationary') stationaryResample(returns, blocks, rng, draw);
    else for (let i = 0; i < n; i++) draw[i] = returns[rng.nextInt(n)] as number;
    const sr = sharpeRatio(draw, periodsPerYear, options.riskFreePerPeriod ?? 0);
    if (!Number.isNaN(sr)) sharpes.push(sr);
  }
  const sorted = Float64Array.from(sharpes).sort();
  return {
    confidence,
    method,
    meanBlockLength: blocks,
    lower: quantileSorted(sorted, (1 - confidence) / 2),
    upper: quantileSorted(sorted, (1 + confidence) / 2),
    samples,
    seed,
  };
}

/** The distribution of the maximum drawdown over reorderings of the trades. */
export interface TradeOrderDrawdowns {
  readonly simulations: number;
  readonly seed: number;
  /** Max drawdown of the trades in their actual exit order (positive fraction). */
  readonly actual: number;
  readonly mean: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly worst: number;
}

/** Max drawdown (positive fraction, capped at 1) of start + cumulative pnl in the given order. */
export function pnlPathMaxDrawdown(start: number, pnl: ArrayLike<number>): number {
  let equity = start;
  let peak = start;
  let worst = 0;
  for (let i = 0; i < pnl.length; i++) {
    equity += pnl[i] as number;
    if (equity > peak) peak = equity;
    else worst = Math.max(worst, Math.min(1, 1 - equity / peak));
  }
  return worst;
}

/**
 * Returns the maximum-drawdown distribution of `simulations` random orderings (Fisher–Yates with
 * a `SeededRng(seed)`) of trade P&Ls added to a starting equity. The final equity is the same
 * in every ordering; only the path, and so the drawdown, changes.
 */
export function tradeOrderDrawdowns(
  start: number,
  pnlInExitOrder: readonly number[],
  options: { simulations: number; seed: number },
): TradeOrderDrawdowns {
  const { simulations, seed } = options;
  checkCount('number of simulations', simulations);
  const rng = new SeededRng(seed);
  const order = Float64Array.from(pnlInExitOrder);
  const results = new Float64Array(simulations);
  for (let s = 0; s < simulations; s++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      const tmp = order[i] as number;
      order[i] = order[j] as number;
      order[j] = tmp;
    }
    results[s] = pnlPathMaxDrawdown(start, order);
  }
  results.sort();
  return {
    simulations,
    seed,
    actual: pnlPathMaxDrawdown(start, pnlInExitOrder),
    mean: mean(results),
    median: quantileSorted(results, 0.5),
    p95: quantileSorted(results, 0.95),
    p99: quantileSorted(results, 0.99),
    worst: results[simulations - 1] as number,
  };
}
