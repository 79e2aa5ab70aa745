import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

function mfiOf(positive: number, negative: number): number {
  const total = positive + negative;
  // TA-Lib treats a total flow under 1 (no volume, flat prices) as no signal.
  return total < 1 ? 0 : 100 * (positive / total);
}

/**
 * Fills `out` with the money flow index: the share of positive money flow (typical price ×
 * volume on bars whose typical price rose) in all flow over `timeperiod` bars. Running sums,
 * oldest dropped before the newest is added, as TA-Lib does; the flow goes to its side by a
 * 0/1 mask rather than a branch, which a random walk would mispredict half the time. `positive` and `negative` are
 * scratch rings of `timeperiod` values (allocated when not given).
 */
export function computeMfi(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  timeperiod: number,
  out: Float64Array,
  positive: Float64Array = new Float64Array(timeperiod),
  negative: Float64Array = new Float64Array(timeperiod),
): void {
  const n = high.length;
  out.fill(Number.NaN, 0, Math.min(n, timeperiod));
  if (timeperiod >= n) return;
  let previous = (high[0] + low[0] + close[0]) / 3;
  let positiveSum = 0;
  let negativeSum = 0;
  let slot = 0;
  for (let i = 1; i < n; i++) {
    if (i > timeperiod) {
      positiveSum -= positive[slot];
      negativeSum -= negative[slot];
    }
    const typical = (high[i] + low[i] + close[i]) / 3;
    const change = typical - previous;
    previous = typical;
    const flow = typical * volume[i];
    const up = flow * +(change > 0);
    const down = flow * +(change < 0);
    positive[slot] = up;
    negative[slot] = down;
    positiveSum += up;
    negativeSum += down;
    if (i >= timeperiod) out[i] = mfiOf(positiveSum, negativeSum);
    slot = slot + 1 === timeperiod ? 0 : slot + 1;
  }
}

/**
 * Money flow index, as TA-Lib's MFI.
 *
 * @example
 * const mfi = MFI(series.high, series.low, series.close, series.volume, { timeperiod: 14 });
 */
export function MFI(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(MFI_DEFINITION, params);
  const out = nanArray(commonLength('MFI', [high, low, close, volume]));
  computeMfi(high, low, close, volume, p.timeperiod as number, out);
  return out;
}

/** Streaming money flow index: `push(high, low, close, volume)`, O(1) over rings, no allocation. */
export class MFIStream extends StreamBase {
  readonly #period: number;
  readonly #positive: Float64Array;
  readonly #negative: Float64Array;
  // count, previous typical price, positive sum, negative sum, value, the two ring values overwritten.
  readonly #saved = new Float64Array(7);
  #count = 0;
  #previous = Number.NaN;
  #positiveSum = 0;
  #negativeSum = 0;

  constructor(params: IndicatorParams) {
    super(1, 4);
    this.#period = params.timeperiod as number;
    this.#positive = new Float64Array(this.#period);
    this.#negative = new Float64Array(this.#period);
  }

  push(high: number, low = Number.NaN, close = Number.NaN, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    bar[3]![0] = volume;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    const volume = columns[3]![index]!;
    const t = this.#count;
    const p = this.#period;
    const slot = t > 0 ? (t - 1) % p : 0;
    const s = this.#saved;
    s[0] = t;
    s[1] = this.#previous;
    s[2] = this.#positiveSum;
    s[3] = this.#negativeSum;
    s[4] = this.outputs[0];
    s[5] = this.#positive[slot];
    s[6] = this.#negative[slot];
    const typical = (high + low + close) / 3;
    if (t > 0) {
      if (t > p) {
        this.#positiveSum -= this.#positive[slot];
        this.#negativeSum -= this.#negative[slot];
      }
      const change = typical - this.#previous;
      const flow = typical * volume;
      const up = flow * +(change > 0);
      const down = flow * +(change < 0);
      this.#positive[slot] = up;
      this.#negative[slot] = down;
      this.#positiveSum += up;
      this.#negativeSum += down;
      if (t >= p) this.outputs[0] = mfiOf(this.#positiveSum, this.#negativeSum);
    }
    this.#previous = typical;
    this.#count = t + 1;
  }

  revise(high: number, low = Number.NaN, close = Number.NaN, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    bar[3]![0] = volume;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      const s = this.#saved;
      this.#count = s[0];
      this.#previous = s[1];
      this.#positiveSum = s[2];
      this.#negativeSum = s[3];
      this.outputs[0] = s[4];
      const slot = this.#count > 0 ? (this.#count - 1) % this.#period : 0;
      this.#positive[slot] = s[5];
      this.#negative[slot] = s[6];
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#positive.fill(0);
    this.#negative.fill(0);
    this.#count = 0;
    this.#previous = Number.NaN;
    this.#positiveSum = 0;
    this.#negativeSum = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for MFI. */
export const MFI_DEFINITION: IndicatorDefinition = {
  name: 'MFI',
  group: 'momentum',
  description: 'Money flow index: a volume-weighted RSI, the share of money flow on bars whose typical price rose.',
  talib: true,
  inputs: ['high', 'low', 'close', 'volume'],
  parameters: [period('timeperiod', 14, 2, 'Number of bars summed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The index, from 0 to 100.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeMfi(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      inputs[3] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new MFIStream(p),
};
