import { nanArray } from '../support/arrays.js';
import { period, REAL_LIMIT, real, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

// TA-Lib's threshold below which a variance counts as zero before the square root.
const EPSILON = 1e-14;

/**
 * Fills `out[i]` with the population variance of the `timeperiod` inputs ending at `i`
 * (NaN before), from running sums of values and of squares, E[x²] − E[x]², updated in
 * TA-Lib's add-read-subtract order.
 */
export function computeVariance(input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  const first = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < first; i++) {
    const x = input[i] as number;
    sum += x;
    sumSq += x * x;
  }
  for (let i = first, trailing = 0; i < n; i++, trailing++) {
    const x = input[i] as number;
    sum += x;
    sumSq += x * x;
    const mean = sum / timeperiod;
    out[i] = sumSq / timeperiod - mean * mean;
    const old = input[trailing] as number;
    sum -= old;
    sumSq -= old * old;
  }
}

/**
 * Fills `out[i]` with `nbdev` times the population standard deviation of the `timeperiod`
 * inputs ending at `i`; a variance below TA-Lib's epsilon gives 0.
 */
export function computeStdDev(input: Float64Array, timeperiod: number, nbdev: number, out: Float64Array): void {
  computeVariance(input, timeperiod, out);
  for (let i = timeperiod - 1; i < out.length; i++) out[i] = stdDevOf(out[i] as number, nbdev);
}

function stdDevOf(variance: number, nbdev: number): number {
  return variance < EPSILON ? 0 : Math.sqrt(variance) * nbdev;
}

/**
 * Rolling population variance, as TA-Lib's VAR. TA-Lib accepts `nbdev` but ignores it; so
 * does this function, for agreement.
 *
 * @example
 * const variance = VAR(series.close, { timeperiod: 20 });
 */
export function VAR(real: Float64Array, params: { timeperiod?: number; nbdev?: number } = {}): Float64Array {
  const p = resolveParams(VAR_DEFINITION, params);
  const out = nanArray(real.length);
  computeVariance(real, p.timeperiod as number, out);
  return out;
}

/**
 * Rolling population standard deviation times `nbdev`, as TA-Lib's STDDEV.
 *
 * @example
 * const sd = STDDEV(series.close, { timeperiod: 20, nbdev: 2 });
 */
export function STDDEV(real: Float64Array, params: { timeperiod?: number; nbdev?: number } = {}): Float64Array {
  const p = resolveParams(STDDEV_DEFINITION, params);
  const out = nanArray(real.length);
  computeStdDev(real, p.timeperiod as number, p.nbdev as number, out);
  return out;
}

/** Streaming variance or standard deviation: running sums over a ring, O(1) per bar. */
export class VarianceStream extends StreamBase {
  readonly #period: number;
  readonly #nbdev: number;
  readonly #root: boolean;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #sum = 0;
  #sumSq = 0;
  #prevHead = 0;
  #prevCount = 0;
  #prevSum = 0;
  #prevSumSq = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  /** `root` selects the standard deviation (times `nbdev`) instead of the variance. */
  constructor(params: IndicatorParams, root: boolean) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#nbdev = params.nbdev as number;
    this.#root = root;
    this.#ring = new Float64Array(this.#period);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    this.#prevHead = this.#head;
    this.#prevCount = this.#count;
    this.#prevSum = this.#sum;
    this.#prevSumSq = this.#sumSq;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlot = this.#ring[this.#head] as number;
    const p = this.#period;
    this.#ring[this.#head] = x;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    this.#sum += x;
    this.#sumSq += x * x;
    if (this.#count >= p) {
      const mean = this.#sum / p;
      const variance = this.#sumSq / p - mean * mean;
      this.outputs[0] = this.#root ? stdDevOf(variance, this.#nbdev) : variance;
      const old = this.#ring[this.#head] as number;
      this.#sum -= old;
      this.#sumSq -= old * old;
    }
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
    this.#head = this.#prevHead;
    this.#count = this.#prevCount;
    this.#sum = this.#prevSum;
    this.#sumSq = this.#prevSumSq;
    this.outputs[0] = this.#prevValue;
    this.#ring[this.#head] = this.#prevSlot;
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
    this.#sumSq = 0;
    this.outputs[0] = Number.NaN;
  }
}

const NBDEV = real('nbdev', 1, -REAL_LIMIT, REAL_LIMIT, 'Multiplier applied to the deviation.');

/** Registry entry for VAR. */
export const VAR_DEFINITION: IndicatorDefinition = {
  name: 'VAR',
  group: 'statistic',
  description: 'Population variance of the last timeperiod values.',
  talib: true,
  inputs: ['real'],
  parameters: [
    period('timeperiod', 5, 1, 'Number of values in the window.'),
    real('nbdev', 1, -REAL_LIMIT, REAL_LIMIT, 'Accepted for TA-Lib compatibility; has no effect.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The variance.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeVariance(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new VarianceStream(p, false),
};

/** Registry entry for STDDEV. */
export const STDDEV_DEFINITION: IndicatorDefinition = {
  name: 'STDDEV',
  group: 'statistic',
  description: 'Population standard deviation of the last timeperiod values, scaled by nbdev.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 5, 2, 'Number of values in the window.'), NBDEV],
  outputs: [{ name: 'real', type: 'real', description: 'The scaled standard deviation.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeStdDev(inputs[0] as Float64Array, p.timeperiod as number, p.nbdev as number, outputs[0] as Float64Array),
  createStream: (p) => new VarianceStream(p, true),
};
