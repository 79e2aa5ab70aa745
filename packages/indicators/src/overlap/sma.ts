import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with the simple moving average of the `timeperiod` inputs ending at `i`
 * (NaN for the first `timeperiod − 1` bars). A running sum, added to and subtracted from in
 * TA-Lib's order, so results agree with it to the last bit.
 */
export function computeSma(input: Float64Array, timeperiod: number, out: Float64Array, from = 0): void {
  const n = input.length;
  const first = from + timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let sum = 0;
  for (let i = from; i < first; i++) sum += input[i] as number;
  for (let i = first, trailing = from; i < n; i++, trailing++) {
    sum += input[i] as number;
    out[i] = sum / timeperiod;
    sum -= input[trailing] as number;
  }
}

/**
 * Simple moving average, as TA-Lib's SMA.
 *
 * @example
 * const sma = SMA(series.close, { timeperiod: 20 });
 */
export function SMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(SMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeSma(real, p.timeperiod as number, out);
  return out;
}

/** Streaming simple moving average: O(1) per bar over a ring buffer, no allocation. */
export class SMAStream extends StreamBase {
  readonly #period: number;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #sum = 0;
  // State before the last update, so that `replace` can undo it.
  #prevHead = 0;
  #prevCount = 0;
  #prevSum = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  constructor(params: IndicatorParams) {
    super(1);
    this.#period = params.timeperiod as number;
    this.#ring = new Float64Array(this.#period);
  }

  push(x: number): void {
    this.#prevHead = this.#head;
    this.#prevCount = this.#count;
    this.#prevSum = this.#sum;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlot = this.#ring[this.#head] as number;
    const p = this.#period;
    this.#ring[this.#head] = x;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    this.#sum += x;
    if (this.#count >= p) {
      this.outputs[0] = this.#sum / p;
      // After the write, the oldest value of the window sits at the new head.
      this.#sum -= this.#ring[this.#head] as number;
    }
  }

  revise(x: number): void {
    if (this.#count > 0) {
      this.#head = this.#prevHead;
      this.#count = this.#prevCount;
      this.#sum = this.#prevSum;
      this.outputs[0] = this.#prevValue;
      this.#ring[this.#head] = this.#prevSlot;
    }
    this.push(x);
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#sum = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for SMA. */
export const SMA_DEFINITION: IndicatorDefinition = {
  name: 'SMA',
  group: 'overlap',
  description: 'Simple moving average: the mean of the last timeperiod values.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of values averaged.')],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeSma(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new SMAStream(p),
};
