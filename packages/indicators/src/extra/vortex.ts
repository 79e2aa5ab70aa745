import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { trueRange } from '../volatility/true-range.js';

/**
 * Fills `plus[i]`/`minus[i]` with the vortex indicators of the `timeperiod` bars ending at
 * `i`: the summed upward (high against the previous low) and downward (low against the
 * previous high) movements, each over the summed true range. NaN during the warm-up and
 * when every true range of the window is 0, which a count of non-zero ranges decides exactly.
 */
export function computeVortex(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  plus: Float64Array,
  minus: Float64Array,
): void {
  const n = close.length;
  plus.fill(Number.NaN, 0, Math.min(n, timeperiod));
  minus.fill(Number.NaN, 0, Math.min(n, timeperiod));
  let sumUp = 0;
  let sumDown = 0;
  let sumTr = 0;
  let moving = 0;
  for (let i = 1; i < n; i++) {
    const tr = trueRange(high[i] as number, low[i] as number, close[i - 1] as number);
    sumUp += Math.abs((high[i] as number) - (low[i - 1] as number));
    sumDown += Math.abs((low[i] as number) - (high[i - 1] as number));
    sumTr += tr;
    if (tr !== 0) moving++;
    if (i >= timeperiod) {
      if (moving === 0) {
        plus[i] = Number.NaN;
        minus[i] = Number.NaN;
      } else {
        plus[i] = sumUp / sumTr;
        minus[i] = sumDown / sumTr;
      }
      const j = i - timeperiod + 1;
      const oldTr = trueRange(high[j] as number, low[j] as number, close[j - 1] as number);
      sumUp -= Math.abs((high[j] as number) - (low[j - 1] as number));
      sumDown -= Math.abs((low[j] as number) - (high[j - 1] as number));
      sumTr -= oldTr;
      if (oldTr !== 0) moving--;
    }
  }
}

/**
 * Vortex indicator (Botes and Siepman) (not in TA-Lib).
 *
 * @example
 * const { plusvi, minusvi } = VORTEX(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function VORTEX(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): { plusvi: Float64Array; minusvi: Float64Array } {
  const p = resolveParams(VORTEX_DEFINITION, params);
  const n = commonLength('VORTEX', [high, low, close]);
  const plusvi = nanArray(n);
  const minusvi = nanArray(n);
  computeVortex(high, low, close, p.timeperiod as number, plusvi, minusvi);
  return { plusvi, minusvi };
}

/** Streaming vortex indicator: `push(high, low, close)` (+VI, −VI); O(1) over rings, no allocation. */
export class VORTEXStream extends StreamBase {
  readonly #period: number;
  readonly #ups: Float64Array;
  readonly #downs: Float64Array;
  readonly #ranges: Float64Array;
  #head = 0;
  #count = 0;
  #prevHigh = Number.NaN;
  #prevLow = Number.NaN;
  #prevClose = Number.NaN;
  #sumUp = 0;
  #sumDown = 0;
  #sumTr = 0;
  #moving = 0;
  #plus = Number.NaN;
  #minus = Number.NaN;
  readonly #saved = new Float64Array(14);

  constructor(params: IndicatorParams) {
    super(2, 3);
    this.#period = params.timeperiod as number;
    this.#ups = new Float64Array(this.#period);
    this.#downs = new Float64Array(this.#period);
    this.#ranges = new Float64Array(this.#period);
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const s = this.#saved;
    const h = this.#head;
    s[0] = h;
    s[1] = this.#count;
    s[2] = this.#prevHigh;
    s[3] = this.#prevLow;
    s[4] = this.#prevClose;
    s[5] = this.#sumUp;
    s[6] = this.#sumDown;
    s[7] = this.#sumTr;
    s[8] = this.#moving;
    s[9] = this.#plus;
    s[10] = this.#minus;
    s[11] = this.#ups[h] as number;
    s[12] = this.#downs[h] as number;
    s[13] = this.#ranges[h] as number;
    this.#step(columns, index);
  }

  revise(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    const s = this.#saved;
    const h = s[0] as number;
    this.#head = h;
    this.#count = s[1] as number;
    this.#prevHigh = s[2] as number;
    this.#prevLow = s[3] as number;
    this.#prevClose = s[4] as number;
    this.#sumUp = s[5] as number;
    this.#sumDown = s[6] as number;
    this.#sumTr = s[7] as number;
    this.#moving = s[8] as number;
    this.#plus = s[9] as number;
    this.#minus = s[10] as number;
    this.#ups[h] = s[11] as number;
    this.#downs[h] = s[12] as number;
    this.#ranges[h] = s[13] as number;
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    const p = this.#period;
    if (this.#count > 0) {
      const h = this.#head;
      const tr = trueRange(high, low, this.#prevClose);
      const up = Math.abs(high - this.#prevLow);
      const down = Math.abs(low - this.#prevHigh);
      this.#ups[h] = up;
      this.#downs[h] = down;
      this.#ranges[h] = tr;
      this.#head = h + 1 === p ? 0 : h + 1;
      this.#sumUp += up;
      this.#sumDown += down;
      this.#sumTr += tr;
      if (tr !== 0) this.#moving++;
      if (this.#count >= p) {
        if (this.#moving === 0) {
          this.#plus = Number.NaN;
          this.#minus = Number.NaN;
        } else {
          this.#plus = this.#sumUp / this.#sumTr;
          this.#minus = this.#sumDown / this.#sumTr;
        }
        // After the write the oldest bar of the window sits at the head.
        const o = this.#head;
        const oldTr = this.#ranges[o] as number;
        this.#sumUp -= this.#ups[o] as number;
        this.#sumDown -= this.#downs[o] as number;
        this.#sumTr -= oldTr;
        if (oldTr !== 0) this.#moving--;
      }
    }
    this.#prevHigh = high;
    this.#prevLow = low;
    this.#prevClose = close;
    this.#count++;
    this.outputs[0] = this.#plus;
    this.outputs[1] = this.#minus;
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#ups.fill(0);
    this.#downs.fill(0);
    this.#ranges.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#prevHigh = this.#prevLow = this.#prevClose = Number.NaN;
    this.#sumUp = this.#sumDown = this.#sumTr = 0;
    this.#moving = 0;
    this.#plus = this.#minus = Number.NaN;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for VORTEX. */
export const VORTEX_DEFINITION: IndicatorDefinition = {
  name: 'VORTEX',
  group: 'extra',
  description: 'Vortex indicator: upward and downward bar-to-bar movement, each as a share of the summed true range.',
  formula:
    'VM+[j] = |high[j] − low[j − 1]|; VM−[j] = |low[j] − high[j − 1]|; TR[j] = true range against close[j − 1]; ' +
    'plusvi[i] = Σ VM+ / Σ TR and minusvi[i] = Σ VM− / Σ TR over j = i − timeperiod + 1 .. i (running sums, added then subtracted). ' +
    'The first bar has no previous bar, so the warm-up is timeperiod bars. NaN when every TR of the window is 0 (flat prices).',
  talib: false,
  inputs: ['high', 'low', 'close'],
  parameters: [period('timeperiod', 14, 1, 'Number of bars summed.')],
  outputs: [
    { name: 'plusvi', type: 'real', description: 'The positive vortex indicator (+VI).' },
    { name: 'minusvi', type: 'real', description: 'The negative vortex indicator (−VI).' },
  ],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeVortex(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
    ),
  createStream: (p) => new VORTEXStream(p),
};
