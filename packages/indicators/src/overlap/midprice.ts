import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with (highest high + lowest low) / 2 over the `timeperiod` bars ending at
 * `i`, NaN before. The extremes are carried from bar to bar and the window rescanned only
 * when one of them leaves it.
 */
export function computeMidprice(high: Float64Array, low: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = high.length;
  const first = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  let highAt = -1;
  let lowAt = -1;
  let highest = 0;
  let lowest = 0;
  for (let i = first; i < n; i++) {
    const trailing = i - first;
    const h = high[i] as number;
    const l = low[i] as number;
    if (highAt < trailing) {
      highAt = trailing;
      highest = high[trailing] as number;
      for (let j = trailing + 1; j <= i; j++) {
        if ((high[j] as number) >= highest) {
          highest = high[j] as number;
          highAt = j;
        }
      }
    } else if (h >= highest) {
      highest = h;
      highAt = i;
    }
    if (lowAt < trailing) {
      lowAt = trailing;
      lowest = low[trailing] as number;
      for (let j = trailing + 1; j <= i; j++) {
        if ((low[j] as number) <= lowest) {
          lowest = low[j] as number;
          lowAt = j;
        }
      }
    } else if (l <= lowest) {
      lowest = l;
      lowAt = i;
    }
    out[i] = (highest + lowest) / 2;
  }
}

/**
 * Midpoint of the highest high and lowest low over a window, as TA-Lib's MIDPRICE.
 *
 * @example
 * const mid = MIDPRICE(series.high, series.low, { timeperiod: 14 });
 */
export function MIDPRICE(high: Float64Array, low: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(MIDPRICE_DEFINITION, params);
  const out = nanArray(commonLength('MIDPRICE', [high, low]));
  computeMidprice(high, low, p.timeperiod as number, out);
  return out;
}

/**
 * Streaming MIDPRICE over two ring buffers, no allocation. An update is O(1) unless the
 * highest high or lowest low leaves the window, when the window is rescanned.
 */
export class MIDPRICEStream extends StreamBase {
  readonly #period: number;
  readonly #highs: Float64Array;
  readonly #lows: Float64Array;
  #count = 0;
  #highAt = -1;
  #lowAt = -1;
  #highest = 0;
  #lowest = 0;
  #prevHighAt = -1;
  #prevLowAt = -1;
  #prevHighest = 0;
  #prevLowest = 0;
  #prevValue = Number.NaN;
  #prevHigh = 0;
  #prevLow = 0;

  constructor(params: IndicatorParams) {
    super(1, 2);
    this.#period = params.timeperiod as number;
    this.#highs = new Float64Array(this.#period);
    this.#lows = new Float64Array(this.#period);
  }

  push(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const slot = this.#count % this.#period;
    this.#prevHighAt = this.#highAt;
    this.#prevLowAt = this.#lowAt;
    this.#prevHighest = this.#highest;
    this.#prevLowest = this.#lowest;
    this.#prevValue = this.outputs[0] as number;
    this.#prevHigh = this.#highs[slot] as number;
    this.#prevLow = this.#lows[slot] as number;
    this.#step(columns, index);
  }

  revise(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#count--;
    const slot = this.#count % this.#period;
    this.#highAt = this.#prevHighAt;
    this.#lowAt = this.#prevLowAt;
    this.#highest = this.#prevHighest;
    this.#lowest = this.#prevLowest;
    this.outputs[0] = this.#prevValue;
    this.#highs[slot] = this.#prevHigh;
    this.#lows[slot] = this.#prevLow;
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const h = columns[0]![index]!;
    const l = columns[1]![index]!;
    const p = this.#period;
    const highs = this.#highs;
    const lows = this.#lows;
    const i = this.#count++;
    highs[i % p] = h;
    lows[i % p] = l;
    if (i < p - 1) return;
    const trailing = i - p + 1;
    if (this.#highAt < trailing) {
      let at = trailing;
      let highest = highs[trailing % p] as number;
      for (let j = trailing + 1; j <= i; j++) {
        const v = highs[j % p] as number;
        if (v >= highest) {
          highest = v;
          at = j;
        }
      }
      this.#highest = highest;
      this.#highAt = at;
    } else if (h >= this.#highest) {
      this.#highest = h;
      this.#highAt = i;
    }
    if (this.#lowAt < trailing) {
      let at = trailing;
      let lowest = lows[trailing % p] as number;
      for (let j = trailing + 1; j <= i; j++) {
        const v = lows[j % p] as number;
        if (v <= lowest) {
          lowest = v;
          at = j;
        }
      }
      this.#lowest = lowest;
      this.#lowAt = at;
    } else if (l <= this.#lowest) {
      this.#lowest = l;
      this.#lowAt = i;
    }
    this.outputs[0] = (this.#highest + this.#lowest) / 2;
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#highs.fill(0);
    this.#lows.fill(0);
    this.#count = 0;
    this.#highAt = -1;
    this.#lowAt = -1;
    this.#highest = 0;
    this.#lowest = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for MIDPRICE. */
export const MIDPRICE_DEFINITION: IndicatorDefinition = {
  name: 'MIDPRICE',
  group: 'overlap',
  description: 'Midpoint between the highest high and the lowest low of the last timeperiod bars.',
  talib: true,
  inputs: ['high', 'low'],
  parameters: [period('timeperiod', 14, 2, 'Number of bars in the window.')],
  outputs: [{ name: 'real', type: 'real', description: 'The midpoint price.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeMidprice(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new MIDPRICEStream(p),
};
