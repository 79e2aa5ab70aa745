import { commonLength, nanArray } from '../support/arrays.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition } from '../types.js';

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

/** Streaming Heikin-Ashi: `push(open, high, low, close)` (the candle's open, high, low, close); O(1), no allocation. */
export class HEIKINASHIStream extends StreamBase {
  #count = 0;
  #savedOpen = Number.NaN;
  #savedClose = Number.NaN;

  constructor() {
    super(4, 4);
  }

  push(open: number, high = Number.NaN, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = open;
    bar[1]![0] = high;
    bar[2]![0] = low;
    bar[3]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const open = columns[0]![index]!;
    const high = columns[1]![index]!;
    const low = columns[2]![index]!;
    const close = columns[3]![index]!;
    this.#savedOpen = this.outputs[0] as number;
    this.#savedClose = this.outputs[3] as number;
    this.#step(open, high, low, close, this.#savedOpen, this.#savedClose);
  }

  revise(open: number, high = Number.NaN, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = open;
    bar[1]![0] = high;
    bar[2]![0] = low;
    bar[3]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    const open = columns[0]![index]!;
    const high = columns[1]![index]!;
    const low = columns[2]![index]!;
    const close = columns[3]![index]!;
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#count--;
    this.#step(open, high, low, close, this.#savedOpen, this.#savedClose);
  }

  #step(open: number, high: number, low: number, close: number, prevOpen: number, prevClose: number): void {
    const o = this.#count === 0 ? (open + close) / 2 : (prevOpen + prevClose) / 2;
    const c = (open + high + low + close) / 4;
    const outputs = this.outputs;
    outputs[0] = o;
    outputs[3] = c;
    // The extremes widen in place in `outputs`: a local starting from the argument `high` and
    // then taking `o` would merge a tagged value with a raw double, and V8 boxes the double.
    outputs[1] = high;
    if (o > (outputs[1] as number)) outputs[1] = o;
    if (c > (outputs[1] as number)) outputs[1] = c;
    outputs[2] = low;
    if (o < (outputs[2] as number)) outputs[2] = o;
    if (c < (outputs[2] as number)) outputs[2] = c;
    this.#count++;
  }

  get isReady(): boolean {
    return this.#count > 0;
  }

  reset(): void {
    this.#count = 0;
    this.outputs.fill(Number.NaN);
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
