import type { IndicatorParams } from '../types.js';
import { blockEnd } from './blocks.js';
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
  // The sliding runs in blocks (see BLOCK_BARS), the total carried between them.
  const state = Float64Array.of(total);
  for (let start = first, to = first; start < n; start = to) {
    to = blockEnd(start, first, n);
    windowSumBlock(input, timeperiod, divisor, out, state, start, to);
  }
}

function windowSumBlock(
  input: Float64Array,
  timeperiod: number,
  divisor: number,
  out: Float64Array,
  state: Float64Array,
  from: number,
  to: number,
): void {
  let total = state[0] as number;
  for (let i = from, trailing = from - timeperiod + 1; i < to; i++, trailing++) {
    total += input[i] as number;
    out[i] = total / divisor;
    total -= input[trailing] as number;
  }
  state[0] = total;
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

  // The update is small enough that V8 always inlines #step, so push hands it the number
  // directly (rather than through one-bar columns), and pushAt reads it from its column.
  push(x: number): void {
    this.#step(x);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#step(columns[0]![index]!);
  }

  #step(x: number): void {
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
    this.#restore();
    this.#step(x);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    this.#restore();
    this.#step(columns[0]![index]!);
  }

  #restore(): void {
    if (this.#count > 0) {
      this.#head = this.#prevHead;
      this.#count = this.#prevCount;
      this.#total = this.#prevTotal;
      this.outputs[0] = this.#prevValue;
      this.#ring[this.#head] = this.#prevSlot;
    }
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
