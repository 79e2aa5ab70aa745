import type { BacktestConfig } from '@alphintra/engine';
import type { EvaluationBatch, MeasureOptions, TrialOutcome } from '@alphintra/optimize';
import type { SharedInstrumentData } from './shared-data.js';

/** What a trial worker is started with (its `workerData`). */
export interface WorkerSetup {
  /** URL of the compiled strategy module; its default export is the strategy definition. */
  readonly strategyUrl: string;
  readonly strategyCodeHash: string;
  readonly data: readonly SharedInstrumentData[];
  /** Execution rules (plain data: custom model functions cannot cross threads). */
  readonly config: Partial<BacktestConfig>;
  readonly measure: MeasureOptions;
  /**
   * `engine`: a request holds one trial, run through `runBacktest`. `sweep`: a request holds a
   * chunk of trials, evaluated together by one sweep pass (detail batches and ruined runs go to
   * the worker's own engine evaluator, as `SweepTrialEvaluator` does in-process).
   */
  readonly evaluator: 'engine' | 'sweep';
}

/** A request to run the trials of a batch (one in `engine` mode, a chunk in `sweep` mode). */
export interface TrialRequest {
  readonly id: number;
  readonly batch: EvaluationBatch;
}

/** What a worker posts back. */
export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed-to-start'; readonly message: string }
  | { readonly kind: 'outcome'; readonly id: number; readonly outcome: TrialOutcome }
  | { readonly kind: 'outcomes'; readonly id: number; readonly outcomes: readonly (TrialOutcome | undefined)[] }
  | { readonly kind: 'trial-failed'; readonly id: number; readonly message: string; readonly stack: string };
