import type { MetricsReport, TradeInput } from '@alphintra/analytics';
import type { FlatMetrics } from '../objectives/metric-catalog.js';
import type { ParameterSet } from '../space/dimension.js';

/**
 * A stretch of the run's timeline (the ascending union of every instrument's bar times) a trial
 * is measured on: bars `start` … `end − 1`. Bars `warmupStart` … `start − 1` are fed to the
 * strategy's indicators first, without trading (see `gateUntil`); nothing at or after `end`
 * is read.
 */
export interface TrialWindow {
  readonly warmupStart: number;
  readonly start: number;
  readonly end: number;
}

/** A batch of parameter sets to run over one window. */
export interface EvaluationBatch {
  readonly window: TrialWindow;
  readonly parameterSets: readonly ParameterSet[];
  /** Starting cash of the runs; the configuration's by default (walk-forward carries capital with it). */
  readonly cash?: number;
  /**
   * Ask for each run's equity curve and full metrics report, with the deflated Sharpe ratio
   * computed for `trials` (the best trial of a search, a walk-forward test run).
   */
  readonly detail?: { readonly trials?: { readonly count: number; readonly sharpeVariance: number } };
}

/** Per-block sufficient statistics of a run's period returns, for CSCV (see `blockSummary`). */
export interface TrialBlocks {
  readonly count: readonly number[];
  readonly sum: readonly number[];
  readonly sumSquares: readonly number[];
}

/** The equity curve of a run over its window. */
export interface EquityPoints {
  /** Bar open times, epoch µs UTC. */
  readonly time: readonly number[];
  readonly equity: readonly number[];
}

/** What one trial produced. Plain data: it crosses threads and is written to journals as JSON. */
export interface TrialOutcome {
  /** Every scalar metric, by qualified name (see `flattenMetrics`). */
  readonly metrics: FlatMetrics;
  /** Block statistics of the period returns; null when the window has fewer returns than blocks. */
  readonly blocks: TrialBlocks | null;
  /** Set when the run could not be measured (equity reached zero); its metrics are then mostly null. */
  readonly failure?: string;
  readonly detail?: {
    readonly report: MetricsReport;
    readonly equity: EquityPoints;
    /** Closed trades of the run. */
    readonly trades: readonly TradeInput[];
    readonly orderListHash: string;
  };
}

/** Lets a caller stop a batch early and see each outcome as it arrives. */
export interface EvaluationControl {
  /** When it reads true, trials not yet started are dropped (their outcome is undefined). */
  readonly signal?: { readonly aborted: boolean };
  /** Called once per finished trial, with its index in the batch, in completion order. */
  readonly onOutcome?: (index: number, outcome: TrialOutcome) => void;
}

/**
 * Evaluates batches of parameter sets: the one seam between the search and whatever runs the
 * strategy — in-process through `runBacktest`, on worker threads, or a one-pass vectorised sweep.
 * An implementation returns outcomes in batch order, equal to `runBacktest`'s for the same
 * inputs, whatever its parallelism.
 */
export interface TrialEvaluator {
  /** The ascending union of the bar times of every instrument: what windows index. */
  readonly timeline: Float64Array;
  /** Number of CSCV blocks each outcome carries. */
  readonly blocks: number;
  /** Runs every set of the batch; an outcome is undefined only for a trial dropped by `signal`. */
  evaluate(batch: EvaluationBatch, control?: EvaluationControl): Promise<(TrialOutcome | undefined)[]>;
  /** Releases threads or other resources. */
  close(): Promise<void>;
}
