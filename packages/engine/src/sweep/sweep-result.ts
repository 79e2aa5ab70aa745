import { allocateTradeColumns, SWEEP_TRADE_COLUMNS, type SweepTradeColumns } from './sweep-trades.js';

/** Resolved parameter values of one run. */
export type SweepParameters = Readonly<Record<string, number | boolean | string>>;

/** Per-block sums of every run's period returns (for overfitting diagnostics). */
export interface SweepReturnBlocks {
  /** Block b holds returns `bounds[b]` ≤ i < `bounds[b + 1]` (return i is bar i + 1 over bar i). */
  readonly bounds: Int32Array;
  /** Run r, block b at `r × blocks + b`: Σ returns. */
  readonly sum: Float64Array;
  /** Run r, block b at `r × blocks + b`: Σ returns². */
  readonly sumOfSquares: Float64Array;
}

/**
 * The result table of a sweep: one row per parameter set, in the order given, held as
 * columns. Figures follow the engine's summary and docs/analytics/metrics.md: total return
 * is final equity over starting cash − 1; Sharpe is the mean of the per-bar returns of the
 * equity curve over their sample standard deviation × √periodsPerYear (risk-free rate 0;
 * NaN for fewer than two returns or a spread below 1e-12); max drawdown is the deepest
 * 1 − trough / peak of the curve (0 when it never falls). The trade columns
 * ({@link SweepTradeColumns}) are the trade statistics of the run's closed trades (NaN when
 * the sweep ran with `tradeStatistics: false`).
 */
export interface SweepResult extends SweepTradeColumns {
  /** Number of runs (parameter sets). */
  readonly runs: number;
  /** Bars each run covers. */
  readonly bars: number;
  readonly periodsPerYear: number;
  /** Distinct indicator computations the runs shared. */
  readonly indicatorComputations: number;
  /** Each run's parameters with defaults filled in. */
  readonly parameters: readonly SweepParameters[];
  /** Closed round trips. */
  readonly trades: Float64Array;
  /**
   * Equity after the first bar: the starting cash, unless an order filled at that bar's
   * close (`close` fill timing). Where a measured curve starting at the first bar begins.
   */
  readonly firstEquity: Float64Array;
  readonly finalEquity: Float64Array;
  readonly totalReturn: Float64Array;
  readonly sharpe: Float64Array;
  readonly maxDrawdown: Float64Array;
  /** With `barReturns`: run r's return i at `r × (bars − 1) + i`. */
  readonly barReturns?: Float64Array;
  /** With `returnBlocks`. */
  readonly returnBlocks?: SweepReturnBlocks;
}

/** One row of a sweep result as a plain object (trade figures included; NaN where undefined). */
export interface SweepRow extends Readonly<Record<(typeof SWEEP_TRADE_COLUMNS)[number], number>> {
  readonly parameters: SweepParameters;
  readonly trades: number;
  readonly finalEquity: number;
  readonly totalReturn: number;
  /** NaN when undefined. */
  readonly sharpe: number;
  readonly maxDrawdown: number;
}

/** `length` cells for the per-bar returns: the start of `buffer` when it is long enough (every cell is written by the runs). */
function returnsArray(length: number, buffer: Float64Array | undefined): Float64Array {
  return buffer !== undefined && buffer.length >= length ? buffer.subarray(0, length) : new Float64Array(length);
}

/** Allocates the result table for `runs` runs over `bars` bars. */
export function allocateResult(
  parameters: readonly SweepParameters[],
  bars: number,
  periodsPerYear: number,
  indicatorComputations: number,
  barReturns: boolean,
  blocks: number,
  tradeStatistics = true,
  returnsBuffer?: Float64Array,
): SweepResult {
  const runs = parameters.length;
  const returns = Math.max(0, bars - 1);
  let returnBlocks: SweepReturnBlocks | undefined;
  if (blocks > 0) {
    const bounds = new Int32Array(blocks + 1);
    for (let b = 0; b <= blocks; b++) bounds[b] = Math.round((b * returns) / blocks);
    returnBlocks = {
      bounds,
      sum: new Float64Array(runs * blocks),
      sumOfSquares: new Float64Array(runs * blocks),
    };
  }
  return {
    runs,
    bars,
    periodsPerYear,
    indicatorComputations,
    parameters,
    trades: new Float64Array(runs),
    firstEquity: new Float64Array(runs),
    finalEquity: new Float64Array(runs),
    totalReturn: new Float64Array(runs),
    sharpe: new Float64Array(runs),
    maxDrawdown: new Float64Array(runs),
    ...allocateTradeColumns(runs, tradeStatistics ? 0 : Number.NaN),
    ...(barReturns ? { barReturns: returnsArray(runs * returns, returnsBuffer) } : {}),
    ...(returnBlocks === undefined ? {} : { returnBlocks }),
  };
}

/**
 * Returns row `index` of a sweep result as a plain object.
 *
 * @example
 * const best = sweepRow(result, bestIndex); // { parameters: { fast: 12, slow: 40 }, sharpe: 0.91, winRate: 0.44, … }
 */
export function sweepRow(result: SweepResult, index: number): SweepRow {
  const trades: Record<string, number> = {};
  for (const name of SWEEP_TRADE_COLUMNS) trades[name] = result[name][index] as number;
  return {
    ...(trades as Record<(typeof SWEEP_TRADE_COLUMNS)[number], number>),
    parameters: result.parameters[index] as SweepParameters,
    trades: result.trades[index] as number,
    finalEquity: result.finalEquity[index] as number,
    totalReturn: result.totalReturn[index] as number,
    sharpe: result.sharpe[index] as number,
    maxDrawdown: result.maxDrawdown[index] as number,
  };
}
