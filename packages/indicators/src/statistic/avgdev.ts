import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with the mean absolute deviation of the `timeperiod` inputs ending at `i`
 * from their mean (NaN before). The window sum slides in O(1) and is recomputed from scratch
 * once every `timeperiod` bars (bounding rounding drift); the deviations themselves need a
 * pass over the window, so each bar costs O(timeperiod), as in TA-Lib. The streaming face
 * performs the very same operations.
 */
export function computeAvgDev(input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  const p = timeperiod;
  out.fill(Number.NaN, 0, Math.min(n, p - 1));
  let sum = 0;
  let untilRefresh = 0;
  for (let today = p - 1; today < n; today++) {
    const oldest = today - p + 1;
    if (untilRefresh === 0) {
      sum = 0;
      for (let j = today; j >= oldest; j--) sum += input[j] as number;
      untilRefresh = p;
    } else {
      sum = sum - (input[oldest - 1] as number) + (input[today] as number);
    }
    untilRefresh--;
    const mean = sum / p;
    let dev = 0;
    for (let j = today; j >= oldest; j--) dev += Math.abs((input[j] as number) - mean);
    out[today] = dev / p;
  }
}

/**
 * Rolling mean absolute deviation, as TA-Lib's AVGDEV.
 *
 * @example
 * const deviation = AVGDEV(series.close, { timeperiod: 14 });
 */
export function AVGDEV(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(AVGDEV_DEFINITION, params);
  const out = nanArray(real.length);
  computeAvgDev(real, p.timeperiod as number, out);
  return out;
}

/**
 * Streaming mean absolute deviation over a ring buffer, with no allocation. Unlike most
 * streams it costs O(timeperiod) per bar: the deviation has no exact running form.
 */
export class AVGDEVStream extends StreamBase {
  readonly #period: number;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #sum = 0;
  #untilRefresh = 0;
  #prevSum = 0;
  #prevUntilRefresh = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#ring = new Float64Array(this.#period);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const p = this.#period;
    const ring = this.#ring;
    this.#prevSum = this.#sum;
    this.#prevUntilRefresh = this.#untilRefresh;
    this.#prevValue = this.outputs[0] as number;
    const newest = this.#head;
    const evicted = ring[newest] as number;
    this.#prevSlot = evicted;
    ring[newest] = x;
    this.#head = newest + 1 === p ? 0 : newest + 1;
    this.#count++;
    if (this.#count < p) return;
    let sum = this.#sum;
    if (this.#untilRefresh === 0) {
      sum = 0;
      for (let k = 0, s = newest; k < p; k++, s = s === 0 ? p - 1 : s - 1) sum += ring[s] as number;
      this.#untilRefresh = p;
    } else {
      sum = sum - evicted + x;
    }
    this.#untilRefresh--;
    this.#sum = sum;
    const mean = sum / p;
    let dev = 0;
    for (let k = 0, s = newest; k < p; k++, s = s === 0 ? p - 1 : s - 1) dev += Math.abs((ring[s] as number) - mean);
    this.outputs[0] = dev / p;
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#head = this.#head === 0 ? this.#period - 1 : this.#head - 1;
    this.#ring[this.#head] = this.#prevSlot;
    this.#count--;
    this.#sum = this.#prevSum;
    this.#untilRefresh = this.#prevUntilRefresh;
    this.outputs[0] = this.#prevValue;
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#sum = 0;
    this.#untilRefresh = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for AVGDEV. */
export const AVGDEV_DEFINITION: IndicatorDefinition = {
  name: 'AVGDEV',
  // TA-Lib files AVGDEV under its price transforms.
  group: 'price',
  description: 'Mean absolute distance of the last timeperiod values from their mean.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 14, 2, 'Number of values in the window.')],
  outputs: [{ name: 'real', type: 'real', description: 'The average deviation.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeAvgDev(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new AVGDEVStream(p),
};
