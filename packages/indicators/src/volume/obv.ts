import { commonLength, nanArray } from '../support/arrays.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition } from '../types.js';

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

/** Streaming on-balance volume: `push(close, volume)`. */
export class OBVStream extends StreamBase {
  #count = 0;
  #previous = Number.NaN;
  #savedCount = 0;
  #savedPrevious = Number.NaN;
  #savedObv = Number.NaN;

  constructor() {
    super(1, 2);
  }

  push(x: number, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = x;
    bar[1]![0] = volume;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const volume = columns[1]![index]!;
    const out = this.outputs;
    this.#savedCount = this.#count;
    this.#savedPrevious = this.#previous;
    this.#savedObv = out[0];
    if (this.#count === 0) out[0] = volume;
    else if (x > this.#previous) out[0] += volume;
    else if (x < this.#previous) out[0] -= volume;
    this.#previous = x;
    this.#count++;
  }

  revise(x: number, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = x;
    bar[1]![0] = volume;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#count = this.#savedCount;
      this.#previous = this.#savedPrevious;
      this.outputs[0] = this.#savedObv;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > 0;
  }

  reset(): void {
    this.#count = 0;
    this.#previous = Number.NaN;
    this.outputs[0] = Number.NaN;
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
