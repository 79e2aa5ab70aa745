import { commonLength, nanArray } from '../support/arrays.js';
import type { IndicatorDefinition, StreamingIndicator } from '../types.js';

/**
 * Fills `out[i]` with on-balance volume: starting from the first bar's volume, each bar adds
 * its volume when the price rose, subtracts it when the price fell.
 */
export function computeObv(real: Float64Array, volume: Float64Array, out: Float64Array): void {
  const n = real.length;
  if (n === 0) return;
  let obv = volume[0];
  let previous = real[0];
  for (let i = 0; i < n; i++) {
    const x = real[i];
    if (x > previous) obv += volume[i];
    else if (x < previous) obv -= volume[i];
    out[i] = obv;
    previous = x;
  }
}

/**
 * On-balance volume, as TA-Lib's OBV.
 *
 * @example
 * const obv = OBV(series.close, series.volume);
 */
export function OBV(real: Float64Array, volume: Float64Array): Float64Array {
  const out = nanArray(commonLength('OBV', [real, volume]));
  computeObv(real, volume, out);
  return out;
}

/** Streaming on-balance volume: `update(close, volume)`. */
export class OBVStream implements StreamingIndicator {
  #count = 0;
  #previous = Number.NaN;
  #obv = Number.NaN;
  #savedCount = 0;
  #savedPrevious = Number.NaN;
  #savedObv = Number.NaN;

  update(x: number, volume = Number.NaN): number {
    this.#savedCount = this.#count;
    this.#savedPrevious = this.#previous;
    this.#savedObv = this.#obv;
    if (this.#count === 0) this.#obv = volume;
    else if (x > this.#previous) this.#obv += volume;
    else if (x < this.#previous) this.#obv -= volume;
    this.#previous = x;
    this.#count++;
    return this.#obv;
  }

  replace(x: number, volume = Number.NaN): number {
    if (this.#count === 0) return this.update(x, volume);
    this.#count = this.#savedCount;
    this.#previous = this.#savedPrevious;
    this.#obv = this.#savedObv;
    return this.update(x, volume);
  }

  output(index: number): number {
    return index === 0 ? this.#obv : Number.NaN;
  }

  get value(): number {
    return this.#obv;
  }

  get isReady(): boolean {
    return this.#count > 0;
  }

  reset(): void {
    this.#count = 0;
    this.#previous = Number.NaN;
    this.#obv = Number.NaN;
  }
}

/** Registry entry for OBV. */
export const OBV_DEFINITION: IndicatorDefinition = {
  name: 'OBV',
  group: 'volume',
  description: 'On-balance volume: a running total that adds volume on up bars and subtracts it on down bars.',
  talib: true,
  inputs: ['real', 'volume'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The running total.' }],
  lookback: () => 0,
  compute: (inputs, _p, outputs) =>
    computeObv(inputs[0] as Float64Array, inputs[1] as Float64Array, outputs[0] as Float64Array),
  createStream: () => new OBVStream(),
};
