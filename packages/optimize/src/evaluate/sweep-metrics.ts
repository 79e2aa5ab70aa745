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
import type { FlatMetrics } from '../objectives/metric-catalog.js';
import type { Objective } from '../objectives/objective.js';
import { type MeasureOptions, metricsOptionsOf } from './measure-run.js';
import type { TrialBlocks } from './trial-evaluator.js';

/**
 * The metrics a sweep-evaluated trial carries: those that depend only on the window's per-bar
 * returns, its first and last equity, its times, the max drawdown and the trade count — each
 * computed by the same @alphintra/analytics function `computeMetrics` uses, over the same
 * numbers, so they equal the engine evaluator's. The rest (trade statistics, drawdown
 * durations, tail quantiles, the ulcer index …) need the trades or the equity curve itself.
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
  'trades.count',
  'significance.tStatistic',
  'significance.probabilisticSharpe',
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
      `it needs the trades or the whole equity curve; use the engine evaluator (--evaluator engine), ` +
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
    'trades.count': figures.trades,
    'significance.tStatistic': finite(meanReturnTStatistic(returns, rf)),
    'significance.probabilisticSharpe': finite(probabilisticSharpeRatio(returns, 0, rf)),
  };
}

/** Returns the CSCV block statistics of a window's returns, as `measureRun` computes them; null with too few returns. */
export function sweepBlocks(returns: Float64Array, blocks: number): TrialBlocks | null {
  if (returns.length < blocks) return null;
  const summary = blockSummary(returns, blocks);
  return { count: Array.from(summary.count), sum: Array.from(summary.sum), sumSquares: Array.from(summary.sumSquares) };
}
