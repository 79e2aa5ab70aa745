import type { StreamingIndicator } from '../types.js';

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
export class FixedFactorEmaStream implements StreamingIndicator {
  readonly #period: number;
  readonly #k: number;
  #count = 0;
  #sum = 0;
  #value = Number.NaN;
  #prevCount = 0;
  #prevSum = 0;
  #prevValue = Number.NaN;

  constructor(period: number, k: number) {
    this.#period = period;
    this.#k = k;
  }

  update(x: number): number {
    this.#prevCount = this.#count;
    this.#prevSum = this.#sum;
    this.#prevValue = this.#value;
    return this.#step(x);
  }

  replace(x: number): number {
    if (this.#count === 0) return this.update(x);
    this.#count = this.#prevCount;
    this.#sum = this.#prevSum;
    this.#value = this.#prevValue;
    return this.#step(x);
  }

  #step(x: number): number {
    const p = this.#period;
    if (this.#count >= p) {
      this.#value = (x - this.#value) * this.#k + this.#value;
    } else {
      this.#sum += x;
      if (this.#count + 1 === p) this.#value = this.#sum / p;
    }
    this.#count++;
    return this.#value;
  }

  output(index: number): number {
    return index === 0 ? this.#value : Number.NaN;
  }

  get value(): number {
    return this.#value;
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#count = 0;
    this.#sum = 0;
    this.#value = Number.NaN;
  }
}
