import { commonLength, nanArray } from '../support/arrays.js';
import { REAL_LIMIT, real, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, ParameterSpec, StreamingIndicator } from '../types.js';
import {
  type bodyStep,
  type CandleAverageSpec,
  CandleTotals,
  type highLowStep,
  type shadowsStep,
} from './candle-totals.js';

/** What the harness needs to know about a pattern besides its rule. */
export interface CandlePatternSpec {
  /** TA-Lib's lookback: bars without output before the first signal. */
  readonly lookback: number;
  /** The rolling averages the rule reads, as `totals[k]` in this order. */
  readonly averages: readonly CandleAverageSpec[];
  /**
   * Bars before the lookback on which the rule already runs to build up state without
   * output (TA-Lib's Hikkake patterns look back for a setup this way). 0 for most patterns.
   */
  readonly prime?: number;
}

/*
 * Measurements first. A rule tests cheap things first (colours, raw price comparisons), then
 * hands the bars that pass to a small function that measures the candles (real bodies,
 * shadows, the thresholds from the totals) all at once, at its top, and only then compares.
 * The reason is V8: it does not inline a call that runs on fewer than about one in seven
 * executions of its caller, and a double passed to or returned from a call that is not
 * inlined is boxed on the heap. A measurement reached only after several `&&` tests was such
 * a call, and allocated in the rare bars that got that far; measured unconditionally at the
 * top of a function that only the rare bars reach, every measurement is inlined, and the
 * function itself takes arrays and an index and returns a boolean, which are not boxed.
 * Batch kernels gain too: most bars are rejected before anything is measured.
 */

/**
 * A pattern's rule: judges candle `i` of the columns with the current average totals and
 * returns TA-Lib's signal (100 bullish, −100 bearish, 0 none; some patterns use ±80 or ±200).
 * `penetration` is the pattern's real parameter, if it has one.
 */
export type CandleRule = (
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  i: number,
  totals: Float64Array,
  penetration: number,
) => number;

/**
 * Starts a batch kernel: fills the lookback of `out` with NaN and returns the average totals
 * summed for judging the first bar (`spec.lookback`), or undefined when the input is too
 * short to judge any bar. The kernel then runs, for each bar `i` from the lookback on,
 * `out[i] = rule(…, i, totals.values)` and moves each total on with the step of its range
 * type ({@link bodyStep}, {@link highLowStep}, {@link shadowsStep}) — the same operations as
 * {@link CandleTotals.advance} in {@link CandlePatternStream}. Each kernel writes that loop and
 * those steps itself (rather than passing the rule to a shared loop or calling `advance`):
 * a loop shared by many rules cannot inline any of them, and `advance` dispatches on the
 * range type of every total on every bar.
 *
 * @example
 * const totals = beginCandlePattern(SPEC, open, high, low, close, out);
 * if (totals === undefined) return;
 * const t = totals.values;
 * for (let i = SPEC.lookback; i < open.length; i++) {
 *   out[i] = myRule(open, high, low, close, i, t);
 *   t[0] += highLowStep(high, low, i, 10); // SPEC.averages[0] is averageOf(BODY_DOJI)
 * }
 */
export function beginCandlePattern(
  spec: CandlePatternSpec,
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
): CandleTotals | undefined {
  const n = open.length;
  const lookback = spec.lookback;
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  if (lookback >= n) return undefined;
  const totals = new CandleTotals(spec.averages);
  totals.begin(open, high, low, close, lookback);
  return totals;
}

/**
 * Runs a stateless rule over whole columns into `out` (NaN during the lookback). Convenient
 * for tests and one-off rules; hot kernels write the loop themselves with
 * {@link beginCandlePattern}, because a loop shared by many rules cannot inline any of them.
 */
export function runCandlePattern(
  spec: CandlePatternSpec,
  rule: CandleRule,
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
  penetration = 0,
): void {
  const totals = beginCandlePattern(spec, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  for (let i = spec.lookback; i < open.length; i++) {
    out[i] = rule(open, high, low, close, i, t, penetration);
    totals.advance(open, high, low, close, i);
  }
}

/**
 * The streaming harness for candlestick patterns: keeps the last `lookback + 1` bars in
 * preallocated ring buffers and the average totals, and runs the pattern's rule on each new
 * bar — O(1) and allocation-free. Each bar is written twice into buffers of twice the
 * capacity, so the window always lies contiguous below index `slot + capacity` and the rule
 * reads `open[i − k]` exactly as it does on input arrays. Stateful patterns subclass it and
 * override {@link evaluate} and the state hooks.
 */
export class CandlePatternStream extends StreamBase {
  protected readonly open: Float64Array;
  protected readonly high: Float64Array;
  protected readonly low: Float64Array;
  protected readonly close: Float64Array;
  protected readonly totals: CandleTotals;
  protected readonly penetration: number;
  readonly #rule: CandleRule;
  readonly #capacity: number;
  readonly #lookback: number;
  readonly #first: number;
  #count = 0;
  #slot = 0;
  #prevCount = 0;
  #prevSlot = 0;
  /**
   * The output before the last push, for `revise`. In a typed array rather than a field: push
   * and revise are shared by every pattern class, so their field accesses are megamorphic, and
   * a megamorphic read of a double field returns it boxed.
   */
  readonly #prevValue = new Float64Array(1);

  constructor(spec: CandlePatternSpec, rule: CandleRule, penetration = 0) {
    // No one-bar columns: push writes its numbers straight into the rings.
    super(1, 0);
    this.#rule = rule;
    this.penetration = penetration;
    this.#lookback = spec.lookback;
    this.#first = spec.lookback - (spec.prime ?? 0);
    this.#capacity = spec.lookback + 1;
    this.open = new Float64Array(2 * this.#capacity);
    this.high = new Float64Array(2 * this.#capacity);
    this.low = new Float64Array(2 * this.#capacity);
    this.close = new Float64Array(2 * this.#capacity);
    this.totals = new CandleTotals(spec.averages);
  }

  push(open: number, high = Number.NaN, low = Number.NaN, close = Number.NaN): void {
    const slot = this.#slot;
    const index = slot + this.#capacity;
    this.open[slot] = this.open[index] = open;
    this.high[slot] = this.high[index] = high;
    this.low[slot] = this.low[index] = low;
    this.close[slot] = this.close[index] = close;
    this.#judge();
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const slot = this.#slot;
    const at = slot + this.#capacity;
    this.open[slot] = this.open[at] = columns[0]![index]!;
    this.high[slot] = this.high[at] = columns[1]![index]!;
    this.low[slot] = this.low[at] = columns[2]![index]!;
    this.close[slot] = this.close[at] = columns[3]![index]!;
    this.#judge();
  }

  revise(open: number, high = Number.NaN, low = Number.NaN, close = Number.NaN): void {
    this.#restore();
    this.push(open, high, low, close);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    this.#restore();
    this.pushAt(columns, index);
  }

  // The update proper, once the new bar sits in the ring at the current slot. It takes no
  // numbers: it is shared by every pattern class, so V8 does not inline it into push, and a
  // number passed to a call that is not inlined is boxed on the heap.
  #judge(): void {
    const outputs = this.outputs;
    this.#prevCount = this.#count;
    this.#prevSlot = this.#slot;
    this.#prevValue[0] = outputs[0] as number;
    this.totals.save();
    this.saveState();
    const capacity = this.#capacity;
    const slot = this.#slot;
    const index = slot + capacity;
    this.#slot = slot + 1 === capacity ? 0 : slot + 1;
    const bar = this.#count++;
    if (bar < this.#first) {
      outputs[0] = Number.NaN;
      return;
    }
    if (bar === this.#first) this.totals.begin(this.open, this.high, this.low, this.close, index);
    this.evaluate(index, bar);
    this.totals.advance(this.open, this.high, this.low, this.close, index);
    // Bars primed before the lookback are judged for their state only.
    if (bar < this.#lookback) outputs[0] = Number.NaN;
  }

  // Takes back the last push, if there was one. The ring needs no undo: the revised bar is
  // written to the same slot.
  #restore(): void {
    if (this.#count > 0) {
      this.#count = this.#prevCount;
      this.#slot = this.#prevSlot;
      this.outputs[0] = this.#prevValue[0] as number;
      this.totals.restore();
      this.restoreState();
    }
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#count = 0;
    this.#slot = 0;
    this.outputs[0] = Number.NaN;
    this.totals.reset();
    this.resetState();
  }

  /**
   * Judges the bar at buffer `index` (the `bar`-th bar seen, counting from 0) and writes the
   * signal into `outputs[0]`. The default runs the stateless rule given to the constructor
   * (signals are small integers, which V8 returns from the rule without boxing).
   */
  protected evaluate(index: number, _bar: number): void {
    this.outputs[0] = this.#rule(
      this.open,
      this.high,
      this.low,
      this.close,
      index,
      this.totals.values,
      this.penetration,
    );
  }

  /** Hook: remember pattern state before a `push`, for `revise`. */
  protected saveState(): void {}
  /** Hook: return to the state remembered by {@link saveState}. */
  protected restoreState(): void {}
  /** Hook: forget all pattern state. */
  protected resetState(): void {}
}

/** What {@link candlePatternDefinition} needs to describe one pattern. */
export interface CandlePatternOptions {
  readonly name: string;
  /** One sentence, in our words. */
  readonly description: string;
  readonly spec: CandlePatternSpec;
  /** Batch kernel writing every bar of `out`. */
  readonly compute: (
    open: Float64Array,
    high: Float64Array,
    low: Float64Array,
    close: Float64Array,
    out: Float64Array,
    penetration: number,
  ) => void;
  readonly createStream: (penetration: number) => StreamingIndicator;
  /** TA-Lib's default penetration, for the patterns that take one. */
  readonly penetration?: number;
}

const SIGNAL_DESCRIPTION =
  'Signal: 100 bullish, -100 bearish, 0 none (some patterns use 80 or 200 for weaker or confirmed signals).';

/** Returns the penetration parameter with TA-Lib's range and the given default. */
export function penetrationParameter(defaultValue: number): ParameterSpec {
  return real(
    'penetration',
    defaultValue,
    0,
    REAL_LIMIT,
    "Fraction of the first candle's real body the last candle must reach into.",
  );
}

/** Returns the registry entry of a candlestick pattern. */
export function candlePatternDefinition(options: CandlePatternOptions): IndicatorDefinition {
  const hasPenetration = options.penetration !== undefined;
  const fallback = options.penetration ?? 0;
  return {
    name: options.name,
    group: 'pattern',
    description: options.description,
    talib: true,
    inputs: ['open', 'high', 'low', 'close'],
    parameters: hasPenetration ? [penetrationParameter(fallback)] : [],
    outputs: [{ name: 'integer', type: 'integer', description: SIGNAL_DESCRIPTION }],
    lookback: () => options.spec.lookback,
    compute: (inputs, p, outputs) =>
      options.compute(
        inputs[0] as Float64Array,
        inputs[1] as Float64Array,
        inputs[2] as Float64Array,
        inputs[3] as Float64Array,
        outputs[0] as Float64Array,
        hasPenetration ? (p.penetration as number) : fallback,
      ),
    createStream: (p) => options.createStream(hasPenetration ? (p.penetration as number) : fallback),
  };
}

/**
 * Runs a pattern's batch face for the public `CDLxxx(open, high, low, close, params)`
 * functions: checks the parameters and lengths and returns a new output array.
 */
export function runPatternBatch(
  definition: IndicatorDefinition,
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: Readonly<Record<string, number>> = {},
): Float64Array {
  const resolved = resolveParams(definition, params);
  const n = commonLength(definition.name, [open, high, low, close]);
  const out = nanArray(n);
  definition.compute([open, high, low, close], resolved, [out]);
  return out;
}
