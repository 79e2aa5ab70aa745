import { commonLength, nanArray } from '../support/arrays.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition } from '../types.js';

/**
 * Returns the money flow of one bar: the close location value ((close − low) − (high − close))
 * / (high − low) times the volume, or 0 for a bar without range.
 */
export function moneyFlow(high: number, low: number, close: number, volume: number): number {
  const range = high - low;
  return range > 0 ? ((close - low - (high - close)) / range) * volume : 0;
}

/** Fills `out[i]` with the accumulation/distribution line: the running sum of money flow. */
export function computeAd(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  out: Float64Array,
): void {
  const n = high.length;
  let ad = 0;
  for (let i = 0; i < n; i++) {
    const h = high[i];
    const l = low[i];
    const range = h - l;
    if (range > 0) {
      const c = close[i];
      ad += ((c - l - (h - c)) / range) * volume[i];
    }
    out[i] = ad;
  }
}

/**
 * Chaikin accumulation/distribution line, as TA-Lib's AD.
 *
 * @example
 * const ad = AD(series.high, series.low, series.close, series.volume);
 */
export function AD(high: Float64Array, low: Float64Array, close: Float64Array, volume: Float64Array): Float64Array {
  const out = nanArray(commonLength('AD', [high, low, close, volume]));
  computeAd(high, low, close, volume, out);
  return out;
}

/** Streaming accumulation/distribution line: `push(high, low, close, volume)`. */
export class ADStream extends StreamBase {
  #ad = 0;
  #savedAd = 0;
  #savedValue = Number.NaN;
  #seen = false;

  constructor() {
    super(1, 4);
  }

  push(high: number, low = Number.NaN, close = Number.NaN, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    bar[3]![0] = volume;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    const volume = columns[3]![index]!;
    this.#savedAd = this.#ad;
    this.#savedValue = this.outputs[0];
    // Added only when there is range, as in the batch, so that a zero flow leaves -0 alone.
    if (high - low > 0) this.#ad += moneyFlow(high, low, close, volume);
    this.outputs[0] = this.#ad;
    this.#seen = true;
  }

  revise(high: number, low = Number.NaN, close = Number.NaN, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    bar[3]![0] = volume;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#seen) {
      this.#ad = this.#savedAd;
      this.outputs[0] = this.#savedValue;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#seen;
  }

  reset(): void {
    this.#ad = 0;
    this.outputs[0] = Number.NaN;
    this.#seen = false;
  }
}

/** Registry entry for AD. */
export const AD_DEFINITION: IndicatorDefinition = {
  name: 'AD',
  group: 'volume',
  description:
    'Chaikin accumulation/distribution line: the running sum of volume weighted by where each close sits in its bar.',
  talib: true,
  inputs: ['high', 'low', 'close', 'volume'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The cumulative line.' }],
  lookback: () => 0,
  compute: (inputs, _p, outputs) =>
    computeAd(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      inputs[3] as Float64Array,
      outputs[0] as Float64Array,
    ),
  createStream: () => new ADStream(),
};
