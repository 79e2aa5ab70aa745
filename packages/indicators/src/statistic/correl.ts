import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

// TA-Lib treats a product of variances below this as zero.
const EPSILON = 1e-14;

function pearson(p: number, sx: number, sy: number, sxx: number, syy: number, sxy: number): number {
  const spread = (sxx - (sx * sx) / p) * (syy - (sy * sy) / p);
  return spread < EPSILON ? 0 : (sxy - (sx * sy) / p) / Math.sqrt(spread);
}

/**
 * Fills `out[i]` with Pearson's correlation of `real0` and `real1` over the `timeperiod` bars
 * ending at `i` (NaN before); 0 when either side has no variance. Running sums drop the
 * oldest pair before adding the newest, in TA-Lib's order.
 */
export function computeCorrel(real0: Float64Array, real1: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = real0.length;
  const first = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i <= first; i++) {
    const x = real0[i] as number;
    const y = real1[i] as number;
    sx += x;
    sxx += x * x;
    sxy += x * y;
    sy += y;
    syy += y * y;
  }
  out[first] = pearson(timeperiod, sx, sy, sxx, syy, sxy);
  for (let i = first + 1, trailing = 0; i < n; i++, trailing++) {
    const tx = real0[trailing] as number;
    const ty = real1[trailing] as number;
    sx -= tx;
    sxx -= tx * tx;
    sxy -= tx * ty;
    sy -= ty;
    syy -= ty * ty;
    const x = real0[i] as number;
    const y = real1[i] as number;
    sx += x;
    sxx += x * x;
    sxy += x * y;
    sy += y;
    syy += y * y;
    out[i] = pearson(timeperiod, sx, sy, sxx, syy, sxy);
  }
}

/**
 * Rolling Pearson correlation of two series, as TA-Lib's CORREL.
 *
 * @example
 * const rho = CORREL(stock.close, index.close, { timeperiod: 30 });
 */
export function CORREL(real0: Float64Array, real1: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(CORREL_DEFINITION, params);
  const out = nanArray(commonLength('CORREL', [real0, real1]));
  computeCorrel(real0, real1, p.timeperiod as number, out);
  return out;
}

/** Streaming correlation: running sums over rings of both inputs, O(1) per bar. */
export class CORRELStream extends StreamBase {
  readonly #period: number;
  readonly #ringX: Float64Array;
  readonly #ringY: Float64Array;
  #head = 0;
  #count = 0;
  #sx = 0;
  #sy = 0;
  #sxx = 0;
  #syy = 0;
  #sxy = 0;
  // State before the last push, so that `revise` can undo it.
  #prevCount = 0;
  #prevSx = 0;
  #prevSy = 0;
  #prevSxx = 0;
  #prevSyy = 0;
  #prevSxy = 0;
  #prevValue = Number.NaN;
  #prevX = 0;
  #prevY = 0;

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
    const p = this.#period;
    this.#prevCount = this.#count;
    this.#prevSx = this.#sx;
    this.#prevSy = this.#sy;
    this.#prevSxx = this.#sxx;
    this.#prevSyy = this.#syy;
    this.#prevSxy = this.#sxy;
    this.#prevValue = this.outputs[0] as number;
    const slot = this.#head;
    if (this.#count >= p) {
      // The window is full: the slot about to be written holds its oldest pair.
      const tx = this.#ringX[slot] as number;
      const ty = this.#ringY[slot] as number;
      this.#sx -= tx;
      this.#sxx -= tx * tx;
      this.#sxy -= tx * ty;
      this.#sy -= ty;
      this.#syy -= ty * ty;
    }
    this.#sx += real0;
    this.#sxx += real0 * real0;
    this.#sxy += real0 * real1;
    this.#sy += real1;
    this.#syy += real1 * real1;
    this.#prevX = this.#ringX[slot] as number;
    this.#prevY = this.#ringY[slot] as number;
    this.#ringX[slot] = real0;
    this.#ringY[slot] = real1;
    this.#head = slot + 1 === p ? 0 : slot + 1;
    this.#count++;
    if (this.#count >= p) this.outputs[0] = pearson(p, this.#sx, this.#sy, this.#sxx, this.#syy, this.#sxy);
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
    this.#head = this.#head === 0 ? this.#period - 1 : this.#head - 1;
    this.#ringX[this.#head] = this.#prevX;
    this.#ringY[this.#head] = this.#prevY;
    this.#count = this.#prevCount;
    this.#sx = this.#prevSx;
    this.#sy = this.#prevSy;
    this.#sxx = this.#prevSxx;
    this.#syy = this.#prevSyy;
    this.#sxy = this.#prevSxy;
    this.outputs[0] = this.#prevValue;
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ringX.fill(0);
    this.#ringY.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#sx = 0;
    this.#sy = 0;
    this.#sxx = 0;
    this.#syy = 0;
    this.#sxy = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for CORREL. */
export const CORREL_DEFINITION: IndicatorDefinition = {
  name: 'CORREL',
  group: 'statistic',
  description: 'Pearson correlation coefficient of two series over the last timeperiod bars.',
  talib: true,
  inputs: ['real0', 'real1'],
  parameters: [period('timeperiod', 30, 1, 'Number of bars in the window.')],
  outputs: [{ name: 'real', type: 'real', description: 'The correlation, from −1 to 1.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeCorrel(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new CORRELStream(p),
};
