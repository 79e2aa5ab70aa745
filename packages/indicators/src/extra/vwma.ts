import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with the volume-weighted mean of the `timeperiod` closes ending at `i`, or
 * their plain mean when none of those bars has volume (NaN for the first `timeperiod − 1`).
 * Running sums are added to and subtracted from; whether the window has volume is decided by
 * counting non-zero volumes, which is exact where a running sum may leave a rounding residue.
 */
export function computeVwma(close: Float64Array, volume: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = close.length;
  const first = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  let sumPv = 0;
  let sumV = 0;
  let sumC = 0;
  let traded = 0;
  for (let i = 0; i < n; i++) {
    const c = close[i] as number;
    const v = volume[i] as number;
    sumPv += c * v;
    sumV += v;
    sumC += c;
    if (v !== 0) traded++;
    if (i >= first) {
      out[i] = traded === 0 ? sumC / timeperiod : sumPv / sumV;
      const j = i - first;
      const oc = close[j] as number;
      const ov = volume[j] as number;
      sumPv -= oc * ov;
      sumV -= ov;
      sumC -= oc;
      if (ov !== 0) traded--;
    }
  }
}

/**
 * Volume-weighted moving average of the close (not in TA-Lib).
 *
 * @example
 * const vwma = VWMA(series.close, series.volume, { timeperiod: 20 });
 */
export function VWMA(close: Float64Array, volume: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(VWMA_DEFINITION, params);
  const out = nanArray(commonLength('VWMA', [close, volume]));
  computeVwma(close, volume, p.timeperiod as number, out);
  return out;
}

/** Streaming VWMA: `push(close, volume)`, O(1) per bar over rings, no allocation. */
export class VWMAStream extends StreamBase {
  readonly #period: number;
  readonly #closes: Float64Array;
  readonly #volumes: Float64Array;
  #head = 0;
  #count = 0;
  #sumPv = 0;
  #sumV = 0;
  #sumC = 0;
  #traded = 0;
  #value = Number.NaN;
  #savedHead = 0;
  #savedCount = 0;
  #savedSumPv = 0;
  #savedSumV = 0;
  #savedSumC = 0;
  #savedTraded = 0;
  #savedValue = Number.NaN;
  #savedClose = 0;
  #savedVolume = 0;

  constructor(params: IndicatorParams) {
    super(1, 2);
    this.#period = params.timeperiod as number;
    this.#closes = new Float64Array(this.#period);
    this.#volumes = new Float64Array(this.#period);
  }

  push(close: number, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = close;
    bar[1]![0] = volume;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#savedHead = this.#head;
    this.#savedCount = this.#count;
    this.#savedSumPv = this.#sumPv;
    this.#savedSumV = this.#sumV;
    this.#savedSumC = this.#sumC;
    this.#savedTraded = this.#traded;
    this.#savedValue = this.#value;
    this.#savedClose = this.#closes[this.#head] as number;
    this.#savedVolume = this.#volumes[this.#head] as number;
    this.#step(columns, index);
  }

  revise(close: number, volume = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = close;
    bar[1]![0] = volume;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#head = this.#savedHead;
    this.#count = this.#savedCount;
    this.#sumPv = this.#savedSumPv;
    this.#sumV = this.#savedSumV;
    this.#sumC = this.#savedSumC;
    this.#traded = this.#savedTraded;
    this.#value = this.#savedValue;
    this.#closes[this.#head] = this.#savedClose;
    this.#volumes[this.#head] = this.#savedVolume;
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const c = columns[0]![index]!;
    const v = columns[1]![index]!;
    const p = this.#period;
    this.#closes[this.#head] = c;
    this.#volumes[this.#head] = v;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    this.#sumPv += c * v;
    this.#sumV += v;
    this.#sumC += c;
    if (v !== 0) this.#traded++;
    if (this.#count >= p) {
      this.#value = this.#traded === 0 ? this.#sumC / p : this.#sumPv / this.#sumV;
      // After the write the oldest bar of the window sits at the head.
      const oc = this.#closes[this.#head] as number;
      const ov = this.#volumes[this.#head] as number;
      this.#sumPv -= oc * ov;
      this.#sumV -= ov;
      this.#sumC -= oc;
      if (ov !== 0) this.#traded--;
    }
    this.outputs[0] = this.#value;
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#closes.fill(0);
    this.#volumes.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#sumPv = 0;
    this.#sumV = 0;
    this.#sumC = 0;
    this.#traded = 0;
    this.#value = Number.NaN;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for VWMA. */
export const VWMA_DEFINITION: IndicatorDefinition = {
  name: 'VWMA',
  group: 'extra',
  description: 'Volume-weighted moving average: the mean of the last timeperiod closes, each weighted by its volume.',
  formula:
    'VWMA[i] = Σ close[j]·volume[j] / Σ volume[j] over j = i − timeperiod + 1 .. i (running sums, added then subtracted). ' +
    'When every volume in the window is exactly 0 the weights are taken as equal: VWMA[i] = Σ close[j] / timeperiod. ' +
    'Warm-up timeperiod − 1 bars.',
  talib: false,
  inputs: ['close', 'volume'],
  parameters: [period('timeperiod', 20, 1, 'Number of bars averaged.')],
  outputs: [{ name: 'real', type: 'real', description: 'The volume-weighted moving average.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeVwma(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new VWMAStream(p),
};
