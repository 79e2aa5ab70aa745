import type { IndicatorParams } from '../types.js';
import { StreamBase } from './stream-base.js';

/**
 * Fills `out[i]` with the sum of the `timeperiod` inputs ending at `i`, divided by `divisor`
 * (NaN before `from + timeperiod − 1`; `input[from..]` only). The running total is added to,
 * read, then subtracted from, in TA-Lib's order, so SMA (divisor = timeperiod) and SUM
 * (divisor = 1, an exact division) both agree with TA-Lib to the last bit.
 */
export function computeWindowSum(
  input: Float64Array,
  timeperiod: number,
  divisor: number,
  out: Float64Array,
  from = 0,
): void {
  const n = input.length;
  const first = from + timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let total = 0;
  for (let i = from; i < first; i++) total += input[i] as number;
  for (let i = first, trailing = from; i < n; i++, trailing++) {
    total += input[i] as number;
    out[i] = total / divisor;
    total -= input[trailing] as number;
  }
}

/**
 * Streaming window sum divided by a constant (SMA and SUM): O(1) per bar over a ring
 * buffer, no allocation, with the state before the last push kept for `revise`.
 */
export class WindowSumStream extends StreamBase {
  readonly #period: number;
  readonly #divisor: number;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #total = 0;
  // State before the last push, so that `revise` can undo it.
  #prevHead = 0;
  #prevCount = 0;
  #prevTotal = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  constructor(params: IndicatorParams, divisor: number) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#divisor = divisor;
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
    this.#prevTotal = this.#total;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlot = this.#ring[this.#head] as number;
    const p = this.#period;
    this.#ring[this.#head] = x;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    this.#total += x;
    if (this.#count >= p) {
      this.outputs[0] = this.#total / this.#divisor;
      // After the write, the oldest value of the window sits at the new head.
      this.#total -= this.#ring[this.#head] as number;
    }
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
      this.#total = this.#prevTotal;
      this.outputs[0] = this.#prevValue;
      this.#ring[this.#head] = this.#prevSlot;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#total = 0;
    this.outputs[0] = Number.NaN;
  }
}
