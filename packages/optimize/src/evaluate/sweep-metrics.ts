import {
  blockSummary,
  downsideDeviation,
  excessKurtosis,
  inferPeriodsPerYear,
  meanReturnTStatistic,
  omegaRatio,
  perPeriodRate,
  probabilisticSharpeRatio,
  returnFigures,
  sharpeRatio,
  skewness,
  sortinoRatio,
} from '@alphintra/analytics';
import { AlphintraError } from '@alphintra/core';
import type { SweepTradeColumns } from '@alphintra/engine';
import type { FlatMetrics } from '../objectives/metric-catalog.js';
import type { Objective } from '../objectives/objective.js';
import { type MeasureOptions, metricsOptionsOf } from './measure-run.js';
import type { TrialBlocks } from './trial-evaluator.js';

/**
 * The trade statistics a sweep-evaluated trial carries: every number of `computeMetrics`'
 * `trades` section but the excursions (`averageMae`, `averageMfe`), which need each trade's
 * path bar by bar. `runSweep` folds them from its fills as the engine's trades define them.
 */
export const SWEEP_TRADE_METRICS: readonly string[] = [
  'trades.count',
  'trades.winners',
  'trades.losers',
  'trades.breakeven',
  'trades.longCount',
  'trades.shortCount',
  'trades.winRate',
  'trades.grossProfit',
  'trades.grossLoss',
  'trades.profitFactor',
  'trades.netProfit',
  'trades.expectancy',
  'trades.averageReturn',
  'trades.averageWin',
  'trades.averageLoss',
  'trades.payoffRatio',
  'trades.largestWin',
  'trades.largestLoss',
  'trades.sqn',
  'trades.averageR',
  'trades.kellyFraction',
  'trades.totalFees',
  'trades.exposureTime',
  'trades.averageDurationMicros',
  'trades.maxDurationMicros',
  'trades.averageBars',
  'trades.longestWinStreak',
  'trades.longestLossStreak',
];

/**
 * The metrics a sweep-evaluated trial carries: those that depend only on the window's per-bar
 * returns, its first and last equity, its times and the max drawdown — each computed by the
 * same @alphintra/analytics function `computeMetrics` uses, over the same numbers — and the
 * trade statistics of {@link SWEEP_TRADE_METRICS}, so they equal the engine evaluator's. The
 * rest (trade excursions, drawdown durations, tail quantiles, the ulcer index …) need each
 * trade's path or the equity curve itself.
 */
export const SWEEP_METRICS: readonly string[] = [
  'returns.totalReturn',
  'returns.cagr',
  'returns.annualisedReturn',
  'returns.meanReturn',
  'returns.annualisedVolatility',
  'returns.bestPeriod',
  'returns.worstPeriod',
  'returns.positivePeriods',
  'returns.negativePeriods',
  'risk.sharpe',
  'risk.sortino',
  'risk.downsideDeviation',
  'risk.calmar',
  'risk.omega',
  'risk.skew',
  'risk.excessKurtosis',
  'drawdown.maxDrawdown',
  'significance.tStatistic',
  'significance.probabilisticSharpe',
  ...SWEEP_TRADE_METRICS,
];

const SUPPORTED = new Set(SWEEP_METRICS);

/** Returns the objectives whose metric a sweep-evaluated trial does not carry (none when the sweep can rank them). */
export function objectivesBeyondSweep(objectives: readonly Objective[]): Objective[] {
  return objectives.filter((o) => !SUPPORTED.has(o.metric));
}

/**
 * Throws `SWEEP_UNSUPPORTED` naming every objective whose metric the sweep evaluator cannot
 * compute, with the metrics it can, so the caller can switch to the engine evaluator.
 */
export function checkSweepObjectives(objectives: readonly Objective[]): void {
  const beyond = objectivesBeyondSweep(objectives);
  if (beyond.length === 0) return;
  throw new AlphintraError(
    'SWEEP_UNSUPPORTED',
    `the sweep evaluator cannot compute ${beyond.map((o) => `${o.metric} (objective ${o.name})`).join(', ')}: ` +
      `it needs each trade's path or the whole equity curve; use the engine evaluator (--evaluator engine), ` +
      `or an objective among ${SWEEP_METRICS.map((m) => m.slice(m.indexOf('.') + 1)).join(', ')}`,
  );
}

/** What one sweep-evaluated run's window gives the metrics. */
export interface SweepWindowFigures {
  /** Bar times of the measured curve (the bar before the window, then the window). */
  readonly time: Float64Array;
  /** Its period returns (one fewer), bit for bit those of the engine's curve. */
  readonly returns: Float64Array;
  readonly firstEquity: number;
  readonly lastEquity: number;
  readonly maxDrawdown: number;
  readonly trades: number;
  /** The run's trade figures (a row of the sweep's trade columns). */
  readonly tradeFigures: Readonly<Record<keyof SweepTradeColumns, number>>;
}

/** Returns the periods per year `computeMetrics` infers for a measured curve's times (one per window, not per trial). */
export function windowPeriodsPerYear(time: Float64Array, measure: MeasureOptions): number {
  return inferPeriodsPerYear(time, metricsOptionsOf(measure));
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Returns the {@link SWEEP_METRICS} of a measured window, as `measureRun` would report them
 * for the engine's run (the equity must be positive throughout: a ruined run goes to the engine).
 * `periodsPerYear` is what `windowPeriodsPerYear` gives the window's times.
 */
export function sweepMetrics(
  figures: SweepWindowFigures,
  measure: MeasureOptions,
  periodsPerYear = windowPeriodsPerYear(figures.time, measure),
): FlatMetrics {
  const { time, returns } = figures;
  const options = metricsOptionsOf(measure);
  const rf = returns.length > 0 ? perPeriodRate(options.riskFreeRate ?? 0, periodsPerYear) : 0;
  // returnFigures reads only the first and last equity of the curve (and every time).
  const r = returnFigures(
    { time, equity: Float64Array.of(figures.firstEquity, figures.lastEquity) },
    returns,
    periodsPerYear,
  );
  const dd = figures.maxDrawdown;
  const t = figures.tradeFigures;
  const count = figures.trades;
  // The window's span, over which exposure time is measured (no trade starts before it).
  const span = time.length > 0 ? (time[time.length - 1] as number) - (time[0] as number) : Number.NaN;
  return {
    'returns.totalReturn': finite(r.totalReturn),
    'returns.cagr': finite(r.cagr),
    'returns.annualisedReturn': finite(r.annualisedReturn),
    'returns.meanReturn': finite(r.meanReturn),
    'returns.annualisedVolatility': finite(r.annualisedVolatility),
    'returns.bestPeriod': finite(r.bestPeriod),
    'returns.worstPeriod': finite(r.worstPeriod),
    'returns.positivePeriods': r.positivePeriods,
    'returns.negativePeriods': r.negativePeriods,
    'risk.sharpe': finite(sharpeRatio(returns, periodsPerYear, rf)),
    'risk.sortino': finite(sortinoRatio(returns, periodsPerYear, rf)),
    'risk.downsideDeviation': finite(downsideDeviation(returns, rf) * Math.sqrt(periodsPerYear)),
    'risk.calmar': finite(dd > 0 ? r.cagr / dd : Number.NaN),
    'risk.omega': finite(omegaRatio(returns, rf)),
    'risk.skew': finite(skewness(returns)),
    'risk.excessKurtosis': finite(excessKurtosis(returns)),
    'drawdown.maxDrawdown': dd,
    'significance.tStatistic': finite(meanReturnTStatistic(returns, rf)),
    'significance.probabilisticSharpe': finite(probabilisticSharpeRatio(returns, 0, rf)),
    'trades.count': count,
    'trades.winners': t.winners,
    'trades.losers': t.losers,
    'trades.breakeven': count - t.winners - t.losers,
    'trades.longCount': t.longCount,
    'trades.shortCount': count - t.longCount,
    'trades.winRate': finite(t.winRate),
    'trades.grossProfit': t.grossProfit,
    'trades.grossLoss': t.grossLoss,
    'trades.profitFactor': finite(t.profitFactor),
    'trades.netProfit': t.netProfit,
    'trades.expectancy': finite(t.expectancy),
    'trades.averageReturn': finite(t.averageReturn),
    'trades.averageWin': finite(t.averageWin),
    'trades.averageLoss': finite(t.averageLoss),
    'trades.payoffRatio': finite(t.payoffRatio),
    'trades.largestWin': finite(t.largestWin),
    'trades.largestLoss': finite(t.largestLoss),
    'trades.sqn': finite(t.sqn),
    // A face sends no stops, so no trade carries an initial risk: no R-multiples.
    'trades.averageR': null,
    'trades.kellyFraction': finite(t.kellyFraction),
    'trades.totalFees': t.totalFees,
    'trades.exposureTime': finite(span > 0 ? t.timeInTrades / span : Number.NaN),
    'trades.averageDurationMicros': finite(t.averageDurationMicros),
    'trades.maxDurationMicros': finite(t.maxDurationMicros),
    'trades.averageBars': finite(t.averageBars),
    'trades.longestWinStreak': t.longestWinStreak,
    'trades.longestLossStreak': t.longestLossStreak,
  };
}

/** Returns the CSCV block statistics of a window's returns, as `measureRun` computes them; null with too few returns. */
export function sweepBlocks(returns: Float64Array, blocks: number): TrialBlocks | null {
  if (returns.length < blocks) return null;
  const summary = blockSummary(returns, blocks);
  return { count: Array.from(summary.count), sum: Array.from(summary.sum), sumSquares: Array.from(summary.sumSquares) };
}
