import { commonLength, nanArray } from '../support/arrays.js';
import { period, REAL_LIMIT, real, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { ATRStream, computeAtr } from '../volatility/atr.js';

/**
 * Fills `supertrend` and `direction` (+1 up, −1 down; NaN for the first `timeperiod` bars).
 * `supertrend` holds the ATR until each bar overwrites it, so no scratch array is needed.
 */
export function computeSupertrend(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  multiplier: number,
  supertrend: Float64Array,
  direction: Float64Array,
): void {
  const n = close.length;
  computeAtr(high, low, close, timeperiod, supertrend);
  direction.fill(Number.NaN, 0, Math.min(n, timeperiod));
  let upper = 0;
  let lower = 0;
  let dir = -1;
  for (let i = timeperiod; i < n; i++) {
    const mid = ((high[i] as number) + (low[i] as number)) / 2;
    const width = multiplier * (supertrend[i] as number);
    const basicUpper = mid + width;
    const basicLower = mid - width;
    const c = close[i] as number;
    if (i === timeperiod) {
      upper = basicUpper;
      lower = basicLower;
      dir = -1;
    } else {
      const pc = close[i - 1] as number;
      if (basicUpper < upper || pc > upper) upper = basicUpper;
      if (basicLower > lower || pc < lower) lower = basicLower;
      if (dir === 1) {
        if (c < lower) dir = -1;
      } else if (c > upper) dir = 1;
    }
    supertrend[i] = dir === 1 ? lower : upper;
    direction[i] = dir;
  }
}

/**
 * SuperTrend: a trailing ATR stop that flips between a band under and a band over the price
 * (not in TA-Lib).
 *
 * @example
 * const { supertrend, direction } = SUPERTREND(series.high, series.low, series.close, { timeperiod: 10, multiplier: 3 });
 */
export function SUPERTREND(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number; multiplier?: number } = {},
): { supertrend: Float64Array; direction: Float64Array } {
  const p = resolveParams(SUPERTREND_DEFINITION, params);
  const n = commonLength('SUPERTREND', [high, low, close]);
  const supertrend = nanArray(n);
  const direction = nanArray(n);
  computeSupertrend(high, low, close, p.timeperiod as number, p.multiplier as number, supertrend, direction);
  return { supertrend, direction };
}

/** Streaming SuperTrend: `push(high, low, close)` (line, direction); O(1), no allocation. */
export class SUPERTRENDStream extends StreamBase {
  readonly #atr: ATRStream;
  readonly #period: number;
  readonly #multiplier: number;
  #count = 0;
  #previousClose = Number.NaN;
  #upper = 0;
  #lower = 0;
  #dir = -1;
  #line = Number.NaN;
  #direction = Number.NaN;
  #savedPreviousClose = Number.NaN;
  #savedUpper = 0;
  #savedLower = 0;
  #savedDir = -1;
  #savedLine = Number.NaN;
  #savedDirection = Number.NaN;

  constructor(params: IndicatorParams) {
    super(2, 3);
    this.#period = params.timeperiod as number;
    this.#multiplier = params.multiplier as number;
    this.#atr = new ATRStream({ timeperiod: this.#period });
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#savedPreviousClose = this.#previousClose;
    this.#savedUpper = this.#upper;
    this.#savedLower = this.#lower;
    this.#savedDir = this.#dir;
    this.#savedLine = this.#line;
    this.#savedDirection = this.#direction;
    this.#atr.pushAt(columns, index);
    this.#step(columns, index);
  }

  revise(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#count--;
    this.#previousClose = this.#savedPreviousClose;
    this.#upper = this.#savedUpper;
    this.#lower = this.#savedLower;
    this.#dir = this.#savedDir;
    this.#line = this.#savedLine;
    this.#direction = this.#savedDirection;
    this.#atr.reviseAt(columns, index);
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    const t = this.#count;
    if (t >= this.#period) {
      const mid = (high + low) / 2;
      const width = this.#multiplier * (this.#atr.outputs[0] as number);
      const basicUpper = mid + width;
      const basicLower = mid - width;
      if (t === this.#period) {
        this.#upper = basicUpper;
        this.#lower = basicLower;
        this.#dir = -1;
      } else {
        const pc = this.#previousClose;
        if (basicUpper < this.#upper || pc > this.#upper) this.#upper = basicUpper;
        if (basicLower > this.#lower || pc < this.#lower) this.#lower = basicLower;
        if (this.#dir === 1) {
          if (close < this.#lower) this.#dir = -1;
        } else if (close > this.#upper) this.#dir = 1;
      }
      this.#line = this.#dir === 1 ? this.#lower : this.#upper;
      this.#direction = this.#dir;
    }
    this.#previousClose = close;
    this.#count = t + 1;
    this.outputs[0] = this.#line;
    this.outputs[1] = this.#direction;
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#atr.reset();
    this.#count = 0;
    this.#previousClose = Number.NaN;
    this.#upper = 0;
    this.#lower = 0;
    this.#dir = -1;
    this.#line = Number.NaN;
    this.#direction = Number.NaN;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for SUPERTREND. */
export const SUPERTREND_DEFINITION: IndicatorDefinition = {
  name: 'SUPERTREND',
  group: 'extra',
  description:
    'SuperTrend: an ATR trailing stop under the price in an uptrend and over it in a downtrend, flipping when crossed.',
  formula:
    'ATR = ATR(high, low, close, timeperiod) (TA-Lib’s, Wilder smoothing from the second bar); mid = (high + low) / 2; ' +
    'basic upper/lower = mid ± multiplier·ATR. Final upper[i] = basic upper[i] if it is below upper[i − 1] or close[i − 1] > upper[i − 1], else upper[i − 1]; ' +
    'final lower[i] = basic lower[i] if it is above lower[i − 1] or close[i − 1] < lower[i − 1], else lower[i − 1]. ' +
    'direction starts at −1 on the first bar with an ATR (both bands are then the basic ones), as TradingView’s built-in does; ' +
    'from up (+1) it turns −1 when close[i] < lower[i]; from down (−1) it turns +1 when close[i] > upper[i]. ' +
    'supertrend = lower when direction is +1, upper when −1. Warm-up timeperiod bars.',
  talib: false,
  inputs: ['high', 'low', 'close'],
  parameters: [
    period('timeperiod', 10, 1, 'Number of bars of the average true range.'),
    real('multiplier', 3, 0, REAL_LIMIT, 'Number of average true ranges between the median price and each band.'),
  ],
  outputs: [
    { name: 'supertrend', type: 'real', description: 'The active band: the trailing stop.' },
    { name: 'direction', type: 'integer', description: '+1 in an uptrend (line under the price), −1 in a downtrend.' },
  ],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeSupertrend(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      p.multiplier as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
    ),
  createStream: (p) => new SUPERTRENDStream(p),
};
