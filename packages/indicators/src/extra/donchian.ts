import { RollingExtreme } from '../math/rolling-extreme.js';
import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeWindowHighLow } from './window-high-low.js';

/**
 * Fills `upper[i]` with the highest high and `lower[i]` with the lowest low of the
 * `timeperiod` bars ending at `i` (bar `i` included), and `middle[i]` with their midpoint;
 * NaN for the first `timeperiod − 1` bars.
 */
export function computeDonchian(
  high: Float64Array,
  low: Float64Array,
  timeperiod: number,
  upper: Float64Array,
  middle: Float64Array,
  lower: Float64Array,
): void {
  const n = high.length;
  const stop = Math.min(n, timeperiod - 1);
  upper.fill(Number.NaN, 0, stop);
  middle.fill(Number.NaN, 0, stop);
  lower.fill(Number.NaN, 0, stop);
  computeWindowHighLow(high, low, timeperiod, upper, lower);
  for (let i = timeperiod - 1; i < n; i++) middle[i] = ((upper[i] as number) + (lower[i] as number)) / 2;
}

/**
 * Donchian channels: the highest high and lowest low of the last `timeperiod` bars and
 * their midpoint (not in TA-Lib).
 *
 * @example
 * const { upperband, middleband, lowerband } = DONCHIAN(series.high, series.low, { timeperiod: 20 });
 */
export function DONCHIAN(
  high: Float64Array,
  low: Float64Array,
  params: { timeperiod?: number } = {},
): { upperband: Float64Array; middleband: Float64Array; lowerband: Float64Array } {
  const p = resolveParams(DONCHIAN_DEFINITION, params);
  const n = commonLength('DONCHIAN', [high, low]);
  const upperband = nanArray(n);
  const middleband = nanArray(n);
  const lowerband = nanArray(n);
  computeDonchian(high, low, p.timeperiod as number, upperband, middleband, lowerband);
  return { upperband, middleband, lowerband };
}

/** Streaming Donchian channels: `push(high, low)`; amortised O(1), no allocation. */
export class DONCHIANStream extends StreamBase {
  readonly #highest: RollingExtreme;
  readonly #lowest: RollingExtreme;

  constructor(params: IndicatorParams) {
    super(3, 2);
    this.#highest = new RollingExtreme(params.timeperiod as number, true);
    this.#lowest = new RollingExtreme(params.timeperiod as number, false);
  }

  push(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#highest.push(columns[0]!, index);
    this.#lowest.push(columns[1]!, index);
    this.#bands();
  }

  revise(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#highest.count > 0) {
      this.#highest.undo();
      this.#lowest.undo();
    }
    this.pushAt(columns, index);
  }

  #bands(): void {
    const outputs = this.outputs;
    if (this.#highest.isReady) {
      const upper = this.#highest.extreme;
      const lower = this.#lowest.extreme;
      outputs[0] = upper;
      outputs[1] = (upper + lower) / 2;
      outputs[2] = lower;
    } else {
      outputs.fill(Number.NaN);
    }
  }

  get isReady(): boolean {
    return this.#highest.isReady;
  }

  reset(): void {
    this.#highest.reset();
    this.#lowest.reset();
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for DONCHIAN. */
export const DONCHIAN_DEFINITION: IndicatorDefinition = {
  name: 'DONCHIAN',
  group: 'extra',
  description: 'Donchian channels: the highest high, the lowest low and their midpoint over the last timeperiod bars.',
  formula:
    'upperband[i] = max(high[i − timeperiod + 1 .. i]); lowerband[i] = min(low[i − timeperiod + 1 .. i]); ' +
    'middleband[i] = (upperband[i] + lowerband[i]) / 2. The window includes the current bar, so a breakout test compares ' +
    'close[i] with upperband[i − 1]. Warm-up timeperiod − 1 bars.',
  talib: false,
  inputs: ['high', 'low'],
  parameters: [period('timeperiod', 20, 1, 'Number of bars in the window.')],
  outputs: [
    { name: 'upperband', type: 'real', description: 'The highest high of the window.' },
    { name: 'middleband', type: 'real', description: 'The midpoint of the two outer bands.' },
    { name: 'lowerband', type: 'real', description: 'The lowest low of the window.' },
  ],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeDonchian(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
      outputs[2] as Float64Array,
    ),
  createStream: (p) => new DONCHIANStream(p),
};
