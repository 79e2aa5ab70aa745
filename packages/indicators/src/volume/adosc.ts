import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { moneyFlow } from './ad.js';

/** Returns TA-Lib's lookback of ADOSC: that of an EMA of the slower period. */
export function adoscLookback(fastperiod: number, slowperiod: number): number {
  return Math.max(fastperiod, slowperiod) - 1;
}

/**
 * Fills `out` with the Chaikin oscillator: a fast EMA minus a slow EMA of the
 * accumulation/distribution line. Both EMAs start from the first AD value (TA-Lib's seeding
 * for this function, unlike its EMA, which starts from a mean).
 */
export function computeAdosc(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  fastperiod: number,
  slowperiod: number,
  out: Float64Array,
): void {
  const n = high.length;
  const lookback = adoscLookback(fastperiod, slowperiod);
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  if (n === 0) return;
  const fastK = 2 / (fastperiod + 1);
  const fastKeep = 1 - fastK;
  const slowK = 2 / (slowperiod + 1);
  const slowKeep = 1 - slowK;
  let ad = 0;
  let range = high[0] - low[0];
  if (range > 0) ad += ((close[0] - low[0] - (high[0] - close[0])) / range) * volume[0];
  let fast = ad;
  let slow = ad;
  if (lookback === 0) out[0] = fast - slow;
  for (let i = 1; i < n; i++) {
    const h = high[i];
    const l = low[i];
    range = h - l;
    if (range > 0) {
      const c = close[i];
      ad += ((c - l - (h - c)) / range) * volume[i];
    }
    fast = fastK * ad + fastKeep * fast;
    slow = slowK * ad + slowKeep * slow;
    if (i >= lookback) out[i] = fast - slow;
  }
}

/**
 * Chaikin A/D oscillator, as TA-Lib's ADOSC.
 *
 * @example
 * const adosc = ADOSC(series.high, series.low, series.close, series.volume, { fastperiod: 3, slowperiod: 10 });
 */
export function ADOSC(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  params: { fastperiod?: number; slowperiod?: number } = {},
): Float64Array {
  const p = resolveParams(ADOSC_DEFINITION, params);
  const out = nanArray(commonLength('ADOSC', [high, low, close, volume]));
  computeAdosc(high, low, close, volume, p.fastperiod as number, p.slowperiod as number, out);
  return out;
}

/** Streaming Chaikin A/D oscillator: `push(high, low, close, volume)`, O(1), no allocation. */
export class ADOSCStream extends StreamBase {
  readonly #lookback: number;
  readonly #fastK: number;
  readonly #fastKeep: number;
  readonly #slowK: number;
  readonly #slowKeep: number;
  #count = 0;
  #ad = 0;
  #fast = 0;
  #slow = 0;
  readonly #saved = new Float64Array(5);

  constructor(params: IndicatorParams) {
    super(1, 4);
    const fastperiod = params.fastperiod as number;
    const slowperiod = params.slowperiod as number;
    this.#lookback = adoscLookback(fastperiod, slowperiod);
    this.#fastK = 2 / (fastperiod + 1);
    this.#fastKeep = 1 - this.#fastK;
    this.#slowK = 2 / (slowperiod + 1);
    this.#slowKeep = 1 - this.#slowK;
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
    const s = this.#saved;
    s[0] = this.#count;
    s[1] = this.#ad;
    s[2] = this.#fast;
    s[3] = this.#slow;
    s[4] = this.outputs[0];
    if (high - low > 0) this.#ad += moneyFlow(high, low, close, volume);
    if (this.#count === 0) {
      this.#fast = this.#ad;
      this.#slow = this.#ad;
    } else {
      this.#fast = this.#fastK * this.#ad + this.#fastKeep * this.#fast;
      this.#slow = this.#slowK * this.#ad + this.#slowKeep * this.#slow;
    }
    if (this.#count >= this.#lookback) this.outputs[0] = this.#fast - this.#slow;
    this.#count++;
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
      this.#ad = s[1];
      this.#fast = s[2];
      this.#slow = s[3];
      this.outputs[0] = s[4];
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#count = 0;
    this.#ad = 0;
    this.#fast = 0;
    this.#slow = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for ADOSC. */
export const ADOSC_DEFINITION: IndicatorDefinition = {
  name: 'ADOSC',
  group: 'volume',
  description: 'Chaikin A/D oscillator: a fast minus a slow exponential average of the accumulation/distribution line.',
  talib: true,
  inputs: ['high', 'low', 'close', 'volume'],
  parameters: [
    period('fastperiod', 3, 2, 'Period of the fast exponential average.'),
    period('slowperiod', 10, 2, 'Period of the slow exponential average.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The oscillator.' }],
  lookback: (p) => adoscLookback(p.fastperiod as number, p.slowperiod as number),
  compute: (inputs, p, outputs) =>
    computeAdosc(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      inputs[3] as Float64Array,
      p.fastperiod as number,
      p.slowperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new ADOSCStream(p),
};
