import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with the triangular moving average of the `timeperiod` inputs ending at `i`,
 * NaN before `from + timeperiod − 1`. Weights rise 1, 2, … to the middle and fall back to 1;
 * for an odd period the middle value weighs (timeperiod + 1) / 2, for an even one the two
 * middle values weigh timeperiod / 2. The weighted sum is kept as TA-Lib keeps it: an older
 * half and a newer half, each slid by one value per bar, in the same order of operations.
 */
export function computeTrima(input: Float64Array, timeperiod: number, out: Float64Array, from = 0): void {
  const n = input.length;
  const first = from + timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  const half = timeperiod >> 1;
  const odd = (timeperiod & 1) === 1;
  const factor = 1 / (odd ? (half + 1) * (half + 1) : half * (half + 1));
  // The older half ends at the middle value (the first of the two middles when even).
  let middle = odd ? from + half : from + half - 1;
  let older = 0;
  let newer = 0;
  let weighted = 0;
  for (let i = middle; i >= from; i--) {
    older += input[i] as number;
    weighted += older;
  }
  middle++;
  for (let i = middle; i <= first; i++) {
    newer += input[i] as number;
    weighted += newer;
  }
  out[first] = weighted * factor;
  let trailing = from;
  for (let i = first + 1; i < n; i++, trailing++, middle++) {
    const mid = input[middle] as number;
    const x = input[i] as number;
    weighted -= older;
    older -= input[trailing] as number;
    older += mid;
    if (odd) {
      weighted += newer;
      newer -= mid;
    } else {
      newer -= mid;
      weighted += newer;
    }
    newer += x;
    weighted += x;
    out[i] = weighted * factor;
  }
}

/**
 * Triangular moving average, as TA-Lib's TRIMA.
 *
 * @example
 * const trima = TRIMA(series.close, { timeperiod: 20 });
 */
export function TRIMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(TRIMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeTrima(real, p.timeperiod as number, out);
  return out;
}

/** Streaming triangular moving average: O(1) per bar over a ring buffer, no allocation. */
export class TRIMAStream extends StreamBase {
  readonly #period: number;
  readonly #odd: boolean;
  readonly #factor: number;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #older = 0;
  #newer = 0;
  #weighted = 0;
  #prevHead = 0;
  #prevCount = 0;
  #prevOlder = 0;
  #prevNewer = 0;
  #prevWeighted = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  constructor(params: IndicatorParams) {
    const p = params.timeperiod as number;
    super(1, 1);
    const half = p >> 1;
    this.#period = p;
    this.#odd = (p & 1) === 1;
    this.#factor = 1 / (this.#odd ? (half + 1) * (half + 1) : half * (half + 1));
    this.#ring = new Float64Array(p);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#prevHead = this.#head;
    this.#prevCount = this.#count;
    this.#prevOlder = this.#older;
    this.#prevNewer = this.#newer;
    this.#prevWeighted = this.#weighted;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlot = this.#ring[this.#head] as number;
    this.#step(columns, index);
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
      this.#older = this.#prevOlder;
      this.#newer = this.#prevNewer;
      this.#weighted = this.#prevWeighted;
      this.outputs[0] = this.#prevValue;
      this.#ring[this.#head] = this.#prevSlot;
    }
    this.pushAt(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const p = this.#period;
    const ring = this.#ring;
    const leaving = ring[this.#head] as number;
    ring[this.#head] = x;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    if (this.#count < p) return;
    // Window position j (0 = oldest) now sits at ring[(head + j) % p].
    const head = this.#head;
    const midPos = (p - 1) >> 1;
    if (this.#count === p) {
      let older = 0;
      let newer = 0;
      let weighted = 0;
      for (let j = midPos; j >= 0; j--) {
        older += ring[(head + j) % p] as number;
        weighted += older;
      }
      for (let j = midPos + 1; j < p; j++) {
        newer += ring[(head + j) % p] as number;
        weighted += newer;
      }
      this.#older = older;
      this.#newer = newer;
      this.#weighted = weighted;
    } else {
      // The value entering the older half is the new window's middle.
      const mid = ring[(head + midPos) % p] as number;
      this.#weighted -= this.#older;
      this.#older -= leaving;
      this.#older += mid;
      if (this.#odd) {
        this.#weighted += this.#newer;
        this.#newer -= mid;
      } else {
        this.#newer -= mid;
        this.#weighted += this.#newer;
      }
      this.#newer += x;
      this.#weighted += x;
    }
    this.outputs[0] = this.#weighted * this.#factor;
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#older = 0;
    this.#newer = 0;
    this.#weighted = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for TRIMA. */
export const TRIMA_DEFINITION: IndicatorDefinition = {
  name: 'TRIMA',
  group: 'overlap',
  description: 'Triangular moving average, whose weights rise linearly to the middle of the window and fall again.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of values averaged.')],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeTrima(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new TRIMAStream(p),
};
