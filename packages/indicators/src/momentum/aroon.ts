import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
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
 * Streaming Aroon: `push(high, low)` writes aroondown to `outputs[0]` and aroonup to
 * `outputs[1]` (or, with `oscillator`, the single output up − down). O(1) amortised with
 * monotonic deques.
 */
export class AROONStream extends StreamBase {
  readonly #period: number;
  readonly #factor: number;
  readonly #oscillator: boolean;
  readonly #highs: WindowExtreme;
  readonly #lows: WindowExtreme;
  #count = 0;
  #savedFirst = Number.NaN;
  #savedUp = Number.NaN;

  constructor(params: IndicatorParams, oscillator = false) {
    super(oscillator ? 1 : 2, 2);
    const p = params.timeperiod as number;
    this.#period = p;
    this.#factor = 100 / p;
    this.#oscillator = oscillator;
    this.#highs = new WindowExtreme(p + 1, true);
    this.#lows = new WindowExtreme(p + 1, false);
  }

  push(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const out = this.outputs;
    this.#savedFirst = out[0];
    const t = this.#count;
    this.#highs.push(t, columns[0]!, index);
    this.#lows.push(t, columns[1]!, index);
    if (this.#oscillator) {
      if (t >= this.#period) out[0] = this.#factor * (this.#highs.position - this.#lows.position);
    } else {
      this.#savedUp = out[1];
      if (t >= this.#period) {
        out[1] = this.#factor * (this.#period - (t - this.#highs.position));
        out[0] = this.#factor * (this.#period - (t - this.#lows.position));
      }
    }
    this.#count = t + 1;
  }

  revise(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#highs.undo();
      this.#lows.undo();
      this.#count--;
      this.outputs[0] = this.#savedFirst;
      if (!this.#oscillator) this.outputs[1] = this.#savedUp;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#highs.clear();
    this.#lows.clear();
    this.#count = 0;
    this.outputs.fill(Number.NaN);
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
