import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams, StreamingIndicator } from '../types.js';
import { WindowExtreme } from './window-extreme.js';

/**
 * Runs the Aroon scan over windows of `timeperiod + 1` bars: the bar of the highest high and
 * of the lowest low (the latest one on ties, as TA-Lib), rescanned only when it leaves the
 * window. Writes aroondown and aroonup, or — when `aroonup` is undefined — the oscillator
 * (up − down) into `first`.
 */
export function computeAroonScan(
  high: Float64Array,
  low: Float64Array,
  timeperiod: number,
  first: Float64Array,
  aroonup: Float64Array | undefined,
): void {
  const n = high.length;
  const p = timeperiod;
  first.fill(Number.NaN, 0, Math.min(n, p));
  aroonup?.fill(Number.NaN, 0, Math.min(n, p));
  const factor = 100 / p;
  let highest = 0;
  let lowest = 0;
  let highestAt = -1;
  let lowestAt = -1;
  for (let i = p; i < n; i++) {
    const oldest = i - p;
    if (lowestAt < oldest) {
      lowestAt = oldest;
      lowest = low[oldest];
      for (let j = oldest + 1; j <= i; j++) {
        if (low[j] <= lowest) {
          lowest = low[j];
          lowestAt = j;
        }
      }
    } else if (low[i] <= lowest) {
      lowest = low[i];
      lowestAt = i;
    }
    if (highestAt < oldest) {
      highestAt = oldest;
      highest = high[oldest];
      for (let j = oldest + 1; j <= i; j++) {
        if (high[j] >= highest) {
          highest = high[j];
          highestAt = j;
        }
      }
    } else if (high[i] >= highest) {
      highest = high[i];
      highestAt = i;
    }
    if (aroonup === undefined) {
      first[i] = factor * (highestAt - lowestAt);
    } else {
      aroonup[i] = factor * (p - (i - highestAt));
      first[i] = factor * (p - (i - lowestAt));
    }
  }
}

/**
 * Aroon: how recently, within the last `timeperiod` bars, the high peaked (aroonup) and the
 * low bottomed (aroondown), from 0 to 100, as TA-Lib's AROON.
 *
 * @example
 * const { aroondown, aroonup } = AROON(series.high, series.low, { timeperiod: 14 });
 */
export function AROON(
  high: Float64Array,
  low: Float64Array,
  params: { timeperiod?: number } = {},
): { aroondown: Float64Array; aroonup: Float64Array } {
  const p = resolveParams(AROON_DEFINITION, params);
  const n = commonLength('AROON', [high, low]);
  const aroondown = nanArray(n);
  const aroonup = nanArray(n);
  computeAroonScan(high, low, p.timeperiod as number, aroondown, aroonup);
  return { aroondown, aroonup };
}

/**
 * Streaming Aroon: `update(high, low)` returns aroondown, `output(1)` is aroonup (or, with
 * `oscillator`, the single output up − down). O(1) amortised with monotonic deques.
 */
export class AROONStream implements StreamingIndicator {
  readonly #period: number;
  readonly #factor: number;
  readonly #oscillator: boolean;
  readonly #highs: WindowExtreme;
  readonly #lows: WindowExtreme;
  #count = 0;
  #first = Number.NaN;
  #up = Number.NaN;
  #savedFirst = Number.NaN;
  #savedUp = Number.NaN;

  constructor(params: IndicatorParams, oscillator = false) {
    const p = params.timeperiod as number;
    this.#period = p;
    this.#factor = 100 / p;
    this.#oscillator = oscillator;
    this.#highs = new WindowExtreme(p + 1, true);
    this.#lows = new WindowExtreme(p + 1, false);
  }

  update(high: number, low = Number.NaN): number {
    this.#savedFirst = this.#first;
    this.#savedUp = this.#up;
    const t = this.#count;
    this.#highs.push(t, high);
    this.#lows.push(t, low);
    if (t >= this.#period) {
      const highestAt = this.#highs.position;
      const lowestAt = this.#lows.position;
      if (this.#oscillator) {
        this.#first = this.#factor * (highestAt - lowestAt);
      } else {
        this.#up = this.#factor * (this.#period - (t - highestAt));
        this.#first = this.#factor * (this.#period - (t - lowestAt));
      }
    }
    this.#count = t + 1;
    return this.#first;
  }

  replace(high: number, low = Number.NaN): number {
    if (this.#count === 0) return this.update(high, low);
    this.#highs.undo();
    this.#lows.undo();
    this.#count--;
    this.#first = this.#savedFirst;
    this.#up = this.#savedUp;
    return this.update(high, low);
  }

  output(index: number): number {
    if (index === 0) return this.#first;
    return index === 1 && !this.#oscillator ? this.#up : Number.NaN;
  }

  get value(): number {
    return this.#first;
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#highs.clear();
    this.#lows.clear();
    this.#count = 0;
    this.#first = Number.NaN;
    this.#up = Number.NaN;
  }
}

/** Registry entry for AROON. */
export const AROON_DEFINITION: IndicatorDefinition = {
  name: 'AROON',
  group: 'momentum',
  description:
    'Aroon: how many bars ago, within the window, the highest high and the lowest low occurred, scaled 0 to 100.',
  talib: true,
  inputs: ['high', 'low'],
  parameters: [period('timeperiod', 14, 2, 'Number of bars looked back.')],
  outputs: [
    {
      name: 'aroondown',
      type: 'real',
      description: '100 when the low of the window is the current bar, 0 when it is timeperiod bars ago.',
    },
    {
      name: 'aroonup',
      type: 'real',
      description: '100 when the high of the window is the current bar, 0 when it is timeperiod bars ago.',
    },
  ],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeAroonScan(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
    ),
  createStream: (p) => new AROONStream(p),
};
