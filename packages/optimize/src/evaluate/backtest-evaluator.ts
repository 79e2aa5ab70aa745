import { AlphintraError } from '@alphintra/core';
import {
  type BacktestConfig,
  type BacktestData,
  hashColumns,
  runBacktest,
  type StrategyDefinition,
} from '@alphintra/engine';
import { type BarData, requireBars } from './bar-data.js';
import { type MeasureOptions, measureRun } from './measure-run.js';
import type {
  EvaluationBatch,
  EvaluationControl,
  TrialEvaluator,
  TrialOutcome,
  TrialWindow,
} from './trial-evaluator.js';
import { windowRun } from './window-data.js';

/** What the in-process evaluator runs: a strategy, its data, the execution rules and how to measure. */
export interface BacktestEvaluatorSetup {
  readonly strategy: StrategyDefinition;
  readonly data: readonly BacktestData[];
  /** Execution and account rules, as `runBacktest` takes them. */
  readonly config?: Partial<BacktestConfig>;
  readonly strategyCodeHash?: string;
  readonly measure?: MeasureOptions;
}

/** Returns the ascending union of the bar times of every instrument (the series' own column for one). */
export function unionTimeline(data: readonly BarData[]): Float64Array {
  if (data.length === 1) return (data[0] as BarData).series.time;
  const all = new Set<number>();
  for (const d of data) for (const t of d.series.time) all.add(t);
  return Float64Array.from(all).sort();
}

/** Checks a window against a timeline of `length` bars. */
export function checkWindow(window: TrialWindow, length: number): void {
  const { warmupStart, start, end } = window;
  if (!(Number.isInteger(warmupStart) && Number.isInteger(start) && Number.isInteger(end)))
    throw new AlphintraError('INVALID_ARGUMENT', `expected integer window bounds, got ${JSON.stringify(window)}`);
  if (!(warmupStart >= 0 && warmupStart <= start && start < end && end <= length))
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected 0 ≤ warm-up start ≤ start < end ≤ ${length}, got ${warmupStart}, ${start}, ${end}`,
    );
}

/**
 * Evaluates trials in this thread, one `runBacktest` each: the reference evaluator, and the
 * one every worker thread runs. A window's run sees only the data from its warm-up start to
 * its end (zero-copy slices), with the strategy gated until the window starts.
 *
 * @example
 * const evaluator = new BacktestTrialEvaluator({ strategy, data: [{ instrument, series, hash }] });
 * const [outcome] = await evaluator.evaluate({ window: { warmupStart: 0, start: 0, end: series.length }, parameterSets: [{ fast: 10 }] });
 * outcome?.metrics['risk.sharpe'];
 */
export class BacktestTrialEvaluator implements TrialEvaluator {
  readonly timeline: Float64Array;
  readonly blocks: number;
  readonly #setup: BacktestEvaluatorSetup;
  readonly #data: BarData[];
  readonly #hashes: string[];

  constructor(setup: BacktestEvaluatorSetup) {
    if (setup.data.length === 0)
      throw new AlphintraError('INVALID_ARGUMENT', 'expected data for at least one instrument');
    this.#setup = setup;
    this.#data = requireBars(setup.data);
    this.timeline = unionTimeline(this.#data);
    this.blocks = setup.measure?.blocks ?? 16;
    this.#hashes = this.#data.map((d) => d.hash ?? hashColumns(d.series.columns()));
  }

  /** Runs one trial and measures it. */
  run(parameters: EvaluationBatch['parameterSets'][number], batch: EvaluationBatch): TrialOutcome {
    const { window } = batch;
    checkWindow(window, this.timeline.length);
    const { data, strategy, start } = windowRun(this.#setup.strategy, this.#data, this.#hashes, this.timeline, window);
    const result = runBacktest({
      ...this.#setup.config,
      ...(batch.cash === undefined ? {} : { cash: batch.cash }),
      strategy,
      parameters,
      data,
      ...(this.#setup.strategyCodeHash === undefined ? {} : { strategyCodeHash: this.#setup.strategyCodeHash }),
    });
    return measureRun(result, start, batch, { ...this.#setup.measure, blocks: this.blocks });
  }

  evaluate(batch: EvaluationBatch, control: EvaluationControl = {}): Promise<(TrialOutcome | undefined)[]> {
    const out: (TrialOutcome | undefined)[] = [];
    try {
      batch.parameterSets.forEach((parameters, i) => {
        if (control.signal?.aborted === true) {
          out.push(undefined);
          return;
        }
        const outcome = this.run(parameters, batch);
        control.onOutcome?.(i, outcome);
        out.push(outcome);
      });
    } catch (error) {
      return Promise.reject(error);
    }
    return Promise.resolve(out);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
