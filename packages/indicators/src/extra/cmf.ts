import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Returns a bar's money-flow volume: its volume times where the close sits in the bar's range
 * (+1 at the high, −1 at the low), 0 for a bar without range.
 */
export function moneyFlowVolume(high: number, low: number, close: number, volume: number): number {
  const range = high - low;
  return range > 0 ? ((close - low - (high - close)) / range) * volume : 0;
}

/**
 * Fills `out[i]` with the Chaikin money flow of the `timeperiod` bars ending at `i`: the sum
 * of their money-flow volumes over the sum of their volumes, 0 when none of them has volume
 * (NaN for the first `timeperiod − 1` bars).
 */
export function computeCmf(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  timeperiod: number,
  out: Float64Array,
): void {
  const n = close.length;
  const first = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  let sumMf = 0;
  let sumV = 0;
  let traded = 0;
  for (let i = 0; i < n; i++) {
    const v = volume[i] as number;
    sumMf += moneyFlowVolume(high[i] as number, low[i] as number, close[i] as number, v);
    sumV += v;
    if (v !== 0) traded++;
    if (i >= first) {
      out[i] = traded === 0 ? 0 : sumMf / sumV;
      const j = i - first;
      const ov = volume[j] as number;
      sumMf -= moneyFlowVolume(high[j] as number, low[j] as number, close[j] as number, ov);
      sumV -= ov;
      if (ov !== 0) traded--;
    }
  }
}

/**
 * Chaikin money flow (not in TA-Lib).
 *
 * @example
 * const cmf = CMF(series.high, series.low, series.close, series.volume, { timeperiod: 20 });
 */
export function CMF(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(CMF_DEFINITION, params);
  const out = nanArray(commonLength('CMF', [high, low, close, volume]));
  computeCmf(high, low, close, volume, p.timeperiod as number, out);
  return out;
}

/** Streaming Chaikin money flow: `push(high, low, close, volume)`, O(1) over rings, no allocation. */
export class CMFStream extends StreamBase {
  readonly #period: number;
  readonly #flows: Float64Array;
  readonly #volumes: Float64Array;
  #head = 0;
  #count = 0;
  #sumMf = 0;
  #sumV = 0;
  #traded = 0;
  #value = Number.NaN;
  #savedHead = 0;
  #savedCount = 0;
  #savedSumMf = 0;
  #savedSumV = 0;
  #savedTraded = 0;
  #savedValue = Number.NaN;
  #savedFlow = 0;
  #savedVolume = 0;

  constructor(params: IndicatorParams) {
    super(1, 4);
    this.#period = params.timeperiod as number;
    this.#flows = new Float64Array(this.#period);
    this.#volumes = new Float64Array(this.#period);
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
    this.#savedHead = this.#head;
    this.#savedCount = this.#count;
    this.#savedSumMf = this.#sumMf;
    this.#savedSumV = this.#sumV;
    this.#savedTraded = this.#traded;
    this.#savedValue = this.#value;
    this.#savedFlow = this.#flows[this.#head] as number;
    this.#savedVolume = this.#volumes[this.#head] as number;
    this.#step(moneyFlowVolume(high, low, close, volume), volume);
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
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    const volume = columns[3]![index]!;
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#head = this.#savedHead;
    this.#count = this.#savedCount;
    this.#sumMf = this.#savedSumMf;
    this.#sumV = this.#savedSumV;
    this.#traded = this.#savedTraded;
    this.#value = this.#savedValue;
    this.#flows[this.#head] = this.#savedFlow;
    this.#volumes[this.#head] = this.#savedVolume;
    this.#step(moneyFlowVolume(high, low, close, volume), volume);
  }

  #step(mf: number, v: number): void {
    const p = this.#period;
    this.#flows[this.#head] = mf;
    this.#volumes[this.#head] = v;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    this.#sumMf += mf;
    this.#sumV += v;
    if (v !== 0) this.#traded++;
    if (this.#count >= p) {
      this.#value = this.#traded === 0 ? 0 : this.#sumMf / this.#sumV;
      const ov = this.#volumes[this.#head] as number;
      this.#sumMf -= this.#flows[this.#head] as number;
      this.#sumV -= ov;
      if (ov !== 0) this.#traded--;
    }
    this.outputs[0] = this.#value;
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#flows.fill(0);
    this.#volumes.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#sumMf = 0;
    this.#sumV = 0;
    this.#traded = 0;
    this.#value = Number.NaN;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for CMF. */
export const CMF_DEFINITION: IndicatorDefinition = {
  name: 'CMF',
  group: 'extra',
  description:
    'Chaikin money flow: the volume-weighted average of where each close sits in its bar range, over timeperiod bars.',
  formula:
    'mfv[j] = ((close[j] − low[j]) − (high[j] − close[j])) / (high[j] − low[j]) · volume[j], and 0 when high[j] − low[j] is not positive; ' +
    'CMF[i] = Σ mfv[j] / Σ volume[j] over j = i − timeperiod + 1 .. i (running sums, added then subtracted); ' +
    'CMF[i] = 0 when every volume in the window is exactly 0. Range −1 .. +1. Warm-up timeperiod − 1 bars.',
  talib: false,
  inputs: ['high', 'low', 'close', 'volume'],
  parameters: [period('timeperiod', 20, 1, 'Number of bars summed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The Chaikin money flow, from −1 to +1.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeCmf(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      inputs[3] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new CMFStream(p),
};
