import { AlphintraError } from '@alphintra/core';
import { type AnnualisationOptions, inferPeriodsPerYear } from './annualisation.js';
import { benchmarkFigures } from './benchmark/benchmark-relative.js';
import { drawdownFigures, underwaterCurve } from './drawdown/drawdown.js';
import { type EquitySeries, periodReturns, perPeriodRate, type TradeInput, validateEquity } from './inputs.js';
import type { Metric, MetricsReport, RollingReport, SignificanceReport, TradesReport } from './metrics-report.js';
import { monthlyReturns, yearlyReturns } from './returns/calendar-returns.js';
import { returnFigures } from './returns/return-metrics.js';
import { checkRollingWindow, defaultRollingWindow, rollingFigures } from './returns/rolling.js';
import { riskFigures } from './risk/risk-adjusted.js';
import { type MeasuredCurve, measuredCurve, measuredTrades, toInputLength } from './ruin.js';
import { type BootstrapMethod, bootstrapSharpeInterval, tradeOrderDrawdowns } from './significance/resampling.js';
import {
  deflatedSharpeRatio,
  expectedMaxSharpe,
  meanReturnTStatistic,
  probabilisticSharpeRatio,
} from './significance/sharpe-significance.js';
import { tailRisk } from './tail/value-at-risk.js';
import { tradeSplits } from './trades/trade-splits.js';
import { tradeFigures } from './trades/trade-statistics.js';

/** What `computeMetrics` measures: an equity curve, optionally trades and a benchmark. */
export interface MetricsInput extends EquitySeries {
  /** Closed trades, e.g. a backtest result's `trades`; none by default. */
  readonly trades?: readonly TradeInput[];
  /**
   * The benchmark, aligned by index with the curve: its equity (one value per bar) or its period
   * returns (one per period, bars − 1).
   */
  readonly benchmark?: { readonly equity: Float64Array } | { readonly returns: Float64Array };
}

/** Options of `computeMetrics`; every field is optional. */
export interface MetricsOptions extends AnnualisationOptions {
  /** Annual risk-free rate (0.04 = 4 %), compounded down to a per-period rate; 0 by default. */
  readonly riskFreeRate?: number;
  /** Confidence levels of VaR and CVaR; [0.95, 0.99] by default. */
  readonly confidenceLevels?: readonly number[];
  /**
   * The search behind the result, for the deflated Sharpe ratio: how many configurations were
   * tried and the variance of their annualised Sharpe ratios.
   */
  readonly trials?: { readonly count: number; readonly sharpeVariance: number };
  /**
   * Bootstrap of the Sharpe ratio (1000 samples, seed 0, 95 %, periods drawn independently), or
   * false to skip it; `method: 'stationary'` draws blocks of mean length `meanBlockLength`.
   */
  readonly bootstrap?:
    | false
    | {
        readonly samples?: number;
        readonly seed?: number;
        readonly confidence?: number;
        readonly method?: BootstrapMethod;
        readonly meanBlockLength?: number;
      };
  /** Trade-order Monte Carlo (1000 simulations, seed 0), or false to skip it. */
  readonly monteCarlo?: false | { readonly simulations?: number; readonly seed?: number };
  /**
   * Adds the series (one value per bar): the underwater curve as `drawdown.underwater` and the
   * rolling Sharpe ratio and volatility as `rolling`; false by default.
   */
  readonly includeSeries?: boolean;
  /** Window of the rolling figures, in periods (≥ 2); `defaultRollingWindow` by default. */
  readonly rollingWindow?: number;
}

/** Returns a finite number as is and NaN or ±Infinity as null. */
export function finiteOrNull(x: number): Metric {
  return Number.isFinite(x) ? x : null;
}

type Nullified<T> = { [K in keyof T]: T[K] extends number ? Metric : T[K] };

function nullify<T extends object>(figures: T): Nullified<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(figures))
    out[key] = typeof value === 'number' ? finiteOrNull(value) : value;
  return out as Nullified<T>;
}

function benchmarkReturns(input: MetricsInput, periods: number): Float64Array | null {
  const benchmark = input.benchmark;
  if (benchmark === undefined) return null;
  const returns = 'equity' in benchmark ? periodReturns(benchmark.equity) : benchmark.returns;
  if ('equity' in benchmark && benchmark.equity.length !== input.equity.length) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected a benchmark equity of ${input.equity.length} values, got ${benchmark.equity.length}`,
    );
  }
  if (returns.length !== periods) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected ${periods} benchmark returns, got ${returns.length}`);
  }
  for (let i = 0; i < returns.length; i++) {
    if (!Number.isFinite(returns[i] as number)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected finite benchmark returns, got ${returns[i]} at index ${i}`,
      );
    }
  }
  return returns;
}

/**
 * Returns every performance metric of an equity curve, its trades and optionally a benchmark,
 * as a plain JSON-ready object with stable names grouped into sample, returns, risk, drawdown,
 * tail, benchmark, trades and significance. Metrics undefined for the input are null, never
 * NaN. Pure and deterministic: resampling uses seeded generators.
 *
 * @example
 * const result = runBacktest(…);
 * const metrics = computeMetrics(
 *   { time: result.equity.time, equity: result.equity.equity, trades: result.trades },
 *   { riskFreeRate: 0.02, trials: { count: 40, sharpeVariance: 0.25 } },
 * );
 * metrics.risk.sharpe; // e.g. 1.12, or null for a flat curve
 * JSON.stringify(metrics); // stable field names, no NaN
 */
export function computeMetrics(full: MetricsInput, options: MetricsOptions = {}): MetricsReport {
  validateEquity(full, { ruin: true });
  const curve = measuredCurve(full);
  const input: MetricsInput = { ...full, time: curve.time, equity: curve.equity };
  const { time, equity } = input;
  const trades = measuredTrades(curve, full.trades ?? []);
  const returns = periodReturns(equity);
  const n = returns.length;
  // Annualised at the frequency of all the data, however soon it was ruined.
  const periodsPerYear = inferPeriodsPerYear(full.time, options);
  const riskFreeRate = options.riskFreeRate ?? 0;
  if (!(Number.isFinite(riskFreeRate) && riskFreeRate > -1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a risk-free rate above -1, got ${riskFreeRate}`);
  }
  if (options.rollingWindow !== undefined) checkRollingWindow(options.rollingWindow);
  const rf = n > 0 ? perPeriodRate(riskFreeRate, periodsPerYear) : 0;
  const last = equity.length - 1;

  const returnFigs = returnFigures(input, returns, periodsPerYear);
  const drawdownFigs = drawdownFigures(input);
  const riskFigs = riskFigures(returns, periodsPerYear, rf, returnFigs.cagr, drawdownFigs.maxDrawdown);
  const worst = drawdownFigs.worst;
  const bench = benchmarkReturns(full, Math.max(0, curve.inputBars - 1))?.subarray(0, n) ?? null;

  const span = [time[0] ?? Number.NaN, time[last] ?? Number.NaN] as const;
  const splits = tradeSplits(trades, span);
  const byInstrument: Record<string, unknown> = {};
  for (const [id, figures] of Object.entries(splits.byInstrument)) byInstrument[id] = nullify(figures);
  const tradesReport = {
    ...nullify(tradeFigures(trades, span)),
    bySide: { long: nullify(splits.bySide.long), short: nullify(splits.bySide.short) },
    byInstrument,
  } as unknown as TradesReport;

  return {
    sample: {
      bars: curve.inputBars,
      periods: n,
      startTime: finiteOrNull(time[0] ?? Number.NaN),
      endTime: finiteOrNull(time[last] ?? Number.NaN),
      startEquity: finiteOrNull(equity[0] ?? Number.NaN),
      endEquity: finiteOrNull(full.equity[last] ?? Number.NaN),
      periodsPerYear: finiteOrNull(periodsPerYear),
      riskFreeRate,
      ruined: curve.ruin >= 0,
      ruinTime: curve.ruin >= 0 ? (time[curve.ruin] as number) : null,
    },
    returns: {
      ...nullify(returnFigs),
      positivePeriods: returnFigs.positivePeriods,
      negativePeriods: returnFigs.negativePeriods,
      monthly: monthlyReturns(input),
      yearly: yearlyReturns(input),
    },
    risk: {
      sharpe: finiteOrNull(riskFigs.sharpe),
      sortino: finiteOrNull(riskFigs.sortino),
      downsideDeviation: finiteOrNull(riskFigs.downsideDeviation),
      calmar: finiteOrNull(riskFigs.calmar),
      omega: finiteOrNull(riskFigs.omega),
      ulcerIndex: finiteOrNull(drawdownFigs.ulcerIndex),
      tailRatio: finiteOrNull(riskFigs.tailRatio),
      skew: finiteOrNull(riskFigs.skew),
      excessKurtosis: finiteOrNull(riskFigs.excessKurtosis),
    },
    drawdown: {
      maxDrawdown: drawdownFigs.maxDrawdown,
      peakTime: worst === null ? null : worst.peakTime,
      troughTime: worst === null ? null : worst.troughTime,
      recoveryTime: worst === null ? null : finiteOrNull(worst.recoveryTime),
      recovered: worst === null ? null : worst.recoveryIndex >= 0,
      durationBars: worst === null ? null : worst.durationBars,
      durationMicros: worst === null ? null : worst.durationMicros,
      averageDrawdown: drawdownFigs.averageDrawdown,
      averageDurationBars: drawdownFigs.averageDurationBars,
      longestDurationBars: drawdownFigs.longestDurationBars,
      longestDurationMicros: drawdownFigs.longestDurationMicros,
      episodes: drawdownFigs.episodes,
      currentDrawdown: finiteOrNull(drawdownFigs.currentDrawdown),
      ...(options.includeSeries === true
        ? { underwater: toInputLength(Array.from(underwaterCurve(equity)), curve, -1) }
        : {}),
    },
    tail: {
      levels: (options.confidenceLevels ?? [0.95, 0.99]).map((c) => ({
        ...nullify(tailRisk(returns, c)),
        confidence: c,
      })),
    },
    benchmark: bench === null ? null : nullify(benchmarkFigures(returns, bench, periodsPerYear, rf)),
    trades: tradesReport,
    significance: significance(input, returns, periodsPerYear, rf, options, trades),
    ...(options.includeSeries === true ? { rolling: rolling(returns, periodsPerYear, rf, options, curve) } : {}),
  };
}

function rolling(
  returns: Float64Array,
  periodsPerYear: number,
  rf: number,
  options: MetricsOptions,
  curve: MeasuredCurve,
): RollingReport {
  const window = options.rollingWindow ?? defaultRollingWindow(periodsPerYear, returns.length);
  const figures = rollingFigures(returns, window, periodsPerYear, rf);
  return {
    window,
    sharpe: toInputLength(Array.from(figures.sharpe, finiteOrNull), curve, null),
    volatility: toInputLength(Array.from(figures.volatility, finiteOrNull), curve, null),
  };
}

function significance(
  input: MetricsInput,
  returns: Float64Array,
  periodsPerYear: number,
  rf: number,
  options: MetricsOptions,
  trades: readonly TradeInput[],
): SignificanceReport {
  const trials = options.trials;
  const bootstrap = options.bootstrap ?? {};
  const monteCarlo = options.monteCarlo ?? {};
  const pnl = [...trades].sort((a, b) => a.exitTime - b.exitTime).map((t) => t.pnl);
  const canAnnualise = Number.isFinite(periodsPerYear);
  return {
    tStatistic: finiteOrNull(meanReturnTStatistic(returns, rf)),
    probabilisticSharpe: finiteOrNull(probabilisticSharpeRatio(returns, 0, rf)),
    trials: trials === undefined ? null : trials.count,
    expectedMaxSharpe:
      trials === undefined || !canAnnualise
        ? null
        : finiteOrNull(
            expectedMaxSharpe(trials.count, trials.sharpeVariance / periodsPerYear) * Math.sqrt(periodsPerYear),
          ),
    deflatedSharpe:
      trials === undefined || !canAnnualise
        ? null
        : finiteOrNull(deflatedSharpeRatio(returns, trials.count, trials.sharpeVariance, periodsPerYear, rf)),
    sharpeInterval:
      bootstrap === false || returns.length < 2 || !canAnnualise
        ? null
        : (nullify(
            bootstrapSharpeInterval(returns, periodsPerYear, {
              samples: bootstrap.samples ?? 1000,
              seed: bootstrap.seed ?? 0,
              confidence: bootstrap.confidence ?? 0.95,
              riskFreePerPeriod: rf,
              ...(bootstrap.method === undefined ? {} : { method: bootstrap.method }),
              ...(bootstrap.meanBlockLength === undefined ? {} : { meanBlockLength: bootstrap.meanBlockLength }),
            }),
          ) as SignificanceReport['sharpeInterval']),
    tradeOrderDrawdown:
      monteCarlo === false || pnl.length === 0
        ? null
        : tradeOrderDrawdowns(input.equity[0] as number, pnl, {
            simulations: monteCarlo.simulations ?? 1000,
            seed: monteCarlo.seed ?? 0,
          }),
  };
}
