import type { MetricsReport } from '@alphintra/analytics';
import { formatIsoMicros } from '@alphintra/core';
import {
  type DeflatedSharpeReport,
  deflatedSharpeReport,
  type PboReport,
  pboReport,
  trialSharpes,
} from '../diagnostics/overfitting.js';
import { type SensitivityReport, sensitivityReport } from '../diagnostics/sensitivity.js';
import type { EquityPoints, TrialEvaluator, TrialWindow } from '../evaluate/trial-evaluator.js';
import type { Objective } from '../objectives/objective.js';
import { paretoRanking, rankOrder } from '../objectives/pareto.js';
import type { EvaluatedTrial, SearchRun } from '../search/run-search.js';
import { orderedParameters, type ParameterSet, type ParameterSpace } from '../space/dimension.js';

/** Metrics every trial record carries (the journal keeps them all). */
export const HEADLINE_METRICS = [
  'risk.sharpe',
  'risk.sortino',
  'risk.calmar',
  'returns.cagr',
  'returns.annualisedReturn',
  'returns.totalReturn',
  'returns.annualisedVolatility',
  'drawdown.maxDrawdown',
  'trades.count',
  'trades.winRate',
  'trades.profitFactor',
] as const;

/** A window of the timeline, as results show it. */
export interface WindowReport {
  /** First and last bar of the window (epoch µs), and the same as ISO 8601. */
  readonly start: number;
  readonly end: number;
  readonly startIso: string;
  readonly endIso: string;
  readonly bars: number;
  readonly warmupBars: number;
}

/** One trial as results show it. */
export interface TrialRecord {
  readonly id: number;
  readonly parameters: ParameterSet;
  /** Objective values, in objective order (null where undefined). */
  readonly values: readonly (number | null)[];
  /** The headline metrics by short name (sharpe, cagr, maxDrawdown …). */
  readonly metrics: Readonly<Record<string, number | null>>;
  /** Pareto front of the trial (0 = non-dominated), with several objectives; else null. */
  readonly paretoRank: number | null;
  readonly failure?: string;
}

/** The selected trial, re-run for its full metrics and equity curve. */
export interface BestTrial {
  readonly id: number;
  readonly parameters: ParameterSet;
  readonly values: readonly (number | null)[];
  /** Full metrics of the re-run (null if it was cut off by a stop). */
  readonly metrics: MetricsReport | null;
  readonly equity: EquityPoints | null;
  readonly orderListHash: string | null;
}

/** Everything one search found, with its overfitting diagnostics. */
export interface SearchReport {
  readonly window: WindowReport;
  readonly planned: number;
  readonly evaluated: number;
  readonly complete: boolean;
  readonly trials: readonly TrialRecord[];
  /** Trial ids best first (by score; with several objectives by front, then crowding). */
  readonly ranking: readonly number[];
  readonly best: BestTrial | null;
  /** Ids of the non-dominated trials, with several objectives; else null. */
  readonly paretoFront: readonly number[] | null;
  readonly diagnostics: {
    readonly deflatedSharpe: DeflatedSharpeReport | null;
    readonly pbo: PboReport | null;
    readonly sensitivity: SensitivityReport | null;
  };
}

/** Returns a window as results show it. */
export function windowReport(timeline: Float64Array, window: TrialWindow): WindowReport {
  const start = timeline[window.start] as number;
  const end = timeline[window.end - 1] as number;
  return {
    start,
    end,
    startIso: formatIsoMicros(start),
    endIso: formatIsoMicros(end),
    bars: window.end - window.start,
    warmupBars: window.start - window.warmupStart,
  };
}

/**
 * Returns the index of the selected trial: the lexicographic best of the oriented scores
 * (the first objective decides, later ones break ties, then the earlier trial), which is always
 * on the Pareto front; −1 without trials.
 */
export function selectBest(trials: readonly EvaluatedTrial[]): number {
  let best = -1;
  trials.forEach((t, i) => {
    if (best < 0) {
      best = i;
      return;
    }
    const b = (trials[best] as EvaluatedTrial).scores;
    for (let k = 0; k < t.scores.length; k++) {
      if ((t.scores[k] as number) > (b[k] as number)) {
        best = i;
        return;
      }
      if ((t.scores[k] as number) < (b[k] as number)) return;
    }
  });
  return best;
}

function headline(trial: EvaluatedTrial): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const key of HEADLINE_METRICS) out[key.slice(key.indexOf('.') + 1)] = trial.outcome.metrics[key] ?? null;
  return out;
}

/**
 * Builds the report of a finished (or stopped) search: trial records, ranking, Pareto front,
 * the selected trial re-run with the deflated Sharpe ratio for the real trial count, PBO by CSCV
 * and the sensitivity map of the first objective.
 */
export async function buildSearchReport(args: {
  readonly run: SearchRun;
  readonly space: ParameterSpace;
  readonly objectives: readonly Objective[];
  readonly window: TrialWindow;
  readonly evaluator: TrialEvaluator;
}): Promise<SearchReport> {
  const { run, space, objectives, window, evaluator } = args;
  const trials = run.trials;
  const points = trials.map((t) => t.scores);
  const multi = objectives.length > 1;
  const ranks = multi ? paretoRanking(points).rank : null;
  const records: TrialRecord[] = trials.map((t, i) => ({
    id: t.id,
    parameters: orderedParameters(space, t.parameters),
    values: t.values,
    metrics: headline(t),
    paretoRank: ranks === null ? null : (ranks[i] as number),
    ...(t.outcome.failure === undefined ? {} : { failure: t.outcome.failure }),
  }));
  const bestIndex = selectBest(trials);
  const chosen = bestIndex < 0 ? undefined : (trials[bestIndex] as EvaluatedTrial);
  const sharpes = trialSharpes(trials.map((t) => t.outcome));
  let best: BestTrial | null = null;
  let deflated: DeflatedSharpeReport | null = null;
  if (chosen !== undefined) {
    const [rerun] = await evaluator.evaluate({
      window,
      parameterSets: [chosen.parameters],
      detail: { trials: sharpes },
    });
    const detail = rerun?.detail;
    best = {
      id: chosen.id,
      parameters: orderedParameters(space, chosen.parameters),
      values: chosen.values,
      metrics: detail?.report ?? null,
      equity: detail?.equity ?? null,
      orderListHash: detail?.orderListHash ?? null,
    };
    if (detail !== undefined) deflated = deflatedSharpeReport(sharpes, detail.report);
  }
  const primary = objectives[0] as Objective;
  return {
    window: windowReport(evaluator.timeline, window),
    planned: run.planned,
    evaluated: trials.length,
    complete: run.complete,
    trials: records,
    ranking: rankOrder(points).map((i) => (trials[i] as EvaluatedTrial).id),
    best,
    paretoFront: ranks === null ? null : trials.filter((_, i) => ranks[i] === 0).map((t) => t.id),
    diagnostics: {
      deflatedSharpe: deflated,
      pbo: pboReport(
        trials.map((t) => t.outcome),
        evaluator.blocks,
      ),
      sensitivity:
        trials.length === 0
          ? null
          : sensitivityReport(
              space,
              primary,
              trials.map((t) => ({ parameters: t.parameters, value: t.values[0] ?? null })),
              chosen?.parameters,
            ),
    },
  };
}
