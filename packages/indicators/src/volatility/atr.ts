import { isNearZero, TALIB_EPSILON } from '../momentum/near-zero.js';
import { commonLength, nanArray } from '../support/arrays.js';
import { blockEnd } from '../support/blocks.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { trueRange } from './true-range.js';

/**
 * Fills `out` with the average true range (Wilder's smoothing, seeded with the plain mean
 * of the first `timeperiod` true ranges), or with it as a percentage of the close when
 * `normalized` (NATR). A period of 1 gives the true range itself, in both cases, as TA-Lib does.
 */
export function computeAtr(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  out: Float64Array,
  normalized = false,
): void {
  const n = high.length;
  out.fill(Number.NaN, 0, Math.min(n, timeperiod));
  if (timeperiod >= n) return;
  if (timeperiod === 1) {
    for (let i = 1; i < n; i++) out[i] = trueRange(high[i], low[i], close[i - 1]);
    return;
  }
  let atr = 0;
  for (let i = 1; i <= timeperiod; i++) atr += trueRange(high[i], low[i], close[i - 1]);
  atr /= timeperiod;
  out[timeperiod] = normalized ? percentOfClose(atr, close[timeperiod]) : atr;
  // The smoothing runs in blocks (see BLOCK_BARS), the average carried between them.
  const state = Float64Array.of(atr);
  const start = timeperiod + 1;
  for (let from = start, to = start; from < n; from = to) {
    to = blockEnd(from, start, n);
    if (normalized) natrBlock(high, low, close, timeperiod, out, state, from, to);
    else atrBlock(high, low, close, timeperiod, out, state, from, to);
  }
}

// Wilder's smoothing of the true range, written out as trueRange computes it so that no
// double crosses a call.
function atrBlock(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  p: number,
  out: Float64Array,
  state: Float64Array,
  from: number,
  to: number,
): void {
  const keep = p - 1;
  let atr = state[0] as number;
  for (let i = from; i < to; i++) {
    const h = high[i] as number;
    const l = low[i] as number;
    const previousClose = close[i - 1] as number;
    let tr = h - l;
    const fromHigh = Math.abs(previousClose - h);
    if (fromHigh > tr) tr = fromHigh;
    const fromLow = Math.abs(previousClose - l);
    if (fromLow > tr) tr = fromLow;
    atr = (atr * keep + tr) / p;
    out[i] = atr;
  }
  state[0] = atr;
}

// The same, as a percentage of the close (NATR), with percentOfClose's guard written out.
function natrBlock(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  p: number,
  out: Float64Array,
  state: Float64Array,
  from: number,
  to: number,
): void {
  const keep = p - 1;
  const eps = +TALIB_EPSILON;
  let atr = state[0] as number;
  for (let i = from; i < to; i++) {
    const h = high[i] as number;
    const l = low[i] as number;
    const previousClose = close[i - 1] as number;
    let tr = h - l;
    const fromHigh = Math.abs(previousClose - h);
    if (fromHigh > tr) tr = fromHigh;
    const fromLow = Math.abs(previousClose - l);
    if (fromLow > tr) tr = fromLow;
    atr = (atr * keep + tr) / p;
    const c = close[i] as number;
    if (-eps < c && c < eps) out[i] = 0;
    else out[i] = (atr / c) * 100;
  }
  state[0] = atr;
}

function percentOfClose(atr: number, close: number): number {
  return isNearZero(close) ? 0 : (atr / close) * 100;
}

/**
 * Average true range, as TA-Lib's ATR.
 *
 * @example
 * const atr = ATR(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function ATR(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(ATR_DEFINITION, params);
  const out = nanArray(commonLength('ATR', [high, low, close]));
  computeAtr(high, low, close, p.timeperiod as number, out);
  return out;
}

/** Streaming average true range: `push(high, low, close)`, O(1), no allocation. */
export class ATRStream extends StreamBase {
  readonly #period: number;
  readonly #normalized: boolean;
  #count = 0;
  #previousClose = Number.NaN;
  // The running sum of true ranges during the warm-up, the smoothed average after it.
  #average = 0;
  #savedCount = 0;
  #savedPreviousClose = Number.NaN;
  #savedAverage = 0;
  #savedValue = Number.NaN;

  constructor(params: IndicatorParams, normalized = false) {
    super(1, 3);
    this.#period = params.timeperiod as number;
    this.#normalized = normalized;
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    this.#savedCount = this.#count;
    this.#savedPreviousClose = this.#previousClose;
    this.#savedAverage = this.#average;
    this.#savedValue = this.outputs[0];
    const t = this.#count;
    const p = this.#period;
    if (t > 0) {
      // trueRange and percentOfClose written out, and separate stores rather than
      // conditional expressions: no double crosses a call or sits in a mixed variable.
      const previousClose = this.#previousClose;
      let tr = high - low;
      const fromHigh = Math.abs(previousClose - high);
      if (fromHigh > tr) tr = fromHigh;
      const fromLow = Math.abs(previousClose - low);
      if (fromLow > tr) tr = fromLow;
      if (p === 1) {
        this.outputs[0] = tr;
      } else if (t < p) {
        this.#average += tr;
      } else {
        if (t === p) this.#average = (this.#average + tr) / p;
        else this.#average = (this.#average * (p - 1) + tr) / p;
        const average = this.#average;
        if (!this.#normalized) this.outputs[0] = average;
        else if (-TALIB_EPSILON < close && close < TALIB_EPSILON) this.outputs[0] = 0;
        else this.outputs[0] = (average / close) * 100;
      }
    }
    this.#previousClose = close;
    this.#count = t + 1;
  }

  revise(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#count = this.#savedCount;
      this.#previousClose = this.#savedPreviousClose;
      this.#average = this.#savedAverage;
      this.outputs[0] = this.#savedValue;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#count = 0;
    this.#previousClose = Number.NaN;
    this.#average = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for ATR. */
export const ATR_DEFINITION: IndicatorDefinition = {
  name: 'ATR',
  group: 'volatility',
  description: "Average true range: Wilder's smoothed mean of the true range over timeperiod bars.",
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [period('timeperiod', 14, 1, 'Number of bars smoothed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The average true range.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeAtr(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new ATRStream(p),
};
