import { AlphintraError, BarSeries, detectTimeframe, type Rng, SeededRng } from '@alphintra/core';
import { barShape, checkSeries, resolveBacktestConfig } from '../backtest/backtest-config.js';
import { StrategyError } from '../kernel/strategy-error.js';
import {
  formatParameters,
  type ParameterSpecs,
  type ParameterValues,
  resolveParameters,
} from '../strategy/parameters.js';
import { SweepAccount } from './sweep-account.js';
import type { SweepFace, SweepIndicator } from './sweep-face.js';
import { SweepIndicators } from './sweep-indicators.js';
import { SweepLoop } from './sweep-loop.js';
import { checkSweepOptions, refuseUnsupported, type SweepOptions, sweepProblems } from './sweep-options.js';
import { allocateResult, type SweepParameters, type SweepResult } from './sweep-result.js';
import { anchorSweepShapes, columnRecord, sharedFeeModel, sharedSlippageModel } from './sweep-shapes.js';

/**
 * The error of a run that threw: the engine's own errors as they are, anything else — the
 * strategy's face threw — as a `StrategyError` naming the run's parameters, with the original
 * exception as its cause (so the caller can point at the strategy's line, as for a backtest).
 */
function sweepFailure(strategy: string, instrument: string, parameters: SweepParameters, error: unknown): unknown {
  if (error instanceof AlphintraError) return error;
  const set = formatParameters(parameters);
  const message = error instanceof Error ? error.message : String(error);
  return new StrategyError(
    { strategy, handler: 'sweep.decide', time: Number.NaN, instrument, bar: -1 },
    error,
    `threw in sweep.decide (${instrument}, run with ${set === '' ? 'no parameters' : set}): ${message}`,
  );
}

/** Periods per year of daily bars, as analytics infers them (252 sessions). */
const DAILY_PERIODS = 252;

function periodsPerYearOf(series: BarSeries, given: number | undefined): number {
  if (given !== undefined) return given;
  const tf = series.meta.timeframe ?? detectTimeframe(series.time);
  if (tf === undefined || (tf.unit === 'day' && tf.count === 1)) return DAILY_PERIODS;
  throw new AlphintraError(
    'INVALID_ARGUMENT',
    `expected periodsPerYear for bars of ${tf.count}${tf.unit} (the default, 252, is for daily bars)`,
  );
}

/** The checked configuration, the one instrument's data and bar shape, and what the fast path cannot reproduce. */
function inspect<P extends ParameterSpecs, K extends string>(options: SweepOptions<P, K>) {
  const config = resolveBacktestConfig(options);
  checkSweepOptions(options as SweepOptions<ParameterSpecs, string>);
  const data = options.data[0];
  if (data === undefined) throw new AlphintraError('INVALID_ARGUMENT', 'expected data for one instrument');
  const series = data.series ?? BarSeries.empty(0);
  checkSeries(series, data.instrument.id);
  const shape = barShape(series, data.instrument.id);
  const strategy = options.strategy as unknown as Parameters<typeof sweepProblems>[0];
  const problems = sweepProblems(strategy, options.data, config, shape.duration);
  return { config, instrument: data.instrument, series, shape, problems };
}

/**
 * Returns what in a sweep's strategy, data and configuration the fast path cannot reproduce
 * exactly — an empty list when `runSweep` will run it, else the reasons it would refuse
 * (so a caller can choose `runBacktest` up front). Bad input still throws.
 *
 * @example
 * if (unsupportedBySweep(options).length > 0) runEachWithTheEngine(options);
 */
export function unsupportedBySweep<P extends ParameterSpecs, K extends string>(options: SweepOptions<P, K>): string[] {
  return inspect(options).problems;
}

/**
 * Indicator columns of every run: `names` as `decide` reads them, and for run r and name k
 * the index of its column at `slots[r × names.length + k]`.
 */
function planIndicators(
  face: SweepFace<never, string>,
  parameters: readonly ParameterValues<never>[],
  indicators: SweepIndicators,
): { names: string[]; slots: Int32Array } {
  const first = parameters[0];
  const names = first === undefined ? [] : Object.keys(face.indicators(first));
  const slots = new Int32Array(parameters.length * names.length);
  for (let r = 0; r < parameters.length; r++) {
    const specs: Readonly<Record<string, SweepIndicator>> = face.indicators(parameters[r] as ParameterValues<never>);
    // The same names in the same order as the first set's (counted without building a list).
    let k = 0;
    let same = true;
    for (const key in specs) {
      if (!Object.hasOwn(specs, key)) continue;
      if (key !== names[k]) same = false;
      k++;
    }
    if (!same || k !== names.length) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected the sweep face to name the same indicators for every parameter set (${names.join(', ')}), got ${Object.keys(specs).join(', ')} for set ${r}`,
      );
    }
    for (let j = 0; j < names.length; j++) {
      slots[r * names.length + j] = indicators.resolve(specs[names[j] as string] as SweepIndicator);
    }
  }
  return { names, slots };
}

/**
 * Evaluates many parameter sets of one strategy over one instrument's bars in a single pass
 * each, through the strategy's sweep face: every distinct indicator is computed once, and
 * each run folds its equity curve into trades, final equity, total return, Sharpe and max
 * drawdown without allocating. The results equal `runBacktest`'s for the same strategy,
 * data and configuration (`compareSweepToEngine` checks it). A configuration the fast path
 * cannot reproduce exactly is refused with a `SWEEP_UNSUPPORTED` error naming what, so the
 * caller can fall back to the event-driven engine.
 *
 * @example
 * const result = runSweep({
 *   strategy: smaCrossover,
 *   data: [{ instrument, series }],
 *   parameterSets: [{ fast: 10, slow: 30 }, { fast: 20, slow: 50 }],
 *   fees: { kind: 'percent', rate: 0.001 },
 * });
 * result.sharpe[1]; // Sharpe of fast 20 / slow 50
 */
export function runSweep<P extends ParameterSpecs, K extends string>(options: SweepOptions<P, K>): SweepResult {
  const { config, instrument, series, shape, problems } = inspect(options);
  refuseUnsupported(problems);
  anchorSweepShapes();
  const face = options.strategy.sweep as unknown as SweepFace<never, string>;
  const periodsPerYear = periodsPerYearOf(series, options.periodsPerYear);
  const n = series.length;
  const blocks = options.returnBlocks ?? 0;
  if (blocks > Math.max(1, n - 1)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected at most ${n - 1} return blocks over ${n} bars, got ${blocks}`,
    );
  }

  const tradeStatistics = options.tradeStatistics !== false;
  const parameters = options.parameterSets.map(
    (set) => resolveParameters(options.strategy.parameters, set) as ParameterValues<never>,
  );
  const bars = series.columns();
  const indicators = new SweepIndicators(bars);
  const { names, slots } = planIndicators(face, parameters, indicators);
  const result = allocateResult(
    parameters as unknown as SweepParameters[],
    n,
    periodsPerYear,
    indicators.computations,
    options.barReturns === true,
    blocks,
    tradeStatistics,
    options.returnsBuffer,
  );

  const slippageConfig = config.slippage;
  const random =
    typeof slippageConfig === 'function' || (slippageConfig.kind === 'spread' && slippageConfig.random === true);
  const rngFor = (): Rng => new SeededRng(config.seed);
  const shared = rngFor();
  const account = new SweepAccount(
    {
      instrument: instrument.id,
      multiplier: instrument.multiplier,
      lotSize: instrument.lotSize,
      leverage: config.leverage,
      allowShort: config.allowShort,
      fees: sharedFeeModel(config.fees),
      slippage:
        typeof slippageConfig !== 'function' && slippageConfig.kind === 'none'
          ? null
          : sharedSlippageModel(slippageConfig),
      high: bars.high,
      low: bars.low,
      close: bars.close,
      volume: bars.volume,
      time: bars.time,
      fillDelay: config.fillTiming === 'close' ? shape.duration : 0,
    },
    shared,
    tradeStatistics,
  );
  const loop = new SweepLoop({
    face,
    bars,
    account,
    cash: config.cash,
    multiplier: instrument.multiplier,
    borrowRate: config.borrowRate,
    duration: shape.duration,
    fillAtClose: config.fillTiming === 'close',
    closeThenOpen: face.reversal === 'close-then-open',
    periodsPerYear,
    result,
  });

  const values = columnRecord(names);
  const columns = indicators.columns;
  const runs = parameters.length;
  const interval = Math.max(1, Math.floor(options.progressInterval ?? 1024));
  const k = names.length;
  for (let r = 0; r < runs; r++) {
    for (let j = 0; j < k; j++) values[names[j] as string] = columns[slots[r * k + j] as number] as Float64Array;
    // A probabilistic slippage model draws from the run's own generator, seeded as runBacktest seeds it.
    account.reset(config.cash, random ? rngFor() : shared);
    try {
      loop.run(r, values, parameters[r] as ParameterValues<never>);
    } catch (error) {
      throw sweepFailure(options.strategy.name, instrument.id, parameters[r] as SweepParameters, error);
    }
    if ((r + 1) % interval === 0 && r + 1 < runs) {
      if (options.signal?.aborted === true)
        throw new AlphintraError('ABORTED', `sweep cancelled after ${r + 1} of ${runs} runs`);
      options.onProgress?.(r + 1, runs);
    }
  }
  options.onProgress?.(runs, runs);
  return result;
}
