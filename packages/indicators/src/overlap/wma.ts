import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with the linearly weighted moving average of the `timeperiod` inputs
 * ending at `i` (weights 1 … timeperiod, newest heaviest), NaN before `from + timeperiod − 1`.
 * Keeps a weighted sum and a plain sum and updates both in TA-Lib's order.
 */
export function computeWma(input: Float64Array, timeperiod: number, out: Float64Array, from = 0): void {
  const n = input.length;
  const first = from + timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  const divider = (timeperiod * (timeperiod + 1)) / 2;
  let plain = 0;
  let weighted = 0;
  for (let i = from, w = 1; i < first; i++, w++) {
    const x = input[i] as number;
    plain += x;
    weighted += x * w;
  }
  let leaving = 0;
  for (let i = first, trailing = from; i < n; i++, trailing++) {
    const x = input[i] as number;
    plain += x;
    plain -= leaving;
    weighted += x * timeperiod;
    leaving = input[trailing] as number;
    out[i] = weighted / divider;
    weighted -= plain;
  }
}

/**
 * Weighted moving average, as TA-Lib's WMA.
 *
 * @example
 * const wma = WMA(series.close, { timeperiod: 20 });
 */
export function WMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(WMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeWma(real, p.timeperiod as number, out);
  return out;
}

/** Streaming weighted moving average: O(1) per bar over a ring buffer, no allocation. */
export class WMAStream extends StreamBase {
  readonly #period: number;
  readonly #divider: number;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #plain = 0;
  #weighted = 0;
  #prevHead = 0;
  #prevCount = 0;
  #prevPlain = 0;
  #prevWeighted = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#divider = (this.#period * (this.#period + 1)) / 2;
    this.#ring = new Float64Array(this.#period);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#prevHead = this.#head;
    this.#prevCount = this.#count;
    this.#prevPlain = this.#plain;
    this.#prevWeighted = this.#weighted;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlot = this.#ring[this.#head] as number;
    this.#step(columns, index);
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#head = this.#prevHead;
      this.#count = this.#prevCount;
      this.#plain = this.#prevPlain;
      this.#weighted = this.#prevWeighted;
      this.outputs[0] = this.#prevValue;
      this.#ring[this.#head] = this.#prevSlot;
    }
    this.pushAt(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const p = this.#period;
    // The slot about to be overwritten holds the value leaving the window (0 before the first).
    const leaving = this.#ring[this.#head] as number;
    this.#ring[this.#head] = x;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    if (this.#count < p) {
      this.#plain += x;
      this.#weighted += x * this.#count;
      return;
    }
    this.#plain += x;
    this.#plain -= leaving;
    this.#weighted += x * p;
    this.outputs[0] = this.#weighted / this.#divider;
    this.#weighted -= this.#plain;
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#plain = 0;
    this.#weighted = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for WMA. */
export const WMA_DEFINITION: IndicatorDefinition = {
  name: 'WMA',
  group: 'overlap',
  description: 'Weighted moving average with linearly rising weights, the newest value weighing most.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of values averaged.')],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeWma(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new WMAStream(p),
};
