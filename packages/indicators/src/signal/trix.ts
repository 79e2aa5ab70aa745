import { computeEma, EMAStream } from '../overlap/index.js';
import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** Returns TA-Lib's one-bar rate of change in percent: 0 when the previous value is 0. */
function percentChange(value: number, previous: number): number {
  return previous !== 0 ? (value / previous - 1) * 100 : 0;
}

/** Returns the lookback of TRIX: three EMAs and a one-bar change. */
export function trixLookback(timeperiod: number): number {
  return 3 * (timeperiod - 1) + 1;
}

/**
 * Fills `out[i]` with the one-bar percentage change of the triple-smoothed EMA (each EMA
 * seeded on the previous one's first values, as in TA-Lib), NaN during the warm-up.
 * Allocates one scratch array.
 */
export function computeTrix(input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  const lb = timeperiod - 1;
  const scratch = new Float64Array(n);
  computeEma(input, timeperiod, out, 0);
  computeEma(out, timeperiod, scratch, lb);
  computeEma(scratch, timeperiod, out, 2 * lb);
  const start = trixLookback(timeperiod);
  // Backwards, so that each change still reads the unchanged previous value.
  for (let i = n - 1; i >= start; i--) out[i] = percentChange(out[i] as number, out[i - 1] as number);
  out.fill(Number.NaN, 0, Math.min(n, start));
}

/**
 * TRIX, as TA-Lib's: rate of change (in percent) of a triple exponential moving average.
 *
 * @example
 * const trix = TRIX(series.close, { timeperiod: 30 });
 */
export function TRIX(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(TRIX_DEFINITION, params);
  const out = nanArray(real.length);
  computeTrix(real, p.timeperiod as number, out);
  return out;
}

/** Streaming TRIX: three chained EMA streams and the previous triple average. */
export class TRIXStream extends StreamBase {
  readonly #ema1: EMAStream;
  readonly #ema2: EMAStream;
  readonly #ema3: EMAStream;
  readonly #ema1Output: readonly Float64Array[];
  readonly #ema2Output: readonly Float64Array[];
  readonly #lb: number;
  #count = 0;
  #last = Number.NaN;
  #savedLast = Number.NaN;
  #savedValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 1);
    const p = { timeperiod: params.timeperiod as number };
    this.#ema1 = new EMAStream(p);
    this.#ema2 = new EMAStream(p);
    this.#ema3 = new EMAStream(p);
    // Each average's output array is the one-value input column of the next.
    this.#ema1Output = [this.#ema1.outputs];
    this.#ema2Output = [this.#ema2.outputs];
    this.#lb = (params.timeperiod as number) - 1;
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#savedLast = this.#last;
    this.#savedValue = this.outputs[0] as number;
    const i = this.#count++;
    const lb = this.#lb;
    this.#ema1.pushAt(columns, index);
    if (i < lb) return;
    this.#ema2.pushAt(this.#ema1Output, 0);
    if (i < 2 * lb) return;
    this.#ema3.pushAt(this.#ema2Output, 0);
    this.#finish(i);
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
    this.#last = this.#savedLast;
    this.outputs[0] = this.#savedValue;
    const i = this.#count - 1;
    const lb = this.#lb;
    this.#ema1.reviseAt(columns, index);
    if (i < lb) return;
    this.#ema2.reviseAt(this.#ema1Output, 0);
    if (i < 2 * lb) return;
    this.#ema3.reviseAt(this.#ema2Output, 0);
    this.#finish(i);
  }

  // The one-bar change, as `percentChange` computes it, written out so that no double is returned.
  #finish(i: number): void {
    const e3 = this.#ema3.outputs[0] as number;
    if (i > 3 * this.#lb) {
      const previous = this.#last;
      this.outputs[0] = previous !== 0 ? (e3 / previous - 1) * 100 : 0;
    }
    this.#last = e3;
  }

  get isReady(): boolean {
    return this.#count > 3 * this.#lb + 1;
  }

  reset(): void {
    this.#ema1.reset();
    this.#ema2.reset();
    this.#ema3.reset();
    this.#count = 0;
    this.#last = Number.NaN;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for TRIX. */
export const TRIX_DEFINITION: IndicatorDefinition = {
  name: 'TRIX',
  group: 'momentum',
  description: 'One-bar percentage change of a triple exponential moving average.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 1, 'Bars of each of the three averages.')],
  outputs: [{ name: 'real', type: 'real', description: 'The percentage change.' }],
  lookback: (p) => trixLookback(p.timeperiod as number),
  compute: (inputs, p, outputs) =>
    computeTrix(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new TRIXStream(p),
};
