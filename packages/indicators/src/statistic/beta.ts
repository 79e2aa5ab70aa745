import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

// TA-Lib treats magnitudes below this as zero.
const EPSILON = 1e-14;

function change(price: number, previous: number): number {
  return previous > -EPSILON && previous < EPSILON ? 0 : (price - previous) / previous;
}

/**
 * Fills `out[i]` with TA-Lib's beta of `real1` against `real0`: the least-squares slope of the
 * one-bar relative changes of `real1` on those of `real0`, over the `timeperiod` changes
 * ending at `i` (NaN for the first `timeperiod` bars). A previous price of zero counts as no
 * change; a degenerate denominator gives 0. Sums are added, read, then subtracted, as TA-Lib.
 */
export function computeBeta(real0: Float64Array, real1: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = real0.length;
  out.fill(Number.NaN, 0, Math.min(n, timeperiod));
  if (timeperiod >= n) return;
  let sxx = 0;
  let sxy = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 1; i < timeperiod; i++) {
    const x = change(real0[i] as number, real0[i - 1] as number);
    const y = change(real1[i] as number, real1[i - 1] as number);
    sxx += x * x;
    sxy += x * y;
    sx += x;
    sy += y;
  }
  const p = timeperiod;
  for (let i = timeperiod, trailing = 1; i < n; i++, trailing++) {
    let x = change(real0[i] as number, real0[i - 1] as number);
    let y = change(real1[i] as number, real1[i - 1] as number);
    sxx += x * x;
    sxy += x * y;
    sx += x;
    sy += y;
    const denominator = p * sxx - sx * sx;
    out[i] = denominator > -EPSILON && denominator < EPSILON ? 0 : (p * sxy - sx * sy) / denominator;
    x = change(real0[trailing] as number, real0[trailing - 1] as number);
    y = change(real1[trailing] as number, real1[trailing - 1] as number);
    sxx -= x * x;
    sxy -= x * y;
    sx -= x;
    sy -= y;
  }
}

/**
 * Rolling beta of `real1` against `real0` (the benchmark) from one-bar price changes, as
 * TA-Lib's BETA: how many percent `real1` moves per percent of `real0`.
 *
 * @example
 * const beta = BETA(index.close, stock.close, { timeperiod: 5 });
 */
export function BETA(real0: Float64Array, real1: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(BETA_DEFINITION, params);
  const out = nanArray(commonLength('BETA', [real0, real1]));
  computeBeta(real0, real1, p.timeperiod as number, out);
  return out;
}

/** Streaming beta: rings of the last `timeperiod` changes of each input, O(1) per bar. */
export class BETAStream extends StreamBase {
  readonly #period: number;
  readonly #ringX: Float64Array;
  readonly #ringY: Float64Array;
  #head = 0;
  #count = 0;
  #last0 = 0;
  #last1 = 0;
  #sxx = 0;
  #sxy = 0;
  #sx = 0;
  #sy = 0;
  // State before the last push, so that `revise` can undo it.
  #prevHead = 0;
  #prevCount = 0;
  #prevLast0 = 0;
  #prevLast1 = 0;
  #prevSxx = 0;
  #prevSxy = 0;
  #prevSx = 0;
  #prevSy = 0;
  #prevValue = Number.NaN;
  #prevSlotX = 0;
  #prevSlotY = 0;

  constructor(params: IndicatorParams) {
    super(1, 2);
    this.#period = params.timeperiod as number;
    this.#ringX = new Float64Array(this.#period);
    this.#ringY = new Float64Array(this.#period);
  }

  push(real0: number, real1 = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = real0;
    bar[1]![0] = real1;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const real0 = columns[0]![index]!;
    const real1 = columns[1]![index]!;
    this.#prevHead = this.#head;
    this.#prevCount = this.#count;
    this.#prevLast0 = this.#last0;
    this.#prevLast1 = this.#last1;
    this.#prevSxx = this.#sxx;
    this.#prevSxy = this.#sxy;
    this.#prevSx = this.#sx;
    this.#prevSy = this.#sy;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlotX = this.#ringX[this.#head] as number;
    this.#prevSlotY = this.#ringY[this.#head] as number;
    const first = this.#count === 0;
    this.#count++;
    if (first) {
      this.#last0 = real0;
      this.#last1 = real1;
      return;
    }
    const p = this.#period;
    const x = change(real0, this.#last0);
    const y = change(real1, this.#last1);
    this.#last0 = real0;
    this.#last1 = real1;
    const slot = this.#head;
    this.#ringX[slot] = x;
    this.#ringY[slot] = y;
    this.#head = slot + 1 === p ? 0 : slot + 1;
    this.#sxx += x * x;
    this.#sxy += x * y;
    this.#sx += x;
    this.#sy += y;
    if (this.#count > p) {
      const denominator = p * this.#sxx - this.#sx * this.#sx;
      this.outputs[0] =
        denominator > -EPSILON && denominator < EPSILON ? 0 : (p * this.#sxy - this.#sx * this.#sy) / denominator;
      const ox = this.#ringX[this.#head] as number;
      const oy = this.#ringY[this.#head] as number;
      this.#sxx -= ox * ox;
      this.#sxy -= ox * oy;
      this.#sx -= ox;
      this.#sy -= oy;
    }
  }

  revise(real0: number, real1 = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = real0;
    bar[1]![0] = real1;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#head = this.#prevHead;
    this.#count = this.#prevCount;
    this.#last0 = this.#prevLast0;
    this.#last1 = this.#prevLast1;
    this.#sxx = this.#prevSxx;
    this.#sxy = this.#prevSxy;
    this.#sx = this.#prevSx;
    this.#sy = this.#prevSy;
    this.outputs[0] = this.#prevValue;
    this.#ringX[this.#head] = this.#prevSlotX;
    this.#ringY[this.#head] = this.#prevSlotY;
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#ringX.fill(0);
    this.#ringY.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#last0 = 0;
    this.#last1 = 0;
    this.#sxx = 0;
    this.#sxy = 0;
    this.#sx = 0;
    this.#sy = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for BETA. */
export const BETA_DEFINITION: IndicatorDefinition = {
  name: 'BETA',
  group: 'statistic',
  description: 'Slope of the regression of the second series’ one-bar returns on the first’s over timeperiod bars.',
  talib: true,
  inputs: ['real0', 'real1'],
  parameters: [period('timeperiod', 5, 1, 'Number of one-bar changes in the window.')],
  outputs: [{ name: 'real', type: 'real', description: 'The beta.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeBeta(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new BETAStream(p),
};
