import {
  AlphintraError,
  approximateTimeframeMicros,
  type BarSeries,
  detectTimeframe,
  type Instrument,
  type QuoteTicks,
  type Rng,
  type Timeframe,
  type TradeTicks,
} from '@alphintra/core';
import { BAR_PATHS, type BarPath } from '../execution/bar-path.js';
import type { FeeConfig, FeeModel } from '../execution/fee-model.js';
import type { LatencyConfig, LatencyModel } from '../execution/latency-model.js';
import type { FillTiming } from '../execution/simulated-exchange.js';
import type { SlippageConfig, SlippageModel } from '../execution/slippage-model.js';
import type { CorporateAction } from '../kernel/kernel-types.js';
import { checkFxRates, type FxRateTable } from '../portfolio/fx-rate-input.js';
import type { RiskConfig } from '../risk/risk-engine.js';

/** One instrument's data for a backtest. */
export interface BacktestData {
  readonly instrument: Instrument;
  /** Bars; optional when ticks are given (bars then come from nothing: the strategy sees ticks). */
  readonly series?: BarSeries;
  /**
   * Trade ticks. Delivered to `onTrade`; the venue matches on them unless quotes are given.
   * Without bars, indicators and history see one row per trade.
   */
  readonly trades?: TradeTicks;
  /** Quote ticks. Delivered to `onQuote`; the venue matches on them (buys at the ask, sells at the bid). */
  readonly quotes?: QuoteTicks;
  /** Initial margin fraction (futures, perpetuals). Default 0.1. */
  readonly marginRate?: number;
  /** Funding rate per interval (perpetuals): a constant or one value per bar. */
  readonly fundingRate?: number | Float64Array;
  /** Content hash of the dataset, if known (recorded in the manifest instead of hashing the columns). */
  readonly hash?: string;
}

/** Execution and account rules of a backtest; every field has a default. */
export interface BacktestConfig {
  /** Starting cash, in the account currency. Default 100,000. */
  readonly cash: number;
  /**
   * The account currency: equity, exposure, buying power, risk limits and results are in it.
   * Default: the quote currency of the first instrument.
   */
  readonly currency?: string;
  /**
   * Exchange rates by pair (`'EUR/USD': 1.1`, or a `{ time, rate }` series read as of the
   * clock time) for currencies no FX instrument of the run converts. Default none.
   */
  readonly fxRates: FxRateTable;
  /** Gross exposure of cash instruments allowed as a multiple of equity. Default 1. */
  readonly leverage: number;
  /** Whether cash instruments may be shorted. Default true. */
  readonly allowShort: boolean;
  readonly fees: FeeConfig | FeeModel;
  readonly slippage: SlippageConfig | SlippageModel;
  /** Market orders fill at the next bar's open (default) or at the close of the bar they were placed on. */
  readonly fillTiming: FillTiming;
  /** Assumed path inside a bar. Default pessimistic. */
  readonly barPath: BarPath;
  /** Largest share of a bar's volume the run may trade per instrument and bar. Default: no limit. */
  readonly volumeLimit: number;
  readonly latency: LatencyConfig | LatencyModel;
  /** Whether touching a limit fills it. Default true. */
  readonly limitFillOnTouch: boolean;
  readonly risk: RiskConfig;
  /** Annual borrow rate on shorts of cash instruments. Default 0. */
  readonly borrowRate: number;
  /** Funding interval of perpetuals in µs. Default 8 hours. */
  readonly fundingInterval: number;
  readonly corporateActions: readonly CorporateAction[];
  /** Seed of the run's random generator (probabilistic slippage and latency). Default 1. */
  readonly seed: number;
  /** Log entries kept. Default 10,000. */
  readonly maxLogEntries: number;
}

/** The defaults a backtest runs with. */
export const DEFAULT_BACKTEST_CONFIG: BacktestConfig = {
  cash: 100_000,
  fxRates: {},
  leverage: 1,
  allowShort: true,
  fees: { kind: 'none' },
  slippage: { kind: 'none' },
  fillTiming: 'next-open',
  barPath: 'pessimistic',
  volumeLimit: Number.POSITIVE_INFINITY,
  latency: { fixed: 0 },
  limitFillOnTouch: true,
  risk: {},
  borrowRate: 0,
  fundingInterval: 8 * 3_600_000_000,
  corporateActions: [],
  seed: 1,
  maxLogEntries: 10_000,
};

/**
 * Returns the defaults with every field `overrides` sets (undefined fields keep the default),
 * checked by {@link checkBacktestConfig}.
 */
export function resolveBacktestConfig(overrides: Partial<BacktestConfig>): BacktestConfig {
  const config: BacktestConfig = { ...DEFAULT_BACKTEST_CONFIG };
  // `currency` has no default (the first instrument's), so it is not among the default keys.
  for (const key of [...Object.keys(DEFAULT_BACKTEST_CONFIG), 'currency'] as (keyof BacktestConfig)[]) {
    const value = overrides[key];
    if (value !== undefined) (config as unknown as Record<string, unknown>)[key] = value;
  }
  checkBacktestConfig(config);
  return config;
}

/** Checks a merged configuration and throws one clear error for the first bad field. */
export function checkBacktestConfig(config: BacktestConfig): void {
  const fail = (message: string): never => {
    throw new AlphintraError('INVALID_ARGUMENT', message);
  };
  if (!(Number.isFinite(config.cash) && config.cash > 0)) fail(`expected positive starting cash, got ${config.cash}`);
  if (!(Number.isFinite(config.leverage) && config.leverage > 0))
    fail(`expected positive leverage, got ${config.leverage}`);
  if (config.fillTiming !== 'next-open' && config.fillTiming !== 'close')
    fail(`expected fill timing next-open or close, got ${String(config.fillTiming)}`);
  if (!BAR_PATHS.includes(config.barPath))
    fail(`expected bar path one of ${BAR_PATHS.join(', ')}, got ${String(config.barPath)}`);
  if (!(config.volumeLimit > 0)) fail(`expected a positive volume limit, got ${config.volumeLimit}`);
  if (!(Number.isFinite(config.borrowRate) && config.borrowRate >= 0))
    fail(`expected borrow rate ≥ 0, got ${config.borrowRate}`);
  if (!(config.fundingInterval > 0)) fail(`expected a positive funding interval, got ${config.fundingInterval}`);
  if (!Number.isInteger(config.seed)) fail(`expected an integer seed, got ${config.seed}`);
  if (config.currency !== undefined && !(typeof config.currency === 'string' && config.currency.trim() !== ''))
    fail(`expected an account currency code, got "${String(config.currency)}"`);
  checkFxRates(config.fxRates);
}

/** Length of one bar in µs and whether each bar is a whole session, from metadata or the timestamps. */
export function barShape(
  series: BarSeries,
  id: string,
): { duration: number; sessionBars: boolean; timeframe?: Timeframe } {
  const tf = series.meta.timeframe ?? detectTimeframe(series.time);
  if (tf === undefined || tf.unit === 'tick') {
    if (series.length <= 1) return { duration: 0, sessionBars: false };
    throw new AlphintraError('INVALID_ARGUMENT', `cannot tell the bar length of ${id}; give the series a timeframe`);
  }
  return {
    duration: approximateTimeframeMicros(tf),
    sessionBars: tf.unit === 'day' || tf.unit === 'week' || tf.unit === 'month',
  };
}

/** Checks a series for what the engine cannot run on: unordered times or non-finite prices. */
export function checkSeries(series: BarSeries, id: string): void {
  const { time, open, high, low, close } = series;
  const n = series.length;
  // Blocks keep the scan in ordinarily optimised code (see docs/indicators/performance.md).
  for (let from = 0; from < n; from += CHECK_BLOCK) {
    const bad = firstBadBar(time, open, high, low, close, from, Math.min(n, from + CHECK_BLOCK));
    if (bad >= 0) failBar(series, id, bad);
  }
}

const CHECK_BLOCK = 4096;

/** Index of the first bar in [from, to) that is out of order, non-finite or inverted, else −1. */
function firstBadBar(
  time: Float64Array,
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  from: number,
  to: number,
): number {
  let previous = from > 0 ? (time[from - 1] as number) : Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const t = time[i] as number;
    const h = high[i] as number;
    const l = low[i] as number;
    // x − x is 0 for every finite x and NaN for NaN and ±Infinity: one test for four prices.
    const probe =
      (open[i] as number) - (open[i] as number) + (h - h) + (l - l) + ((close[i] as number) - (close[i] as number));
    if (!(t > previous) || probe !== 0 || h < l) return i;
    previous = t;
  }
  return -1;
}

function failBar(series: BarSeries, id: string, i: number): never {
  const { time, open, high, low, close } = series;
  if (!Number.isFinite(time[i] as number)) {
    throw new AlphintraError('INVALID_ARGUMENT', `bar ${i} of ${id} has a non-finite time`);
  }
  if (i > 0 && !((time[i] as number) > (time[i - 1] as number))) {
    throw new AlphintraError('INVALID_ARGUMENT', `bars of ${id} are not in increasing time order at bar ${i}`);
  }
  const o = open[i] as number;
  const h = high[i] as number;
  const l = low[i] as number;
  const c = close[i] as number;
  if (!(Number.isFinite(o) && Number.isFinite(h) && Number.isFinite(l) && Number.isFinite(c))) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `bar ${i} of ${id} has a missing or non-finite price; clean the data first (alphintra data clean)`,
    );
  }
  throw new AlphintraError('INVALID_ARGUMENT', `bar ${i} of ${id} has high ${h} below low ${l}`);
}

/** The generator type a run uses, re-exported for models. */
export type { Rng };
