import { nanArray } from '../support/arrays.js';
import { period, real, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** Returns Tillson's weights [c1, c2, c3, c4] of e6, e5, e4, e3 for volume factor `v`. */
function t3Weights(v: number): [number, number, number, number] {
  const v2 = v * v;
  const c1 = -(v2 * v);
  const c2 = 3 * (v2 - c1);
  const c3 = -6 * v2 - 3 * (v - c1);
  const c4 = 1 + 3 * v - c1 + 3 * v2;
  return [c1, c2, c3, c4];
}

/**
 * Fills `out[i]` with Tillson's T3 of `input[from..i]`, NaN before `from + 6·(timeperiod − 1)`.
 * Six EMAs are chained, each seeded with the mean of the first `timeperiod` values of the
 * stage before it, and the last four are mixed with weights set by `vfactor`.
 */
export function computeT3(input: Float64Array, timeperiod: number, vfactor: number, out: Float64Array, from = 0): void {
  const n = input.length;
  const p = timeperiod;
  const start = from + 6 * (p - 1);
  out.fill(Number.NaN, 0, Math.min(n, start));
  if (start >= n) return;
  const k = 2 / (p + 1);
  const m = 1 - k;
  // Seeding: stage s is seeded once the previous stage has produced timeperiod values.
  const e = [0, 0, 0, 0, 0, 0];
  let i = from;
  let sum = 0;
  for (; i < from + p; i++) sum += input[i] as number;
  e[0] = sum / p;
  for (let s = 1; s < 6; s++) {
    sum = e[s - 1] as number;
    for (let j = 1; j < p; j++, i++) {
      e[0] = k * (input[i] as number) + m * (e[0] as number);
      for (let t = 1; t < s; t++) e[t] = k * (e[t - 1] as number) + m * (e[t] as number);
      sum += e[s - 1] as number;
    }
    e[s] = sum / p;
  }
  let [e1, e2, e3, e4, e5, e6] = e as [number, number, number, number, number, number];
  const [c1, c2, c3, c4] = t3Weights(vfactor);
  out[start] = c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3;
  for (; i < n; i++) {
    e1 = k * (input[i] as number) + m * e1;
    e2 = k * e1 + m * e2;
    e3 = k * e2 + m * e3;
    e4 = k * e3 + m * e4;
    e5 = k * e4 + m * e5;
    e6 = k * e5 + m * e6;
    out[i] = c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3;
  }
}

/**
 * Tillson's T3 moving average, as TA-Lib's T3.
 *
 * @example
 * const t3 = T3(series.close, { timeperiod: 5, vfactor: 0.7 });
 */
export function T3(real: Float64Array, params: { timeperiod?: number; vfactor?: number } = {}): Float64Array {
  const p = resolveParams(T3_DEFINITION, params);
  const out = nanArray(real.length);
  computeT3(real, p.timeperiod as number, p.vfactor as number, out);
  return out;
}

/** Streaming T3: six chained EMAs, O(1) per bar, no allocation. */
export class T3Stream extends StreamBase {
  readonly #period: number;
  readonly #k: number;
  readonly #m: number;
  readonly #c1: number;
  readonly #c2: number;
  readonly #c3: number;
  readonly #c4: number;
  /** e1…e6, then the seed sums of stages 1…6. */
  readonly #state = new Float64Array(12);
  readonly #saved = new Float64Array(12);
  #count = 0;
  #prevCount = 0;
  #prevValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#k = 2 / (this.#period + 1);
    this.#m = 1 - this.#k;
    const [c1, c2, c3, c4] = t3Weights(params.vfactor as number);
    this.#c1 = c1;
    this.#c2 = c2;
    this.#c3 = c3;
    this.#c4 = c4;
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#saved.set(this.#state);
    this.#prevCount = this.#count;
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
      this.#state.set(this.#saved);
      this.#count = this.#prevCount;
      this.outputs[0] = this.#prevValue;
    }
    this.pushAt(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const s = this.#state;
    const p = this.#period;
    const k = this.#k;
    const m = this.#m;
    const c = ++this.#count;
    if (c <= p) {
      s[6] = (s[6] as number) + x;
      if (c < p) return;
      s[0] = (s[6] as number) / p;
    } else {
      s[0] = k * x + m * (s[0] as number);
    }
    for (let j = 1; j < 6; j++) {
      // Stage j (0-based) gets its seed once stage j − 1 has produced timeperiod values.
      const seedAt = p + j * (p - 1);
      if (c < seedAt) {
        s[6 + j] = (s[6 + j] as number) + (s[j - 1] as number);
        return;
      }
      if (c === seedAt) s[j] = ((s[6 + j] as number) + (s[j - 1] as number)) / p;
      else s[j] = k * (s[j - 1] as number) + m * (s[j] as number);
    }
    this.outputs[0] =
      this.#c1 * (s[5] as number) +
      this.#c2 * (s[4] as number) +
      this.#c3 * (s[3] as number) +
      this.#c4 * (s[2] as number);
  }

  get isReady(): boolean {
    return this.#count > 6 * (this.#period - 1);
  }

  reset(): void {
    this.#state.fill(0);
    this.#count = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for T3. */
export const T3_DEFINITION: IndicatorDefinition = {
  name: 'T3',
  group: 'overlap',
  description: "Tillson's T3, a smooth low-lag average built from six chained EMAs.",
  talib: true,
  inputs: ['real'],
  parameters: [
    period('timeperiod', 5, 2, 'Number of bars that sets the smoothing factor of every EMA stage.'),
    real('vfactor', 0.7, 0, 1, 'Volume factor: 0 gives a triple EMA, 1 the most lag reduction.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => 6 * ((p.timeperiod as number) - 1),
  compute: (inputs, p, outputs) =>
    computeT3(inputs[0] as Float64Array, p.timeperiod as number, p.vfactor as number, outputs[0] as Float64Array),
  createStream: (p) => new T3Stream(p),
};
