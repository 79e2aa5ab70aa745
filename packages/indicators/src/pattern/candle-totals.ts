import { candleRange } from './candle-geometry.js';
import { CandleRange, type CandleRangeType, type CandleSetting } from './candle-settings.js';

/**
 * One rolling average a pattern needs: the average of `setting`'s range over the
 * `setting.period` candles before candle `i − offset`, where `i` is the candle being judged.
 */
export interface CandleAverageSpec {
  readonly setting: CandleSetting;
  /** How many bars before the judged candle the measured candle sits (0 = the judged one). */
  readonly offset: number;
}

/** Returns a {@link CandleAverageSpec}. */
export function averageOf(setting: CandleSetting, offset = 0): CandleAverageSpec {
  return { setting, offset };
}

/** Returns how many bars before the first judged one a set of averages reaches back. */
export function averagesReach(averages: readonly CandleAverageSpec[]): number {
  let reach = 0;
  for (const a of averages) reach = Math.max(reach, a.setting.period + a.offset);
  return reach;
}

/**
 * Running totals of candle ranges for a pattern's averages, kept as TA-Lib keeps them: summed
 * once over the window before the first judged candle, then moved one bar at a time by adding
 * the newest range and subtracting the oldest (`total += newest − oldest`, in that order).
 * Works on any columns indexed by bar — input arrays in batch, ring buffers in streaming — so
 * both faces perform the same floating-point operations. `save`/`restore` give one level of
 * undo for a stream's `replace`.
 *
 * @example
 * const totals = new CandleTotals([averageOf(BODY_DOJI)]);
 * totals.begin(open, high, low, close, lookback);
 * for (let i = lookback; i < n; i++) {
 *   const doji = realBody(open, close, i) <= candleAverage(BODY_DOJI, totals.values[0], open, high, low, close, i);
 *   totals.advance(open, high, low, close, i);
 * }
 */
export class CandleTotals {
  /** Current total of each average, in the order the specs were given. */
  readonly values: Float64Array;
  readonly #saved: Float64Array;
  // Typed arrays keep the per-bar loop free of boxed values.
  readonly #types: Int32Array;
  readonly #periods: Int32Array;
  readonly #offsets: Int32Array;

  constructor(averages: readonly CandleAverageSpec[]) {
    this.values = new Float64Array(averages.length);
    this.#saved = new Float64Array(averages.length);
    this.#types = Int32Array.from(averages, (a) => a.setting.rangeType);
    this.#periods = Int32Array.from(averages, (a) => a.setting.period);
    this.#offsets = Int32Array.from(averages, (a) => a.offset);
  }

  /** Sums each average's window for judging candle `i` (every index read must exist). */
  begin(open: Float64Array, high: Float64Array, low: Float64Array, close: Float64Array, i: number): void {
    const values = this.values;
    for (let k = 0; k < values.length; k++) {
      const type = this.#types[k] as CandleRangeType;
      const end = i - this.#offsets[k];
      let sum = 0;
      for (let m = end - this.#periods[k]; m < end; m++) sum += candleRange(type, open, high, low, close, m);
      values[k] = sum;
    }
  }

  /** Moves every window on by one bar, after candle `i` has been judged. */
  advance(open: Float64Array, high: Float64Array, low: Float64Array, close: Float64Array, i: number): void {
    const values = this.values;
    const types = this.#types;
    const periods = this.#periods;
    const offsets = this.#offsets;
    for (let k = 0; k < values.length; k++) {
      const period = periods[k];
      // With period 0 the total is never read (the candle's own range is used instead).
      if (period === 0) continue;
      const type = types[k] as CandleRangeType;
      const newest = i - offsets[k];
      const oldest = newest - period;
      // The two common range types are spelled out: this loop runs for every bar of every pattern.
      if (type === CandleRange.HighLow) {
        values[k] += high[newest] - low[newest] - (high[oldest] - low[oldest]);
      } else if (type === CandleRange.RealBody) {
        values[k] += Math.abs(close[newest] - open[newest]) - Math.abs(close[oldest] - open[oldest]);
      } else {
        values[k] +=
          candleRange(type, open, high, low, close, newest) - candleRange(type, open, high, low, close, oldest);
      }
    }
  }

  /** Remembers the current totals. */
  save(): void {
    this.#saved.set(this.values);
  }

  /** Returns to the totals last saved. */
  restore(): void {
    this.values.set(this.#saved);
  }

  /** Clears every total. */
  reset(): void {
    this.values.fill(0);
    this.#saved.fill(0);
  }
}

// Per-bar steps of the rolling totals, one per range type, for batch kernels that keep their
// totals as locals: `total += step(…)` performs exactly CandleTotals.advance's operations
// (`total + (newest range − oldest range)`). Small and monomorphic, so V8 inlines them.

/** Returns the real-body step of a total whose window now ends at `newest` and spans `period` bars. */
export function bodyStep(open: Float64Array, close: Float64Array, newest: number, period: number): number {
  const oldest = newest - period;
  return Math.abs(close[newest] - open[newest]) - Math.abs(close[oldest] - open[oldest]);
}

/** Returns the high − low step of a total whose window now ends at `newest` and spans `period` bars. */
export function highLowStep(high: Float64Array, low: Float64Array, newest: number, period: number): number {
  const oldest = newest - period;
  return high[newest] - low[newest] - (high[oldest] - low[oldest]);
}

/** Returns the two-shadows step of a total whose window now ends at `newest` and spans `period` bars. */
export function shadowsStep(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  newest: number,
  period: number,
): number {
  return shadows(open, high, low, close, newest) - shadows(open, high, low, close, newest - period);
}

function shadows(open: Float64Array, high: Float64Array, low: Float64Array, close: Float64Array, i: number): number {
  const white = close[i] >= open[i];
  return high[i] - (white ? close[i] : open[i]) + ((white ? open[i] : close[i]) - low[i]);
}
