import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with the sum of the `timeperiod` inputs ending at `i` (NaN before). The
 * running total is added to, read, then subtracted from, in TA-Lib's order.
 */
export function computeSum(input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  const first = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let total = 0;
  for (let i = 0; i < first; i++) total += input[i] as number;
  for (let i = first, trailing = 0; i < n; i++, trailing++) {
    total += input[i] as number;
    out[i] = total;
    total -= input[trailing] as number;
  }
}

/**
 * Rolling sum over `timeperiod` values, as TA-Lib's SUM.
 *
 * @example
 * const volume20 = SUM(series.volume, { timeperiod: 20 });
 */
export function SUM(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(SUM_DEFINITION, params);
  const out = nanArray(real.length);
  computeSum(real, p.timeperiod as number, out);
  return out;
}

/** Streaming rolling sum: O(1) per bar over a ring buffer. */
export class SUMStream extends StreamBase {
  readonly #period: number;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #total = 0;
  #prevHead = 0;
  #prevCount = 0;
  #prevTotal = 0;
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
    this.#prevTotal = this.#total;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlot = this.#ring[this.#head] as number;
    const p = this.#period;
    this.#ring[this.#head] = x;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    this.#total += x;
    if (this.#count >= p) {
      this.outputs[0] = this.#total;
      this.#total -= this.#ring[this.#head] as number;
    }
  }

  revise(x: number): void {
    if (this.#count > 0) {
      this.#head = this.#prevHead;
      this.#count = this.#prevCount;
      this.#total = this.#prevTotal;
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
    this.#total = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for SUM. */
export const SUM_DEFINITION: IndicatorDefinition = {
  name: 'SUM',
  group: 'math-operator',
  description: 'Rolling sum of the last timeperiod values.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of values summed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The rolling sum.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeSum(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new SUMStream(p),
};
