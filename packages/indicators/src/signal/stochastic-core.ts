import { dequeMask, RollingExtreme } from '../math/rolling-extreme.js';
import { createMovingAverage, movingAverageLookback } from '../overlap/index.js';
import type { StreamingIndicator } from '../types.js';

/** Returns TA-Lib's raw stochastic %K: where `close` sits in the range, 0 for an empty range. */
function rawK(close: number, highest: number, lowest: number): number {
  // TA-Lib divides by the range over 100 rather than multiplying by 100 afterwards.
  const diff = (highest - lowest) / 100;
  return diff !== 0 ? (close - lowest) / diff : 0;
}

/**
 * Fills `out[i]` with the raw stochastic %K of bar `i` over the `period` bars ending there,
 * reading `input[from..]` only (NaN before `from + period − 1`). The highest high and lowest
 * low come from monotonic deques, O(1) amortised per bar; only their values matter here, and
 * those do not depend on how ties are broken.
 */
export function computeFastK(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  from = 0,
): void {
  const n = close.length;
  const first = from + period - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  // Each deque holds at most one window of indices: rings of the next power of two suffice.
  const mask = dequeMask(period);
  const highs = new Int32Array(mask + 1);
  const lows = new Int32Array(mask + 1);
  let hHead = 0;
  let hTail = 0;
  let lHead = 0;
  let lTail = 0;
  for (let today = from; today < n; today++) {
    const trailing = today - period + 1;
    const h = high[today] as number;
    const l = low[today] as number;
    if (hHead < hTail && (highs[hHead & mask] as number) < trailing) hHead++;
    while (hTail > hHead && (high[highs[(hTail - 1) & mask] as number] as number) <= h) hTail--;
    highs[hTail++ & mask] = today;
    if (lHead < lTail && (lows[lHead & mask] as number) < trailing) lHead++;
    while (lTail > lHead && (low[lows[(lTail - 1) & mask] as number] as number) >= l) lTail--;
    lows[lTail++ & mask] = today;
    if (today >= first) {
      out[today] = rawK(
        close[today] as number,
        high[highs[hHead & mask] as number] as number,
        low[lows[lHead & mask] as number] as number,
      );
    }
  }
}

/**
 * Streaming stochastic oscillator: raw %K over `period` bars, then one or two moving
 * averages of it. With `first` null (STOCHF) the outputs are raw %K and its average; with
 * both averages (STOCH) they are the smoothed %K and its average. O(1) amortised per bar.
 */
export class StochasticStream implements StreamingIndicator {
  readonly #highs: RollingExtreme;
  readonly #lows: RollingExtreme;
  readonly #first: StreamingIndicator | null;
  readonly #second: StreamingIndicator;
  readonly #kStart: number;
  readonly #secondStart: number;
  readonly #lookback: number;
  #count = 0;
  #k = Number.NaN;
  #d = Number.NaN;

  /**
   * `first` (period, matype) smooths raw %K into the first output, or is skipped when null;
   * `second` averages the first output into the second.
   */
  constructor(
    period: number,
    first: { period: number; matype: number } | null,
    second: { period: number; matype: number },
  ) {
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

  update(high: number, low = Number.NaN, close = Number.NaN): number {
    this.#highs.push(high);
    this.#lows.push(low);
    return this.#finish(this.#count++, close, false);
  }

  replace(high: number, low = Number.NaN, close = Number.NaN): number {
    if (this.#count === 0) return this.update(high, low, close);
    this.#highs.undo();
    this.#lows.undo();
    this.#highs.push(high);
    this.#lows.push(low);
    return this.#finish(this.#count - 1, close, true);
  }

  #finish(i: number, close: number, replacing: boolean): number {
    if (i < this.#kStart) return this.#k;
    let k = rawK(close, this.#highs.extreme, this.#lows.extreme);
    if (this.#first !== null) k = replacing ? this.#first.replace(k) : this.#first.update(k);
    if (i < this.#secondStart) return this.#k;
    const d = replacing ? this.#second.replace(k) : this.#second.update(k);
    if (i >= this.#lookback) {
      this.#k = k;
      this.#d = d;
    }
    return this.#k;
  }

  output(index: number): number {
    return index === 0 ? this.#k : index === 1 ? this.#d : Number.NaN;
  }

  get value(): number {
    return this.#k;
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
    this.#k = Number.NaN;
    this.#d = Number.NaN;
  }
}
