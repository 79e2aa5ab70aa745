import { AlphintraError } from '@alphintra/core';
import {
  type BacktestData,
  hashColumns,
  type ParameterSpecs,
  runSweep,
  type StrategyDefinition,
  type SweepOptions,
  type SweepResult,
  sweepRow,
  unsupportedBySweep,
} from '@alphintra/engine';
import type { ParameterSet } from '../space/dimension.js';
import {
  type BacktestEvaluatorSetup,
  BacktestTrialEvaluator,
  checkWindow,
  unionTimeline,
} from './backtest-evaluator.js';
import { type BarData, requireBars } from './bar-data.js';
import { sweepBlocks, sweepMetrics, windowPeriodsPerYear } from './sweep-metrics.js';
import type { EvaluationBatch, EvaluationControl, TrialEvaluator, TrialOutcome } from './trial-evaluator.js';
import { windowRun } from './window-data.js';

/** What the sweep evaluator runs: the engine evaluator's setup, and where the runs it does not do go. */
export interface SweepEvaluatorSetup extends BacktestEvaluatorSetup {
  /**
   * Evaluates what the sweep does not: batches asking for `detail` (the best trial, walk-forward
   * test runs) and runs whose equity reached zero. By default an in-process
   * `BacktestTrialEvaluator` over the same setup.
   */
  readonly engine?: TrialEvaluator;
  /** Most per-bar returns one `runSweep` call holds (runs × bars); bigger batches are split. Default 4,000,000. */
  readonly maxReturns?: number;
  /**
   * Awaited before each pass: lets the caller's event loop run between passes (signals, a
   * progress bar), which a pass in this thread otherwise holds up. None by default.
   */
  readonly pause?: () => Promise<void>;
}

/**
 * Returns why a strategy, its data and rules cannot be evaluated by the sweep (empty when they
 * can): no sweep face, several instruments, or anything else `runSweep` refuses.
 */
export function sweepEvaluatorProblems(setup: BacktestEvaluatorSetup): string[] {
  const data = requireBars(setup.data);
  const options = {
    ...setup.config,
    strategy: setup.strategy,
    data,
    parameterSets: [],
    periodsPerYear: 1,
  } as SweepOptions<ParameterSpecs, string>;
  return unsupportedBySweep(options);
}

/**
 * Evaluates a batch of trials with one `runSweep` pass over the window's data, sharing the
 * indicators of every parameter set, instead of one `runBacktest` each. The data is windowed
 * exactly as the engine evaluator does it (warm-up bars fed to the indicators, the strategy's
 * face holding until the window starts), and each trial carries the metrics that the window's
 * per-bar returns, end equities, max drawdown and trades determine ({@link SWEEP_METRICS}),
 * computed by the functions `computeMetrics` uses, with the CSCV blocks of those returns — equal
 * to the engine evaluator's outcome, restricted to those metrics. Batches asking for `detail`
 * and runs whose equity reached zero are evaluated by the engine. The constructor refuses (with
 * `SWEEP_UNSUPPORTED`) a strategy, data or configuration the sweep cannot reproduce.
 *
 * @example
 * const evaluator = new SweepTrialEvaluator({ strategy: smaCrossover, data: [{ instrument, series }], config: { fees } });
 * const outcomes = await evaluator.evaluate({ window: { warmupStart: 0, start: 0, end: series.length }, parameterSets: grid });
 * outcomes[0]?.metrics['risk.sharpe'];
 */
export class SweepTrialEvaluator implements TrialEvaluator {
  readonly timeline: Float64Array;
  readonly blocks: number;
  /** Trials the sweep evaluated so far. */
  swept = 0;
  /** Trials passed to the engine so far: detail requests and runs whose equity reached zero. */
  delegated = 0;
  readonly #setup: SweepEvaluatorSetup;
  readonly #data: BarData[];
  readonly #hashes: string[];
  readonly #engine: TrialEvaluator;
  /** The per-bar returns of a pass, reused pass after pass (read before the next pass starts). */
  #returns = new Float64Array(0);

  constructor(setup: SweepEvaluatorSetup) {
    const problems = sweepEvaluatorProblems(setup);
    if (problems.length > 0) {
      throw new AlphintraError(
        'SWEEP_UNSUPPORTED',
        `the sweep evaluator cannot run this: ${problems.join('; ')}; use the engine evaluator (--evaluator engine)`,
      );
    }
    this.#setup = setup;
    this.#data = requireBars(setup.data);
    this.timeline = unionTimeline(this.#data);
    this.blocks = setup.measure?.blocks ?? 16;
    this.#hashes = this.#data.map((d) => d.hash ?? hashColumns(d.series.columns()));
    this.#engine = setup.engine ?? new BacktestTrialEvaluator(setup);
  }

  async evaluate(batch: EvaluationBatch, control: EvaluationControl = {}): Promise<(TrialOutcome | undefined)[]> {
    if (batch.detail !== undefined) {
      this.delegated += batch.parameterSets.length;
      return this.#engine.evaluate(batch, control);
    }
    const { window } = batch;
    checkWindow(window, this.timeline.length);
    const run = windowRun(this.#setup.strategy, this.#data, this.#hashes, this.timeline, window);
    const bars = window.end - window.warmupStart;
    const perChunk = Math.max(1, Math.floor((this.#setup.maxReturns ?? 4_000_000) / Math.max(1, bars - 1)));
    const out: (TrialOutcome | undefined)[] = batch.parameterSets.map(() => undefined);
    const ruined: number[] = [];
    const measure = this.#setup.measure ?? {};
    // The measured curve starts at the bar before the window (the first bar without warm-up);
    // the gated face trades nothing before the window, so its equity there is the first bar's.
    const first = Math.max(0, window.start - window.warmupStart - 1);
    const time = this.timeline.subarray(window.warmupStart + first, window.end);
    const periodsPerYear = windowPeriodsPerYear(time, measure);
    for (let from = 0; from < batch.parameterSets.length; from += perChunk) {
      if (this.#setup.pause !== undefined) await this.#setup.pause();
      if (control.signal?.aborted === true) return out;
      const sets = batch.parameterSets.slice(from, from + perChunk);
      const result = this.#sweep(run.strategy, run.data, sets, batch.cash);
      for (let r = 0; r < sets.length; r++) {
        const outcome = this.#measure(result, r, first, time, periodsPerYear);
        if (outcome === null) {
          ruined.push(from + r);
          continue;
        }
        this.swept++;
        out[from + r] = outcome;
        control.onOutcome?.(from + r, outcome);
      }
    }
    if (ruined.length > 0) await this.#delegate(batch, ruined, out, control);
    return out;
  }

  /** Closes the engine evaluator it was given (the caller's to start, the sweep's to finish with). */
  close(): Promise<void> {
    return this.#engine.close();
  }

  #sweep(
    strategy: StrategyDefinition,
    data: readonly BacktestData[],
    parameterSets: readonly ParameterSet[],
    cash: number | undefined,
  ): SweepResult {
    return runSweep({
      ...this.#setup.config,
      ...(cash === undefined ? {} : { cash }),
      strategy,
      data,
      parameterSets,
      // The sweep's own Sharpe ratio is not used (the metrics are computed from the returns).
      periodsPerYear: 1,
      barReturns: true,
      returnsBuffer: this.#returnsFor(parameterSets.length, data),
    });
  }

  /** The reused returns buffer, grown to hold `runs` runs over the window's bars. */
  #returnsFor(runs: number, data: readonly BacktestData[]): Float64Array {
    const bars = data[0]?.series?.length ?? 0;
    const needed = runs * Math.max(0, bars - 1);
    if (this.#returns.length < needed) this.#returns = new Float64Array(needed);
    return this.#returns;
  }

  /** The outcome of run r, or null when its equity reached zero (the engine measures those). */
  #measure(
    result: SweepResult,
    r: number,
    first: number,
    time: Float64Array,
    periodsPerYear: number,
  ): TrialOutcome | null {
    const returnsPerRun = result.bars - 1;
    const returns = (result.barReturns as Float64Array).subarray(r * returnsPerRun + first, (r + 1) * returnsPerRun);
    const firstEquity = result.firstEquity[r] as number;
    const lastEquity = result.finalEquity[r] as number;
    if (!(firstEquity > 0 && Number.isFinite(firstEquity) && lastEquity > 0 && Number.isFinite(lastEquity)))
      return null;
    for (let i = 0; i < returns.length; i++) {
      // A positive, finite curve has every return finite and above −1; the first bar at or below
      // zero (or infinite) shows as a return that is not.
      if (!((returns[i] as number) > -1 && Number.isFinite(returns[i] as number))) return null;
    }
    const metrics = sweepMetrics(
      {
        time,
        returns,
        firstEquity,
        lastEquity,
        maxDrawdown: result.maxDrawdown[r] as number,
        trades: result.trades[r] as number,
        tradeFigures: sweepRow(result, r),
      },
      this.#setup.measure ?? {},
      periodsPerYear,
    );
    return { metrics, blocks: sweepBlocks(returns, this.blocks) };
  }

  async #delegate(
    batch: EvaluationBatch,
    indices: readonly number[],
    out: (TrialOutcome | undefined)[],
    control: EvaluationControl,
  ): Promise<void> {
    this.delegated += indices.length;
    const outcomes = await this.#engine.evaluate(
      { ...batch, parameterSets: indices.map((i) => batch.parameterSets[i] as ParameterSet) },
      {
        ...(control.signal === undefined ? {} : { signal: control.signal }),
        onOutcome: (k, outcome) => control.onOutcome?.(indices[k] as number, outcome),
      },
    );
    indices.forEach((i, k) => {
      out[i] = outcomes[k];
    });
  }
}
