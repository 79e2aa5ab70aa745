import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { emaFactor } from './ema.js';

/**
 * Fills `out[i]` with the triple exponential moving average 3·EMA − 3·EMA² + EMA³ of
 * `input[from..i]`, NaN before `from + 3·(timeperiod − 1)`. Each EMA stage is seeded with
 * the simple mean of its own first `timeperiod` values, as in TA-Lib.
 */
export function computeTema(input: Float64Array, timeperiod: number, out: Float64Array, from = 0): void {
  const n = input.length;
  const p = timeperiod;
  const k = emaFactor(p);
  const start = from + 3 * (p - 1);
  out.fill(Number.NaN, 0, Math.min(n, start));
  if (start >= n) return;
  let sum = 0;
  let i = from;
  for (; i < from + p; i++) sum += input[i] as number;
  let e1 = sum / p;
  sum = e1;
  for (; i < from + 2 * p - 1; i++) {
    e1 = ((input[i] as number) - e1) * k + e1;
    sum += e1;
  }
  let e2 = sum / p;
  sum = e2;
  for (; i <= start; i++) {
    e1 = ((input[i] as number) - e1) * k + e1;
    e2 = (e1 - e2) * k + e2;
    sum += e2;
  }
  let e3 = sum / p;
  out[start] = e3 + (3 * e1 - 3 * e2);
  for (; i < n; i++) {
    e1 = ((input[i] as number) - e1) * k + e1;
    e2 = (e1 - e2) * k + e2;
    e3 = (e2 - e3) * k + e3;
    out[i] = e3 + (3 * e1 - 3 * e2);
  }
}

/**
 * Triple exponential moving average, as TA-Lib's TEMA.
 *
 * @example
 * const tema = TEMA(series.close, { timeperiod: 20 });
 */
export function TEMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(TEMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeTema(real, p.timeperiod as number, out);
  return out;
}

/** Streaming triple exponential moving average: O(1) per bar, no allocation. */
export class TEMAStream extends StreamBase {
  readonly #period: number;
  readonly #k: number;
  // state: count, sum1, sum2, sum3, e1, e2, e3, value — saved as a block for `revise`.
  readonly #state = new Float64Array(8);
  readonly #saved = new Float64Array(8);

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#k = emaFactor(this.#period);
    this.reset();
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#saved.set(this.#state);
    this.#step(columns, index);
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#state[0] === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#state.set(this.#saved);
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const s = this.#state;
    this.#advance(s, x);
    this.outputs[0] = s[7] as number;
  }

  #advance(s: Float64Array, x: number): void {
    const p = this.#period;
    const k = this.#k;
    const c = (s[0] as number) + 1;
    s[0] = c;
    let e1: number;
    if (c <= p) {
      s[1] = (s[1] as number) + x;
      if (c < p) return;
      e1 = (s[1] as number) / p;
    } else {
      e1 = (x - (s[4] as number)) * k + (s[4] as number);
    }
    s[4] = e1;
    let e2: number;
    if (c <= 2 * p - 1) {
      s[2] = (s[2] as number) + e1;
      if (c < 2 * p - 1) return;
      e2 = (s[2] as number) / p;
    } else {
      e2 = (e1 - (s[5] as number)) * k + (s[5] as number);
    }
    s[5] = e2;
    let e3: number;
    if (c <= 3 * p - 2) {
      s[3] = (s[3] as number) + e2;
      if (c < 3 * p - 2) return;
      e3 = (s[3] as number) / p;
    } else {
      e3 = (e2 - (s[6] as number)) * k + (s[6] as number);
    }
    s[6] = e3;
    s[7] = e3 + (3 * e1 - 3 * e2);
  }

  get isReady(): boolean {
    return (this.#state[0] as number) > 3 * (this.#period - 1);
  }

  reset(): void {
    this.#state.fill(0);
    this.#state[7] = Number.NaN;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for TEMA. */
export const TEMA_DEFINITION: IndicatorDefinition = {
  name: 'TEMA',
  group: 'overlap',
  description: 'Triple exponential moving average, combining three chained EMAs to cut lag further than DEMA.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of bars that sets the smoothing factor of every EMA stage.')],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => 3 * ((p.timeperiod as number) - 1),
  compute: (inputs, p, outputs) =>
    computeTema(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new TEMAStream(p),
};
