import { AlphintraError } from '@alphintra/core';
import { type Constraint, compileConstraint } from './constraints/constraint.js';
import type { MeasureOptions } from './evaluate/measure-run.js';
import type { TrialEvaluator } from './evaluate/trial-evaluator.js';
import type { Objective } from './objectives/objective.js';
import { buildSearchReport, type SearchReport } from './report/search-report.js';
import {
  type EvaluatedTrial,
  type PreparedSearch,
  prepareSearch,
  runSearch,
  type SearchControl,
  type SearchSettings,
} from './search/run-search.js';
import { describeDimension, type ParameterSpace } from './space/dimension.js';
import { runWalkForward, type WalkForwardReport } from './walk-forward/run-walk-forward.js';
import { type Fold, planFolds, type WalkForwardSpec } from './walk-forward/walk-forward-plan.js';

/** Everything an optimisation is asked to do. */
export interface OptimizationSettings {
  readonly space: ParameterSpace;
  /** Constraints between parameters, as text (`fast < slow`). */
  readonly constraints?: readonly string[];
  readonly objectives: readonly Objective[];
  readonly search: SearchSettings;
  /** Walk-forward analysis instead of one search over all the data. */
  readonly walkForward?: WalkForwardSpec | null;
  /** Annualisation and risk-free rate of stitched walk-forward metrics (use the evaluator's). */
  readonly measure?: MeasureOptions;
}

/** An optimisation checked against its data, before any run. */
export interface OptimizationPlan {
  readonly constraints: readonly Constraint[];
  /** The folds of a walk-forward run; null for one search over all the data. */
  readonly folds: readonly Fold[] | null;
  /** The first (or only) search, ready to run. */
  readonly prepared: PreparedSearch;
  /** Trials each search plans. */
  readonly trialsPerSearch: number;
  /** Trials of the whole run (searches only; re-runs of the best and test runs come on top). */
  readonly totalTrials: number;
}

/** What `optimize` returns: settings echoed, then the search or the walk-forward run. Plain JSON. */
export interface OptimizationReport {
  readonly format: 'alphintra-optimization';
  readonly version: 1;
  readonly objectives: readonly Objective[];
  readonly space: readonly Record<string, unknown>[];
  readonly constraints: readonly string[];
  readonly settings: {
    readonly method: SearchSettings['method'];
    readonly trials: number;
    readonly seed: number;
    readonly batchSize: number;
    readonly blocks: number;
  };
  /** False when the run was stopped before the end. */
  readonly complete: boolean;
  /** One search over all the data (null for walk-forward). */
  readonly search: SearchReport | null;
  readonly walkForward: WalkForwardReport | null;
}

/**
 * Checks an optimisation against its timeline: compiles the constraints, builds the sampler (a
 * grid too big or a budget smaller than the grid fails here) and cuts the walk-forward folds.
 */
export function planOptimization(settings: OptimizationSettings, timeline: Float64Array): OptimizationPlan {
  if (settings.objectives.length === 0) throw new AlphintraError('INVALID_ARGUMENT', 'expected at least one objective');
  const constraints = (settings.constraints ?? []).map((c) => compileConstraint(c, settings.space));
  const prepared = prepareSearch(settings.space, constraints, settings.search);
  const folds = settings.walkForward ? planFolds(timeline, settings.walkForward) : null;
  return {
    constraints,
    folds,
    prepared,
    trialsPerSearch: prepared.planned,
    totalTrials: prepared.planned * (folds === null ? 1 : folds.length),
  };
}

/**
 * Runs an optimisation through an evaluator: one search over every bar, or a walk-forward
 * analysis; with the overfitting diagnostics (deflated Sharpe, PBO, sensitivity) of every
 * search. Stopping through `control.stop` returns what was done, with `complete: false`.
 *
 * @example
 * const space = buildSpace(strategy.parameters, { fast: '5:50:5', slow: '20:200:10' });
 * const report = await optimize(
 *   { space, constraints: ['fast < slow'], objectives: [parseObjective('sharpe')], search: { method: 'bayes', trials: 60, seed: 1 } },
 *   new BacktestTrialEvaluator({ strategy, data }),
 * );
 * report.search?.best?.parameters; // { fast: 10, slow: 60 }
 */
export async function optimize(
  settings: OptimizationSettings,
  evaluator: TrialEvaluator,
  control: SearchControl & { readonly onFold?: (fold: number) => void } = {},
): Promise<OptimizationReport> {
  const plan = planOptimization(settings, evaluator.timeline);
  const { space, objectives } = settings;
  const head = {
    format: 'alphintra-optimization' as const,
    version: 1 as const,
    objectives,
    space: space.dimensions.map(describeDimension),
    constraints: plan.constraints.map((c) => c.source),
    settings: {
      method: settings.search.method,
      trials: plan.trialsPerSearch,
      seed: settings.search.seed,
      batchSize: plan.prepared.batchSize,
      blocks: evaluator.blocks,
    },
  };
  if (plan.folds === null) {
    const window = { warmupStart: 0, start: 0, end: evaluator.timeline.length };
    const run = await runSearch({ space, objectives, prepared: plan.prepared, window, evaluator, control });
    const search = await buildSearchReport({ run, space, objectives, window, evaluator });
    return { ...head, complete: run.complete, search, walkForward: null };
  }
  const walkForward = await runWalkForward({
    spec: settings.walkForward as WalkForwardSpec,
    folds: plan.folds,
    space,
    constraints: plan.constraints,
    objectives,
    search: settings.search,
    evaluator,
    ...(settings.measure === undefined ? {} : { measure: settings.measure }),
    control,
  });
  return { ...head, complete: walkForward.complete, search: null, walkForward };
}

export type { EvaluatedTrial };
