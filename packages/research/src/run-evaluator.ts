import type { BacktestConfig, BacktestData, StrategyDefinition } from '@alphintra/engine';
import {
  type EvaluatorChoice,
  type MeasureOptions,
  type OptimizationReport,
  type OptimizationSettings,
  planOptimization,
  requireBars,
  type SearchReport,
  SweepTrialEvaluator,
  type SweepVerification,
  type TrialWindow,
  unionTimeline,
  verifySweep,
} from '@alphintra/optimize';

/** What of an optimisation job the sweep evaluator and its check need (an `OptimizationJob` is one). */
export interface SweepJob {
  readonly strategy: { readonly definition: StrategyDefinition; readonly codeHash: string };
  readonly data: readonly BacktestData[];
  readonly config: Partial<BacktestConfig>;
  readonly measure?: MeasureOptions;
  readonly settings: OptimizationSettings;
}

/** Trials re-run through the engine after a sweep-evaluated run, by default. */
export const DEFAULT_VERIFY = 10;

/** Which evaluator ran an optimisation, why, and what re-running sweep trials through the engine found. */
export interface EvaluatorReport extends EvaluatorChoice {
  /** The check of the sweep against the engine; null for the engine evaluator or `verify: 0`. */
  readonly verification: SweepVerification | null;
}

/** The in-process sweep evaluator of a job. */
export function sweepEvaluatorOf(job: SweepJob): SweepTrialEvaluator {
  return new SweepTrialEvaluator({
    strategy: job.strategy.definition,
    data: job.data,
    config: job.config,
    ...(job.measure === undefined ? {} : { measure: job.measure }),
    strategyCodeHash: job.strategy.codeHash,
    // Each pass runs in this thread: let signals and the progress bar through between passes.
    pause: () => new Promise((resolve) => setImmediate(resolve)),
  });
}

/** Every search of a finished run with the window it searched (a walk-forward fold's training window). */
function searchesOf(
  job: SweepJob,
  report: OptimizationReport,
): { fold: number | null; window: TrialWindow; search: SearchReport }[] {
  const timeline = unionTimeline(requireBars(job.data));
  if (report.search !== null)
    return [{ fold: null, window: { warmupStart: 0, start: 0, end: timeline.length }, search: report.search }];
  const folds = planOptimization(job.settings, timeline).folds ?? [];
  return (report.walkForward?.folds ?? []).map((f) => ({
    fold: f.index,
    window: (folds[f.index] as (typeof folds)[number]).train,
    search: f.search,
  }));
}

/**
 * Returns the evaluator report of a finished run: for the sweep, `verify` trials of each
 * search re-run through the engine and compared (see `verifySweep`).
 */
export function evaluatorReport(
  job: SweepJob,
  choice: EvaluatorChoice,
  report: OptimizationReport,
  verify: number,
): EvaluatorReport {
  if (choice.used === 'engine') return { ...choice, verification: null };
  const setup = {
    strategy: job.strategy.definition,
    data: job.data,
    config: job.config,
    ...(job.measure === undefined ? {} : { measure: job.measure }),
  };
  return {
    ...choice,
    verification: verify > 0 ? verifySweep(setup, searchesOf(job, report), verify) : null,
  };
}
