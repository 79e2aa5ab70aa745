import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { emaFactor } from './ema.js';

/**
 * Fills `out[i]` with the double exponential moving average 2·EMA − EMA(EMA) of
 * `input[from..i]`, NaN before `from + 2·(timeperiod − 1)`. Both EMAs are seeded with a simple
 * mean, the inner one of its own first `timeperiod` values, as in TA-Lib.
 */
export function computeDema(input: Float64Array, timeperiod: number, out: Float64Array, from = 0): void {
  const n = input.length;
  const p = timeperiod;
  const k = emaFactor(p);
  const start = from + 2 * (p - 1);
  out.fill(Number.NaN, 0, Math.min(n, start));
  if (start >= n) return;
  let sum = 0;
  let i = from;
  for (; i < from + p; i++) sum += input[i] as number;
  let e1 = sum / p;
  sum = e1;
  for (; i <= start; i++) {
    e1 = ((input[i] as number) - e1) * k + e1;
    sum += e1;
  }
  let e2 = sum / p;
  out[start] = 2 * e1 - e2;
  for (; i < n; i++) {
    e1 = ((input[i] as number) - e1) * k + e1;
    e2 = (e1 - e2) * k + e2;
    out[i] = 2 * e1 - e2;
  }
}

/**
 * Double exponential moving average, as TA-Lib's DEMA.
 *
 * @example
 * const dema = DEMA(series.close, { timeperiod: 20 });
 */
export function DEMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(DEMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeDema(real, p.timeperiod as number, out);
  return out;
}

/** Streaming double exponential moving average: O(1) per bar, no allocation. */
export class DEMAStream extends StreamBase {
  readonly #period: number;
  readonly #k: number;
  #count = 0;
  #sum1 = 0;
  #sum2 = 0;
  #e1 = 0;
  #e2 = 0;
  #prevCount = 0;
  #prevSum1 = 0;
  #prevSum2 = 0;
  #prevE1 = 0;
  #prevE2 = 0;
  #prevValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#k = emaFactor(this.#period);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#prevCount = this.#count;
    this.#prevSum1 = this.#sum1;
    this.#prevSum2 = this.#sum2;
    this.#prevE1 = this.#e1;
    this.#prevE2 = this.#e2;
    this.#prevValue = this.outputs[0] as number;
    this.#step(columns, index);
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#count = this.#prevCount;
      this.#sum1 = this.#prevSum1;
      this.#sum2 = this.#prevSum2;
      this.#e1 = this.#prevE1;
      this.#e2 = this.#prevE2;
      this.outputs[0] = this.#prevValue;
    }
    this.pushAt(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const p = this.#period;
    const k = this.#k;
    const c = ++this.#count;
    if (c <= p) {
      this.#sum1 += x;
      if (c < p) return;
      this.#e1 = this.#sum1 / p;
    } else {
      this.#e1 = (x - this.#e1) * k + this.#e1;
    }
    const e1 = this.#e1;
    if (c < 2 * p - 1) {
      this.#sum2 += e1;
      return;
    }
    if (c === 2 * p - 1) this.#e2 = (this.#sum2 + e1) / p;
    else this.#e2 = (e1 - this.#e2) * k + this.#e2;
    this.outputs[0] = 2 * e1 - this.#e2;
  }

  get isReady(): boolean {
    return this.#count > 2 * (this.#period - 1);
  }

  reset(): void {
    this.#count = 0;
    this.#sum1 = 0;
    this.#sum2 = 0;
    this.#e1 = 0;
    this.#e2 = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for DEMA. */
export const DEMA_DEFINITION: IndicatorDefinition = {
  name: 'DEMA',
  group: 'overlap',
  description: 'Double exponential moving average, twice an EMA minus the EMA of that EMA, to cut lag.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of bars that sets the smoothing factor of both EMAs.')],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => 2 * ((p.timeperiod as number) - 1),
  compute: (inputs, p, outputs) =>
    computeDema(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new DEMAStream(p),
};
