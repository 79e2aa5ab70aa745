import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** Returns TA-Lib's smoothing factor for an EMA of `timeperiod` bars: 2 / (timeperiod + 1). */
export function emaFactor(timeperiod: number): number {
  return 2 / (timeperiod + 1);
}

/**
 * Fills `out[i]` with the exponential moving average of `input[from..i]`, NaN before
 * `from + timeperiod − 1`. As in TA-Lib, the average is seeded with the simple mean of the
 * first `timeperiod` values and then follows `ema += (x − ema) · k`.
 */
export function computeEma(input: Float64Array, timeperiod: number, out: Float64Array, from = 0): void {
  const n = input.length;
  const first = from + timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  const k = emaFactor(timeperiod);
  let sum = 0;
  for (let i = from; i <= first; i++) sum += input[i] as number;
  let ema = sum / timeperiod;
  out[first] = ema;
  for (let i = first + 1; i < n; i++) {
    ema = ((input[i] as number) - ema) * k + ema;
    out[i] = ema;
  }
}

/**
 * Exponential moving average, as TA-Lib's EMA (seeded with the SMA of the first values).
 *
 * @example
 * const ema = EMA(series.close, { timeperiod: 20 });
 */
export function EMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(EMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeEma(real, p.timeperiod as number, out);
  return out;
}

/** Streaming exponential moving average: O(1) per bar, no allocation. */
export class EMAStream extends StreamBase {
  readonly #period: number;
  readonly #k: number;
  #count = 0;
  #sum = 0;
  #prevCount = 0;
  #prevSum = 0;
  #prevValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#k = emaFactor(this.#period);
  }

  // The update is small enough that V8 always inlines #step, so push hands it the number
  // directly (rather than through one-bar columns): the cheapest path for a strategy's own
  // EMA, and still no boxing through pushAt.
  push(x: number): void {
    this.#save();
    this.#step(x);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#save();
    this.#step(columns[0]![index]!);
  }

  revise(x: number): void {
    this.#restore();
    this.push(x);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    this.#restore();
    this.pushAt(columns, index);
  }

  #save(): void {
    this.#prevCount = this.#count;
    this.#prevSum = this.#sum;
    this.#prevValue = this.outputs[0] as number;
  }

  #restore(): void {
    if (this.#count > 0) {
      this.#count = this.#prevCount;
      this.#sum = this.#prevSum;
      this.outputs[0] = this.#prevValue;
    }
  }

  #step(x: number): void {
    const p = this.#period;
    const out = this.outputs;
    if (this.#count >= p) {
      const ema = out[0] as number;
      out[0] = (x - ema) * this.#k + ema;
    } else {
      this.#sum += x;
      if (this.#count + 1 === p) out[0] = this.#sum / p;
    }
    this.#count++;
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#count = 0;
    this.#sum = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for EMA. */
export const EMA_DEFINITION: IndicatorDefinition = {
  name: 'EMA',
  group: 'overlap',
  description: 'Exponential moving average, seeded with the simple average of the first timeperiod values.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of bars that sets the smoothing factor 2 / (timeperiod + 1).')],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeEma(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new EMAStream(p),
};
