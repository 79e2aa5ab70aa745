import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { ADX_KIND, computeDirectional, directionalLookback } from './directional.js';
import { DirectionalStream } from './directional-stream.js';

/** Returns TA-Lib's lookback of ADXR: the ADX's plus timeperiod − 1 bars. */
export function adxrLookback(timeperiod: number): number {
  return directionalLookback(ADX_KIND, timeperiod) + timeperiod - 1;
}

/**
 * Fills `out` with the ADX rating: the mean of today's ADX and the ADX timeperiod − 1 bars
 * ago. The ADX is computed into `out` first and then averaged in place, newest first, so the
 * older value each step reads is still the ADX.
 */
export function computeAdxr(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  out: Float64Array,
): void {
  const n = high.length;
  const lookback = adxrLookback(timeperiod);
  computeDirectional(ADX_KIND, high, low, close, timeperiod, out);
  const back = timeperiod - 1;
  for (let i = n - 1; i >= lookback; i--) out[i] = (out[i] + out[i - back]) / 2;
  out.fill(Number.NaN, 0, Math.min(n, lookback));
}

/**
 * Average directional movement index rating, as TA-Lib's ADXR.
 *
 * @example
 * const adxr = ADXR(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function ADXR(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(ADXR_DEFINITION, params);
  const out = nanArray(commonLength('ADXR', [high, low, close]));
  computeAdxr(high, low, close, p.timeperiod as number, out);
  return out;
}

/** Streaming ADX rating: `push(high, low, close)`; an ADX stream plus a ring of its last values. */
export class ADXRStream extends StreamBase {
  readonly #period: number;
  readonly #lookback: number;
  readonly #adx: DirectionalStream;
  readonly #ring: Float64Array;
  #count = 0;
  #savedSlot = 0;
  #savedValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 3);
    this.#period = params.timeperiod as number;
    this.#lookback = adxrLookback(this.#period);
    this.#adx = new DirectionalStream(ADX_KIND, params);
    this.#ring = new Float64Array(this.#period);
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#adx.pushAt(columns, index);
    this.#step();
  }

  revise(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#count--;
    this.#ring[this.#count % this.#period] = this.#savedSlot;
    this.outputs[0] = this.#savedValue;
    this.#adx.reviseAt(columns, index);
    this.#step();
  }

  // Records the ADX stream's newest value and derives the rating from it.
  #step(): void {
    const adx = this.#adx.outputs[0];
    const p = this.#period;
    const t = this.#count;
    const slot = t % p;
    this.#savedSlot = this.#ring[slot];
    this.#savedValue = this.outputs[0];
    this.#ring[slot] = adx;
    // With the newest ADX written, the one timeperiod − 1 bars back sits in the next slot.
    if (t >= this.#lookback) this.outputs[0] = (adx + this.#ring[(t + 1) % p]) / 2;
    this.#count = t + 1;
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#adx.reset();
    this.#ring.fill(0);
    this.#count = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for ADXR. */
export const ADXR_DEFINITION: IndicatorDefinition = {
  name: 'ADXR',
  group: 'momentum',
  description:
    'Average directional movement index rating: the mean of the ADX and the ADX timeperiod - 1 bars earlier.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [
    period('timeperiod', 14, 2, 'Number of bars smoothed, and the distance between the averaged ADX values.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The rating, from 0 to 100.' }],
  lookback: (p) => adxrLookback(p.timeperiod as number),
  compute: (inputs, p, outputs) =>
    computeAdxr(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new ADXRStream(p),
};
