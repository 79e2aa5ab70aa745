import { commonLength, nanArray } from '../support/arrays.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition } from '../types.js';

/**
 * Returns the true range of a bar: the largest of high − low, |previous close − high| and
 * |previous close − low|, so that a gap from the previous close counts as range.
 */
export function trueRange(high: number, low: number, previousClose: number): number {
  let greatest = high - low;
  const fromHigh = Math.abs(previousClose - high);
  if (fromHigh > greatest) greatest = fromHigh;
  const fromLow = Math.abs(previousClose - low);
  if (fromLow > greatest) greatest = fromLow;
  return greatest;
}

/** Fills `out[i]` with the true range of bar `i` (NaN for the first bar, which has no previous close). */
export function computeTrange(high: Float64Array, low: Float64Array, close: Float64Array, out: Float64Array): void {
  const n = high.length;
  if (n > 0) out[0] = Number.NaN;
  for (let i = 1; i < n; i++) {
    const h = high[i];
    const l = low[i];
    const pc = close[i - 1];
    let greatest = h - l;
    const fromHigh = Math.abs(pc - h);
    if (fromHigh > greatest) greatest = fromHigh;
    const fromLow = Math.abs(pc - l);
    if (fromLow > greatest) greatest = fromLow;
    out[i] = greatest;
  }
}

/**
 * True range of each bar, as TA-Lib's TRANGE.
 *
 * @example
 * const tr = TRANGE(series.high, series.low, series.close);
 */
export function TRANGE(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const out = nanArray(commonLength('TRANGE', [high, low, close]));
  computeTrange(high, low, close, out);
  return out;
}

/** Streaming true range: `push(high, low, close)`, ready from the second bar. */
export class TRANGEStream extends StreamBase {
  #count = 0;
  #previousClose = Number.NaN;
  #savedCount = 0;
  #savedPreviousClose = Number.NaN;
  #savedValue = Number.NaN;

  constructor() {
    super(1, 3);
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    this.#savedCount = this.#count;
    this.#savedPreviousClose = this.#previousClose;
    this.#savedValue = this.outputs[0];
    if (this.#count > 0) this.outputs[0] = trueRange(high, low, this.#previousClose);
    this.#previousClose = close;
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
      this.#count = this.#savedCount;
      this.#previousClose = this.#savedPreviousClose;
      this.outputs[0] = this.#savedValue;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > 1;
  }

  reset(): void {
    this.#count = 0;
    this.#previousClose = Number.NaN;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for TRANGE. */
export const TRANGE_DEFINITION: IndicatorDefinition = {
  name: 'TRANGE',
  group: 'volatility',
  description: 'True range: the bar range extended to the previous close when the bar gaps away from it.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The true range.' }],
  lookback: () => 1,
  compute: (inputs, _p, outputs) =>
    computeTrange(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      outputs[0] as Float64Array,
    ),
  createStream: () => new TRANGEStream(),
};
