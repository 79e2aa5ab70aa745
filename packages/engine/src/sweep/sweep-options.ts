import { AlphintraError } from '@alphintra/core';
import type { BacktestConfig, BacktestData } from '../backtest/backtest-config.js';
import type { ParameterSpecs, RawParameter } from '../strategy/parameters.js';
import type { StrategyDefinition } from '../strategy/strategy.js';

/** Everything a sweep needs: a strategy with a sweep face, one instrument's data, the parameter sets. */
export interface SweepOptions<P extends ParameterSpecs = ParameterSpecs, K extends string = string>
  extends Partial<BacktestConfig> {
  readonly strategy: StrategyDefinition<P, K>;
  /** Exactly one instrument (the fast path trades one). */
  readonly data: readonly BacktestData[];
  /** One entry per run: overrides of the strategy's defaults, checked as `runBacktest` checks them. */
  readonly parameterSets: readonly Readonly<Record<string, RawParameter>>[];
  /**
   * Periods per year for the Sharpe ratio. Default 252 for daily bars (what
   * `inferPeriodsPerYear` of @alphintra/analytics gives them); required for other bar lengths.
   */
  readonly periodsPerYear?: number;
  /** Also return every run's per-bar returns (runs × (bars − 1) numbers). */
  readonly barReturns?: boolean;
  /**
   * With `barReturns`: write them into the start of this array when it is long enough, instead
   * of a new one (`barReturns` is then a view of it). A caller sweeping batch after batch reuses
   * one buffer, which saves allocating — and on some machines faulting in — fresh memory per pass.
   */
  readonly returnsBuffer?: Float64Array;
  /**
   * Compute the trade statistics (win rate, profit factor … see `SweepTradeColumns`); true by
   * default. With false, fills are only counted into `trades` and the trade columns hold NaN:
   * the sweep then does what Sharpe, drawdown and returns need and no more.
   */
  readonly tradeStatistics?: boolean;
  /** Also return the sum and sum of squares of every run's returns in this many contiguous blocks. */
  readonly returnBlocks?: number;
  /** Called every `progressInterval` runs and at the end. */
  readonly onProgress?: (runsDone: number, runsTotal: number) => void;
  readonly progressInterval?: number;
  /** Checked between runs; when it reads true the sweep stops with an `ABORTED` error. */
  readonly signal?: { readonly aborted: boolean };
}

/** Names one thing in a configuration the fast path cannot reproduce exactly. */
function unsupportedConfig(config: BacktestConfig): string[] {
  const problems: string[] = [];
  if (config.corporateActions.length > 0) problems.push(`corporate actions (${config.corporateActions.length})`);
  if (Number.isFinite(config.volumeLimit)) problems.push(`a volume limit (${config.volumeLimit} of bar volume)`);
  const latency = config.latency;
  if (typeof latency === 'function') problems.push('a custom latency model');
  else if (latency.fixed !== 0 || (latency.jitter ?? 0) !== 0) problems.push('order latency');
  const { tradingState, ...limits } = config.risk;
  if (tradingState !== undefined && tradingState !== 'active') problems.push(`trading state ${tradingState}`);
  const set = Object.keys(limits).filter((key) => (limits as Record<string, unknown>)[key] !== undefined);
  if (set.length > 0) problems.push(`risk limits (${set.join(', ')})`);
  return problems;
}

/** Names what the data holds that the fast path cannot reproduce exactly. */
function unsupportedData(data: readonly BacktestData[], config: BacktestConfig, duration: number): string[] {
  if (data.length !== 1) return [data.length === 0 ? 'no instrument' : `several instruments (${data.length})`];
  const d = data[0] as BacktestData;
  const problems: string[] = [];
  const kind = d.instrument.kind;
  if (kind === 'future' || kind === 'perpetual') problems.push(`a margined instrument (${kind})`);
  if (d.fundingRate !== undefined) problems.push('funding rates');
  if (d.trades !== undefined || d.quotes !== undefined) problems.push('tick data (trades or quotes)');
  const currency = d.instrument.currency;
  if (config.currency !== undefined && config.currency !== currency) {
    problems.push(`an account in ${config.currency} for an instrument quoted in ${currency}`);
  }
  if (d.series === undefined) return [...problems, 'data without bars'];
  const { time, open, close } = d.series;
  for (let i = 0; i < d.series.length; i++) {
    if (!((open[i] as number) > 0 && (close[i] as number) > 0)) {
      problems.push(`a non-positive open or close (bar ${i})`);
      break;
    }
  }
  if (config.fillTiming === 'next-open') {
    for (let i = 1; i < d.series.length; i++) {
      if ((time[i] as number) < (time[i - 1] as number) + duration) {
        problems.push(`bar ${i} opening before bar ${i - 1} closes (orders would wait more than one bar)`);
        break;
      }
    }
  }
  return problems;
}

/**
 * Returns what in a sweep's strategy, data and configuration the fast path cannot reproduce
 * exactly (empty when it can): limit and stop orders (a strategy without a sweep face),
 * latency, volume limits, risk limits, corporate actions, funding, margined instruments,
 * ticks, several instruments. `duration` is the bar length in µs (0 without bars).
 */
export function sweepProblems(
  strategy: StrategyDefinition<ParameterSpecs, string>,
  data: readonly BacktestData[],
  config: BacktestConfig,
  duration: number,
): string[] {
  const problems: string[] = [];
  if (strategy.sweep === undefined) problems.push(`strategy ${strategy.name} has no sweep face`);
  return [...problems, ...unsupportedConfig(config), ...unsupportedData(data, config, duration)];
}

/** Throws `SWEEP_UNSUPPORTED` naming every problem, so the caller can fall back to `runBacktest`. */
export function refuseUnsupported(problems: readonly string[]): void {
  if (problems.length === 0) return;
  throw new AlphintraError(
    'SWEEP_UNSUPPORTED',
    `the sweep fast path cannot reproduce ${problems.join('; ')}; run the event-driven engine (runBacktest) instead`,
  );
}

/** Checks the sweep-only options and throws one clear error for the first bad one. */
export function checkSweepOptions(options: SweepOptions<ParameterSpecs, string>): void {
  const fail = (message: string): never => {
    throw new AlphintraError('INVALID_ARGUMENT', message);
  };
  const p = options.periodsPerYear;
  if (p !== undefined && !(Number.isFinite(p) && p > 0)) fail(`expected positive periodsPerYear, got ${p}`);
  const blocks = options.returnBlocks;
  if (blocks !== undefined && !(Number.isInteger(blocks) && blocks >= 1))
    fail(`expected a whole number of return blocks ≥ 1, got ${blocks}`);
  if (!Array.isArray(options.parameterSets))
    fail(`expected parameterSets as an array, got ${typeof options.parameterSets}`);
}
