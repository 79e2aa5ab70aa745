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
 * results are read from the `outputs` array. `update` and `replace` are conveniences that
 * also return the first output. After `reset` the indicator behaves as new.
 *
 * `pushAt(columns, index)` and `reviseAt(columns, index)` do the same for bar `index` of
 * input columns: `columns` holds one `Float64Array` per input, in the definition's order —
 * the arrays `compute` takes, see {@link inputColumns}. This is the face for a caller that
 * updates many kinds of indicator from one call site (an engine over columnar bars): V8
 * cannot inline such a call, and numbers passed to a call that is not inlined are boxed on
 * the heap, while an array and an integer index are not. Through `pushAt` an update
 * allocates nothing whoever calls it.
 *
 * @example
 * const rsi = createStream('RSI', { timeperiod: 14 });
 * for (const close of closes) rsi.push(close);
 * if (rsi.isReady) console.log(rsi.outputs[0]);
 *
 * @example
 * // An engine feeding columnar bars: bind the columns once, then pass the bar index.
 * const atr = createStream('ATR', { timeperiod: 14 });
 * const columns = inputColumns(getIndicator('ATR'), series); // [high, low, close]
 * for (let i = 0; i < series.length; i++) atr.pushAt(columns, i);
 */
export interface StreamingIndicator {
  /** Current value of each output, in definition order (NaN until ready). Read-only for callers. */
  readonly outputs: Float64Array;
  push(a: number, b?: number, c?: number, d?: number, e?: number): void;
  revise(a: number, b?: number, c?: number, d?: number, e?: number): void;
  /**
   * `push` of bar `index` of `columns` (one array per input, in definition order; only
   * `columns[k][index]` is read). Equals `push(columns[0][index], columns[1][index], …)`.
   */
  pushAt(columns: readonly Float64Array[], index: number): void;
  /** `revise` with bar `index` of `columns`, as {@link StreamingIndicator.pushAt} reads it. */
  reviseAt(columns: readonly Float64Array[], index: number): void;
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
