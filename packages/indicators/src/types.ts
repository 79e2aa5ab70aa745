/** The family an indicator belongs to, as TA-Lib groups them (plus Alphintra's extras). */
export type IndicatorGroup =
  | 'overlap'
  | 'momentum'
  | 'volume'
  | 'volatility'
  | 'price'
  | 'cycle'
  | 'statistic'
  | 'math-operator'
  | 'math-transform'
  | 'pattern'
  | 'extra';

/** Names of indicator inputs, as in TA-Lib's abstract interface (plus `time`, bar open times in epoch µs, for session-anchored extras). */
export type InputName = 'time' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'real' | 'real0' | 'real1' | 'periods';

/** One parameter of an indicator. */
export interface ParameterSpec {
  /** TA-Lib's Python/abstract name: `timeperiod`, `fastperiod`, `nbdevup`, `matype` … */
  readonly name: string;
  /** `integer` (periods), `real` (multipliers, accelerations) or `matype` (moving-average type 0–8). */
  readonly type: 'integer' | 'real' | 'matype';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** One sentence, in our words. */
  readonly description: string;
}

/** One output of an indicator. */
export interface OutputSpec {
  /** TA-Lib's output name: `real`, `integer`, `macd`, `macdsignal`, `upperband`, `slowk` … */
  readonly name: string;
  /** `integer` outputs (candlestick signals, indices) hold whole numbers. */
  readonly type: 'real' | 'integer';
  readonly description: string;
}

/** Resolved parameter values keyed by parameter name. */
export type IndicatorParams = Readonly<Record<string, number>>;

/**
 * The streaming face of an indicator: one bar in, O(1) work, no allocation.
 *
 * `push` takes the indicator's inputs in its definition's order (`push(close)` for SMA,
 * `push(high, low, close)` for ATR, `push(open, high, low, close)` for candlestick patterns)
 * and writes the current values into `outputs` (NaN until ready). `revise` swaps the most
 * recent bar for new values — the bar still forming in live data. Both return nothing, and
 * results are read from the `outputs` array, so that no number is ever boxed on the heap
 * even where V8 cannot inline the call (an engine updating many kinds of indicator).
 * `update` and `replace` are conveniences that also return the first output. After `reset`
 * the indicator behaves as new.
 *
 * @example
 * const rsi = createStream('RSI', { timeperiod: 14 });
 * for (const close of closes) rsi.push(close);
 * if (rsi.isReady) console.log(rsi.outputs[0]);
 */
export interface StreamingIndicator {
  /** Current value of each output, in definition order (NaN until ready). Read-only for callers. */
  readonly outputs: Float64Array;
  push(a: number, b?: number, c?: number, d?: number, e?: number): void;
  revise(a: number, b?: number, c?: number, d?: number, e?: number): void;
  /** `push`, then returns the first output. */
  update(a: number, b?: number, c?: number, d?: number, e?: number): number;
  /** `revise`, then returns the first output. */
  replace(a: number, b?: number, c?: number, d?: number, e?: number): number;
  /** Current value of output `index` (0 = first), NaN until ready. */
  output(index: number): number;
  /** Current value of the first output. */
  readonly value: number;
  /** Whether the outputs hold values (the warm-up is over). */
  readonly isReady: boolean;
  reset(): void;
}

/** Everything the registry knows about one indicator. */
export interface IndicatorDefinition {
  /** TA-Lib's function name (`SMA`, `CDLDOJI`) or the extra's name (`VWAP`, `SUPERTREND`). */
  readonly name: string;
  readonly group: IndicatorGroup;
  /** One line, in our words. */
  readonly description: string;
  /** For indicators TA-Lib lacks: the formula, documented. */
  readonly formula?: string;
  /** Whether results are checked against TA-Lib. */
  readonly talib: boolean;
  readonly inputs: readonly InputName[];
  readonly parameters: readonly ParameterSpec[];
  readonly outputs: readonly OutputSpec[];
  /** Number of leading bars without a value (TA-Lib's lookback) for resolved parameters. */
  lookback(params: IndicatorParams): number;
  /**
   * Batch computation: `inputs` in definition order, all the same length; `outputs` are
   * preallocated with that length and must be fully written (NaN during the warm-up).
   */
  compute(inputs: readonly Float64Array[], params: IndicatorParams, outputs: Float64Array[]): void;
  /** Creates the streaming face for resolved parameters. */
  createStream(params: IndicatorParams): StreamingIndicator;
}
