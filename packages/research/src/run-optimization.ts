import { mkdirSync } from 'node:fs';
import {
  type BacktestConfig,
  type BacktestData,
  DEFAULT_BACKTEST_CONFIG,
  ENGINE_VERSION,
  type StrategyDefinition,
  sha256Hex,
} from '@alphintra/engine';
import {
  chooseEvaluator,
  type EvaluatorRequest,
  type MeasureOptions,
  type Objective,
  type OptimizationReport,
  type OptimizationSettings,
  objectiveValue,
  optimize,
  orientedScore,
  planOptimization,
  requireBars,
  SWEEP_GRID_BATCH,
  type TrialEvaluator,
  unionTimeline,
} from '@alphintra/optimize';
import { canonicalJson, Journal, JournaledEvaluator, type RunIdentity, runKey } from './journal.js';
import { ObservedEvaluator } from './observed-evaluator.js';
import { DEFAULT_VERIFY, type EvaluatorReport, evaluatorReport, sweepEvaluatorOf } from './run-evaluator.js';
import { WorkerPoolEvaluator } from './worker-pool.js';

/** What to optimise: the strategy (its definition here, its compiled module for the workers), data and rules. */
export interface OptimizationJob {
  readonly strategy: {
    readonly definition: StrategyDefinition;
    /** URL of the compiled module the workers import (default export = the definition). */
    readonly moduleUrl: string;
    readonly codeHash: string;
  };
  /** Every instrument's bars, with its content hash (ticks are refused). */
  readonly data: readonly (BacktestData & { readonly hash: string })[];
  /** Execution rules; plain data (no custom model functions: they cannot cross threads). */
  readonly config: Partial<BacktestConfig>;
  readonly measure?: MeasureOptions;
  readonly settings: OptimizationSettings;
  /** Recorded in the manifest as is, e.g. the inputs as named on a command line. */
  readonly sources?: Readonly<Record<string, unknown>>;
}

/** How far a run has got. */
export interface OptimizationProgress {
  /** Trials finished (run or answered from the journal) and planned, over every fold. */
  readonly done: number;
  readonly total: number;
  /** Current fold (from 0) and fold count of a walk-forward run; null otherwise. */
  readonly fold: number | null;
  readonly folds: number | null;
  /** Best value of the first objective in the current search so far. */
  readonly best: number | null;
}

/** How to run it. */
export interface RunOptions {
  /** Worker threads. With the sweep evaluator, 1 runs the passes in this thread (no worker). */
  readonly workers: number;
  /**
   * `engine` (default): one backtest per trial on worker threads. `sweep`: chunks of each batch
   * in one `runSweep` pass each, spread over the worker threads (refused when the strategy,
   * data, rules or objectives do not allow it). `auto`: the sweep when nothing stands in its
   * way, else the engine.
   */
  readonly evaluator?: EvaluatorRequest;
  /** Trials of each sweep-evaluated search re-run through the engine to check it; 10 by default, 0 for none. */
  readonly verify?: number;
  /** Folder for the journal (created if missing); no journal without it. */
  readonly outDir?: string;
  /** Continue the journal in `outDir` instead of starting one. */
  readonly resume?: boolean;
  /** When it reads true: start no new trial, let running ones finish, and return what was done. */
  readonly stop?: { readonly aborted: boolean };
  /** When aborted: stop the workers at once, dropping the trials they were running. */
  readonly kill?: AbortSignal;
  readonly onProgress?: (progress: OptimizationProgress) => void;
}

/** What a run records about its inputs: enough to reproduce it. */
export interface OptimizationManifest {
  readonly engineVersion: string;
  readonly strategy: { readonly name: string; readonly version: string; readonly codeHash: string };
  readonly data: readonly {
    readonly instrument: string;
    readonly bars: number;
    readonly start: number | null;
    readonly end: number | null;
    readonly hash: string;
  }[];
  /** Execution rules with every default filled in. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly measure: MeasureOptions;
  /** SHA-256 naming this run: journals of other runs are refused. */
  readonly runKey: string;
  readonly sources: Readonly<Record<string, unknown>>;
}

/** The document an optimisation produces (result.json, `--json`). */
export type OptimizationResult = {
  readonly manifest: OptimizationManifest;
  /** Which evaluator ran the trials and why; for the sweep, its check against the engine. */
  readonly evaluator: EvaluatorReport;
} & OptimizationReport;

/** A finished (or stopped) run. */
export interface OptimizationRun {
  readonly result: OptimizationResult;
  /** False when stopped early. */
  readonly complete: boolean;
  /** Trials answered from the journal and trials run. */
  readonly reused: number;
  readonly evaluated: number;
  /** Path of the journal, when there is one. */
  readonly journal: string | null;
}

function describeConfig(config: Partial<BacktestConfig>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...DEFAULT_BACKTEST_CONFIG, ...config };
  const volumeLimit = merged.volumeLimit as number;
  return { ...merged, volumeLimit: Number.isFinite(volumeLimit) ? volumeLimit : null };
}

/** Returns the identity of a run: hashes of the strategy, data, rules and search (see `Journal`). */
export function runIdentity(
  job: OptimizationJob,
  blocks: number,
  evaluator: 'engine' | 'sweep' = 'engine',
): RunIdentity {
  const s = job.settings;
  return {
    strategy: job.strategy.codeHash,
    data: job.data.map((d) => d.hash),
    config: sha256Hex(
      canonicalJson({ engine: ENGINE_VERSION, config: describeConfig(job.config), measure: job.measure ?? {} }),
    ),
    search: sha256Hex(
      canonicalJson({
        objectives: s.objectives,
        space: s.space,
        constraints: s.constraints ?? [],
        method: s.search.method,
        seed: s.search.seed,
        batchSize: s.search.batchSize ?? null,
        tpe: s.search.tpe ?? null,
        walkForward: s.walkForward ?? null,
        blocks,
        // Sweep outcomes carry fewer metrics than the engine's: their journals are not mixed.
        ...(evaluator === 'sweep' ? { evaluator } : {}),
        // The grid's budget is its size; other budgets may grow on resume (a longer run extends a shorter one).
        trials: s.search.method === 'grid' ? (s.search.trials ?? null) : null,
      }),
    ),
  };
}

/**
 * The settings a search runs with: as given, but a grid evaluated by the sweep proposes
 * `SWEEP_GRID_BATCH` trials at a time when no batch size was given (same points, same results).
 */
function searchSettings(settings: OptimizationSettings, evaluator: 'engine' | 'sweep'): OptimizationSettings {
  const search = settings.search;
  if (evaluator !== 'sweep' || search.method !== 'grid' || search.batchSize !== undefined) return settings;
  return { ...settings, search: { ...search, batchSize: SWEEP_GRID_BATCH } };
}

/**
 * Runs an optimisation on worker threads: checks the plan, opens (or resumes) the journal,
 * starts the workers, and runs `optimize` through them, reporting progress per trial. Stopped
 * through `stop` it lets running trials finish; through `kill` it drops them. Either way it
 * returns the partial result, and the journal holds every finished trial for `resume`.
 *
 * @example
 * const run = await runOptimization(job, { workers: 2, outDir: 'runs/opt', onProgress: (p) => bar.update(p.done, p.total) });
 * run.result.search?.best?.parameters;
 */
export async function runOptimization(job: OptimizationJob, options: RunOptions): Promise<OptimizationRun> {
  const measure = job.measure ?? {};
  const blocks = measure.blocks ?? 16;
  const data = requireBars(job.data);
  const timeline = unionTimeline(data);
  const plan = planOptimization(job.settings, timeline);
  const choice = chooseEvaluator(
    options.evaluator ?? 'engine',
    { strategy: job.strategy.definition, data: job.data, config: job.config, measure },
    job.settings.objectives,
  );
  const identity = runIdentity(job, blocks, choice.used);
  let journal: Journal | null = null;
  if (options.outDir !== undefined) {
    mkdirSync(options.outDir, { recursive: true });
    journal = Journal.open(options.outDir, identity, options.resume === true);
  }
  let pool: WorkerPoolEvaluator | null = null;
  let inner: TrialEvaluator;
  try {
    // One sweep thread needs no worker: the pass runs in this thread, between the event loop's turns.
    if (choice.used === 'sweep' && options.workers === 1) inner = sweepEvaluatorOf(job);
    else {
      pool = await WorkerPoolEvaluator.start({
        strategy: { moduleUrl: job.strategy.moduleUrl, codeHash: job.strategy.codeHash },
        data: job.data,
        config: job.config,
        measure,
        workers: options.workers,
        evaluator: choice.used,
      });
      inner = pool;
    }
  } catch (error) {
    journal?.close();
    throw error;
  }
  const journaled = journal === null ? null : new JournaledEvaluator(inner, journal, job.settings.space);
  const onKill = (): void => void pool?.terminate();
  options.kill?.addEventListener('abort', onKill, { once: true });
  const primary = job.settings.objectives[0] as Objective;
  let done = 0;
  let fold: number | null = null;
  let best: number | null = null;
  const report = (): void =>
    options.onProgress?.({ done, total: plan.totalTrials, fold, folds: plan.folds?.length ?? null, best });
  // Progress counts outcomes as they arrive, not as batches complete.
  const evaluator = new ObservedEvaluator(journaled ?? inner, (outcome) => {
    done++;
    const value = objectiveValue(primary, outcome.metrics);
    if (value !== null && (best === null || orientedScore(primary, value) > orientedScore(primary, best))) best = value;
    report();
  });
  let optimization: OptimizationReport;
  try {
    report();
    optimization = await optimize(searchSettings(job.settings, choice.used), evaluator, {
      ...(options.stop === undefined ? {} : { stop: options.stop }),
      onFold: (k) => {
        fold = k;
        best = null;
        report();
      },
    });
  } finally {
    options.kill?.removeEventListener('abort', onKill);
    await evaluator.close();
  }
  const manifest: OptimizationManifest = {
    engineVersion: ENGINE_VERSION,
    strategy: {
      name: job.strategy.definition.name,
      version: job.strategy.definition.version ?? '',
      codeHash: job.strategy.codeHash,
    },
    data: data.map((d) => ({
      instrument: d.instrument.id,
      bars: d.series.length,
      start: d.series.length > 0 ? d.series.start : null,
      end: d.series.length > 0 ? d.series.end : null,
      hash: d.hash,
    })),
    config: describeConfig(job.config),
    measure,
    runKey: runKey(identity),
    sources: job.sources ?? {},
  };
  const evaluatorInfo = evaluatorReport(job, choice, optimization, options.verify ?? DEFAULT_VERIFY);
  return {
    result: { manifest, evaluator: evaluatorInfo, ...optimization },
    complete: optimization.complete,
    reused: journaled?.reused ?? 0,
    evaluated: journaled?.fresh ?? evaluator.count,
    journal: journal?.path ?? null,
  };
}
