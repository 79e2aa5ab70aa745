import { commonLength, nanArray } from '../support/arrays.js';
import type { IndicatorDefinition, StreamingIndicator } from '../types.js';

/**
 * Fills the Heikin-Ashi candle of every bar. The first candle opens at the midpoint of the
 * first bar's open and close; each later one opens at the midpoint of the previous candle's
 * open and close, so the opens depend on where the series starts (an influence that halves
 * with every bar).
 */
export function computeHeikinAshi(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  haOpen: Float64Array,
  haHigh: Float64Array,
  haLow: Float64Array,
  haClose: Float64Array,
): void {
  const n = open.length;
  let o = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const bo = open[i] as number;
    const bc = close[i] as number;
    o = i === 0 ? (bo + bc) / 2 : (o + c) / 2;
    c = (bo + (high[i] as number) + (low[i] as number) + bc) / 4;
    let h = high[i] as number;
    if (o > h) h = o;
    if (c > h) h = c;
    let l = low[i] as number;
    if (o < l) l = o;
    if (c < l) l = c;
    haOpen[i] = o;
    haHigh[i] = h;
    haLow[i] = l;
    haClose[i] = c;
  }
}

/**
 * Heikin-Ashi candles (not in TA-Lib).
 *
 * @example
 * const ha = HEIKINASHI(series.open, series.high, series.low, series.close);
 * const greenCandle = ha.close[i] > ha.open[i];
 */
export function HEIKINASHI(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
): { open: Float64Array; high: Float64Array; low: Float64Array; close: Float64Array } {
  const n = commonLength('HEIKINASHI', [open, high, low, close]);
  const out = { open: nanArray(n), high: nanArray(n), low: nanArray(n), close: nanArray(n) };
  computeHeikinAshi(open, high, low, close, out.open, out.high, out.low, out.close);
  return out;
}

/** Streaming Heikin-Ashi: `update(open, high, low, close)` returns the candle's open; O(1), no allocation. */
export class HEIKINASHIStream implements StreamingIndicator {
  #count = 0;
  #open = Number.NaN;
  #high = Number.NaN;
  #low = Number.NaN;
  #close = Number.NaN;
  #savedOpen = Number.NaN;
  #savedClose = Number.NaN;

  update(open: number, high = Number.NaN, low = Number.NaN, close = Number.NaN): number {
    this.#savedOpen = this.#open;
    this.#savedClose = this.#close;
    return this.#step(open, high, low, close);
  }

  replace(open: number, high = Number.NaN, low = Number.NaN, close = Number.NaN): number {
    if (this.#count === 0) return this.update(open, high, low, close);
    this.#count--;
    this.#open = this.#savedOpen;
    this.#close = this.#savedClose;
    return this.#step(open, high, low, close);
  }

  #step(open: number, high: number, low: number, close: number): number {
    const o = this.#count === 0 ? (open + close) / 2 : (this.#open + this.#close) / 2;
    const c = (open + high + low + close) / 4;
    let h = high;
    if (o > h) h = o;
    if (c > h) h = c;
    let l = low;
    if (o < l) l = o;
    if (c < l) l = c;
    this.#open = o;
    this.#high = h;
    this.#low = l;
    this.#close = c;
    this.#count++;
    return o;
  }

  output(index: number): number {
    switch (index) {
      case 0:
        return this.#open;
      case 1:
        return this.#high;
      case 2:
        return this.#low;
      case 3:
        return this.#close;
      default:
        return Number.NaN;
    }
  }

  get value(): number {
    return this.#open;
  }

  get isReady(): boolean {
    return this.#count > 0;
  }

  reset(): void {
    this.#count = 0;
    this.#open = this.#high = this.#low = this.#close = Number.NaN;
  }
}

/** Registry entry for HEIKINASHI. */
export const HEIKINASHI_DEFINITION: IndicatorDefinition = {
  name: 'HEIKINASHI',
  group: 'extra',
  description: 'Heikin-Ashi candles: bars smoothed by averaging, whose opens carry the previous candle forward.',
  formula:
    'close = (open + high + low + close) / 4; open[0] = (open[0] + close[0]) / 2 of the real bar, ' +
    'open[i] = (HA open[i − 1] + HA close[i − 1]) / 2 afterwards; high = max(high, HA open, HA close); low = min(low, HA open, HA close). ' +
    'No warm-up, but the opens remember the first bar (its weight halves every bar), so a series started later differs for a few bars.',
  talib: false,
  inputs: ['open', 'high', 'low', 'close'],
  parameters: [],
  outputs: [
    { name: 'open', type: 'real', description: 'Heikin-Ashi open.' },
    { name: 'high', type: 'real', description: 'Heikin-Ashi high.' },
    { name: 'low', type: 'real', description: 'Heikin-Ashi low.' },
    { name: 'close', type: 'real', description: 'Heikin-Ashi close.' },
  ],
  lookback: () => 0,
  compute: (inputs, _p, outputs) =>
    computeHeikinAshi(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      inputs[3] as Float64Array,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
      outputs[2] as Float64Array,
      outputs[3] as Float64Array,
    ),
  createStream: () => new HEIKINASHIStream(),
};
