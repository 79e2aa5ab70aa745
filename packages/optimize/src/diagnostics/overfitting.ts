import { type MetricsReport, probabilityOfBacktestOverfitting, sampleVariance } from '@alphintra/analytics';
import type { TrialOutcome } from '../evaluate/trial-evaluator.js';

/** The search behind a result, as the deflated Sharpe ratio needs it. */
export interface TrialSharpes {
  /** Trials evaluated (each distinct parameter set once). */
  readonly count: number;
  /** Sample variance of the trials' annualised Sharpe ratios (those defined); 0 with fewer than two. */
  readonly sharpeVariance: number;
}

/** The deflated Sharpe ratio of the selected trial. */
export interface DeflatedSharpeReport {
  /** Trials behind the selection. */
  readonly trials: number;
  /** Sample variance of the trials' annualised Sharpe ratios. */
  readonly sharpeVariance: number;
  /** The selected trial's annualised Sharpe ratio. */
  readonly sharpe: number | null;
  /** Annualised Sharpe ratio the best of `count` skill-less trials would reach by luck. */
  readonly expectedMaxSharpe: number | null;
  /** Probability that the selected trial's true Sharpe ratio beats that threshold. */
  readonly deflatedSharpe: number | null;
  /** Probability that its true Sharpe ratio is above zero (no correction for the search). */
  readonly probabilisticSharpe: number | null;
}

/** PBO by CSCV, with how many trials it could use. */
export interface PboReport {
  readonly trials: number;
  /** Trials left out because their runs could not be measured (equity reached zero, too few returns). */
  readonly excluded: number;
  readonly blocks: number;
  readonly splits: number;
  readonly pbo: number | null;
  readonly meanLogit: number | null;
  readonly probabilityOfLoss: number | null;
  readonly degradation: { readonly slope: number | null; readonly intercept: number | null };
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Returns the trial count and the variance of the trials' annualised Sharpe ratios. */
export function trialSharpes(outcomes: readonly TrialOutcome[]): TrialSharpes {
  const sharpes = outcomes.map((o) => o.metrics['risk.sharpe']).filter((s): s is number => typeof s === 'number');
  const variance = sharpes.length >= 2 ? sampleVariance(sharpes) : 0;
  return { count: Math.max(1, outcomes.length), sharpeVariance: Number.isFinite(variance) ? variance : 0 };
}

/** Returns the deflated Sharpe report of a selected trial from its full metrics (computed with `trials`). */
export function deflatedSharpeReport(trials: TrialSharpes, report: MetricsReport): DeflatedSharpeReport {
  return {
    trials: trials.count,
    sharpeVariance: trials.sharpeVariance,
    sharpe: report.risk.sharpe,
    expectedMaxSharpe: report.significance.expectedMaxSharpe,
    deflatedSharpe: report.significance.deflatedSharpe,
    probabilisticSharpe: report.significance.probabilisticSharpe,
  };
}

/**
 * Returns the probability of backtest overfitting of a search by CSCV over its trials' block
 * statistics (performance = per-period Sharpe ratio of each half, whatever the objective);
 * null with fewer than two measurable trials.
 */
export function pboReport(outcomes: readonly TrialOutcome[], blocks: number): PboReport | null {
  const usable = outcomes.filter((o) => o.blocks !== null && o.blocks.count.length === blocks);
  if (usable.length < 2) return null;
  const t = usable.length;
  const count = new Float64Array(t * blocks);
  const sum = new Float64Array(t * blocks);
  const sumSquares = new Float64Array(t * blocks);
  usable.forEach((o, i) => {
    const b = o.blocks as NonNullable<TrialOutcome['blocks']>;
    count.set(b.count, i * blocks);
    sum.set(b.sum, i * blocks);
    sumSquares.set(b.sumSquares, i * blocks);
  });
  const report = probabilityOfBacktestOverfitting({ trials: t, blocks, count, sum, sumSquares });
  return {
    trials: t,
    excluded: outcomes.length - t,
    blocks,
    splits: report.splits,
    pbo: orNull(report.pbo),
    meanLogit: orNull(report.meanLogit),
    probabilityOfLoss: orNull(report.probabilityOfLoss),
    degradation: { slope: orNull(report.degradation.slope), intercept: orNull(report.degradation.intercept) },
    histogram: report.histogram,
  };
}
