import { StreamBase } from '../support/stream-base.js';

/**
 * Fills `out[i]` with an exponential average of `input[from..i]` smoothed by the factor `k`
 * rather than one derived from the period (NaN before `from + period − 1`). As in TA-Lib, the
 * average is seeded with the simple mean of the first `period` values and then follows
 * `ema += (x − ema) · k`. MACDFIX needs this for its fixed 0.15 and 0.075 factors.
 */
export function computeFixedFactorEma(
  input: Float64Array,
  period: number,
  k: number,
  out: Float64Array,
  from = 0,
): void {
  const n = input.length;
  const first = from + period - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let sum = 0;
  for (let i = from; i <= first; i++) sum += input[i] as number;
  let ema = sum / period;
  out[first] = ema;
  for (let i = first + 1; i < n; i++) {
    ema = ((input[i] as number) - ema) * k + ema;
    out[i] = ema;
  }
}

/** Streaming counterpart of {@link computeFixedFactorEma}: O(1) per bar, one level of undo. */
export class FixedFactorEmaStream extends StreamBase {
  readonly #period: number;
  readonly #k: number;
  #count = 0;
  #sum = 0;
  #prevCount = 0;
  #prevSum = 0;
  #prevValue = Number.NaN;

  constructor(period: number, k: number) {
    super(1, 1);
    this.#period = period;
    this.#k = k;
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#prevCount = this.#count;
    this.#prevSum = this.#sum;
    this.#prevValue = this.outputs[0] as number;
    this.#step(columns, index);
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
    this.#count = this.#prevCount;
    this.#sum = this.#prevSum;
    this.outputs[0] = this.#prevValue;
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
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
