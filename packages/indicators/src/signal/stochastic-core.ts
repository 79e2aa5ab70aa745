import { RollingExtreme } from '../math/rolling-extreme.js';
import { createMovingAverage, movingAverageLookback } from '../overlap/index.js';
import { StreamBase } from '../support/stream-base.js';
import type { StreamingIndicator } from '../types.js';

/**
 * Streaming stochastic oscillator: raw %K over `period` bars, then one or two moving
 * averages of it. With `first` null (STOCHF) the outputs are raw %K and its average; with
 * both averages (STOCH) they are the smoothed %K and its average. O(1) amortised per bar.
 */
export class StochasticStream extends StreamBase {
  readonly #highs: RollingExtreme;
  readonly #lows: RollingExtreme;
  readonly #first: StreamingIndicator | null;
  readonly #second: StreamingIndicator;
  readonly #kStart: number;
  readonly #secondStart: number;
  readonly #lookback: number;
  /** The current %K (raw, then smoothed), as a one-value column for the averages' pushAt. */
  readonly #k = new Float64Array(1);
  readonly #kColumns: readonly Float64Array[] = [this.#k];
  #count = 0;

  /**
   * `first` (period, matype) smooths raw %K into the first output, or is skipped when null;
   * `second` averages the first output into the second.
   */
  constructor(
    period: number,
    first: { period: number; matype: number } | null,
    second: { period: number; matype: number },
  ) {
    super(2, 3);
    this.#highs = new RollingExtreme(period, true);
    this.#lows = new RollingExtreme(period, false);
    this.#first = first === null ? null : createMovingAverage(first.matype, first.period);
    this.#second = createMovingAverage(second.matype, second.period);
    this.#kStart = period - 1;
    this.#secondStart = this.#kStart + (first === null ? 0 : movingAverageLookback(first.matype, first.period));
    this.#lookback = this.#secondStart + movingAverageLookback(second.matype, second.period);
  }

  /** Returns the number of leading bars without outputs. */
  get lookback(): number {
    return this.#lookback;
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  revise(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.reviseAt(bar, 0);
  }

  // pushAt and reviseAt have separate, straight paths rather than one shared with a flag. %K
  // goes to the averages through the one-value column #k, not as a number: the averages are
  // of several classes, and a number passed to a call V8 does not inline is boxed on the heap.
  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#highs.push(columns[0]!, index);
    this.#lows.push(columns[1]!, index);
    const i = this.#count++;
    if (i < this.#kStart) return;
    const k = this.#k;
    k[0] = this.#rawK(columns[2]![index]!);
    const first = this.#first;
    if (first !== null) {
      first.pushAt(this.#kColumns, 0);
      k[0] = first.outputs[0] as number;
    }
    if (i < this.#secondStart) return;
    this.#second.pushAt(this.#kColumns, 0);
    if (i >= this.#lookback) this.#write();
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#highs.undo();
    this.#lows.undo();
    this.#highs.push(columns[0]!, index);
    this.#lows.push(columns[1]!, index);
    const i = this.#count - 1;
    if (i < this.#kStart) return;
    const k = this.#k;
    k[0] = this.#rawK(columns[2]![index]!);
    const first = this.#first;
    if (first !== null) {
      first.reviseAt(this.#kColumns, 0);
      k[0] = first.outputs[0] as number;
    }
    if (i < this.#secondStart) return;
    this.#second.reviseAt(this.#kColumns, 0);
    if (i >= this.#lookback) this.#write();
  }

  // Raw %K as `rawK` computes it; a tiny private method that the engine always inlines.
  #rawK(close: number): number {
    const lowest = this.#lows.extreme;
    const diff = (this.#highs.extreme - lowest) / 100;
    return diff !== 0 ? (close - lowest) / diff : 0;
  }

  #write(): void {
    this.outputs[0] = this.#k[0] as number;
    this.outputs[1] = this.#second.outputs[0] as number;
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#highs.reset();
    this.#lows.reset();
    this.#first?.reset();
    this.#second.reset();
    this.#count = 0;
    this.outputs.fill(Number.NaN);
  }
}
