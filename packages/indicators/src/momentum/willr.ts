import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { WindowExtreme } from './window-extreme.js';

function williams(highest: number, lowest: number, close: number): number {
  const range = (highest - lowest) / -100;
  return range !== 0 ? (highest - close) / range : 0;
}

/**
 * Fills `out` with Williams' %R over windows of `timeperiod` bars. The window's extremes are
 * tracked and only rescanned when the extreme leaves the window, as TA-Lib does; a window
 * with no range gives 0.
 */
export function computeWillr(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  out: Float64Array,
): void {
  const n = high.length;
  const lookback = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  let highest = 0;
  let lowest = 0;
  let highestAt = -1;
  let lowestAt = -1;
  // The divisor changes only with an extreme, so it is recomputed only then.
  let scale = 0;
  for (let i = lookback; i < n; i++) {
    const oldest = i - lookback;
    let moved = false;
    if (lowestAt < oldest) {
      lowestAt = oldest;
      lowest = low[oldest];
      for (let j = oldest + 1; j <= i; j++) {
        if (low[j] <= lowest) {
          lowest = low[j];
          lowestAt = j;
        }
      }
      moved = true;
    } else if (low[i] <= lowest) {
      lowest = low[i];
      lowestAt = i;
      moved = true;
    }
    if (highestAt < oldest) {
      highestAt = oldest;
      highest = high[oldest];
      for (let j = oldest + 1; j <= i; j++) {
        if (high[j] >= highest) {
          highest = high[j];
          highestAt = j;
        }
      }
      moved = true;
    } else if (high[i] >= highest) {
      highest = high[i];
      highestAt = i;
      moved = true;
    }
    if (moved) scale = (highest - lowest) / -100;
    out[i] = scale !== 0 ? (highest - close[i]) / scale : 0;
  }
}

/**
 * Williams' %R: where the close sits in the range of the last `timeperiod` bars, from −100
 * (at the low) to 0 (at the high), as TA-Lib's WILLR.
 *
 * @example
 * const willr = WILLR(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function WILLR(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(WILLR_DEFINITION, params);
  const out = nanArray(commonLength('WILLR', [high, low, close]));
  computeWillr(high, low, close, p.timeperiod as number, out);
  return out;
}

/** Streaming Williams' %R: `push(high, low, close)`, O(1) amortised with monotonic deques. */
export class WILLRStream extends StreamBase {
  readonly #lookback: number;
  readonly #highs: WindowExtreme;
  readonly #lows: WindowExtreme;
  #count = 0;
  #savedValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 3);
    const p = params.timeperiod as number;
    this.#lookback = p - 1;
    this.#highs = new WindowExtreme(p, true);
    this.#lows = new WindowExtreme(p, false);
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const close = columns[2]![index]!;
    this.#savedValue = this.outputs[0];
    this.#highs.push(this.#count, columns[0]!, index);
    this.#lows.push(this.#count, columns[1]!, index);
    if (this.#count >= this.#lookback) this.outputs[0] = williams(this.#highs.value, this.#lows.value, close);
    this.#count++;
  }

  revise(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#highs.undo();
      this.#lows.undo();
      this.#count--;
      this.outputs[0] = this.#savedValue;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#highs.clear();
    this.#lows.clear();
    this.#count = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for WILLR. */
export const WILLR_DEFINITION: IndicatorDefinition = {
  name: 'WILLR',
  group: 'momentum',
  description: "Williams' %R: the close's place in the recent high-low range, from -100 at the low to 0 at the high.",
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [period('timeperiod', 14, 2, 'Number of bars in the range.')],
  outputs: [{ name: 'real', type: 'real', description: 'The %R, from -100 to 0.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeWillr(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new WILLRStream(p),
};
