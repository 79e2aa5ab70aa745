import { computeMovingAverage, createMovingAverage, MovingAverageType } from '../overlap/moving-average.js';
import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

const WMA = MovingAverageType.WMA;

/** Returns the period of the final smoothing of a Hull average over `timeperiod` bars: ⌊√timeperiod⌋. */
export function hullSmoothing(timeperiod: number): number {
  return Math.floor(Math.sqrt(timeperiod));
}

/** Returns the number of leading bars without a Hull average. */
export function hmaLookback(timeperiod: number): number {
  return timeperiod - 1 + hullSmoothing(timeperiod) - 1;
}

/**
 * Fills `out` with the Hull moving average of `input` over `timeperiod` bars (NaN during the
 * warm-up). Allocates one scratch array per call.
 */
export function computeHma(input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  const first = timeperiod - 1;
  if (first >= n) {
    out.fill(Number.NaN);
    return;
  }
  const raw = new Float64Array(n);
  computeMovingAverage(WMA, input, Math.floor(timeperiod / 2), raw);
  computeMovingAverage(WMA, input, timeperiod, out);
  for (let i = first; i < n; i++) raw[i] = 2 * (raw[i] as number) - (out[i] as number);
  computeMovingAverage(WMA, raw, hullSmoothing(timeperiod), out, first);
}

/**
 * Hull moving average: a weighted average of twice the half-period WMA less the full-period
 * WMA, which lags far less than either (not in TA-Lib).
 *
 * @example
 * const hma = HMA(series.close, { timeperiod: 9 });
 */
export function HMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(HMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeHma(real, p.timeperiod as number, out);
  return out;
}

/**
 * Streaming Hull moving average: O(1) per bar, no allocation. The two WMAs of the input are
 * sub-streams; the final WMA over the blended series runs here, because handing it a computed
 * double through a call V8 does not inline (three WMAs exceed its inlining budget) would box
 * the double on every bar.
 */
export class HMAStream extends StreamBase {
  readonly #half: StreamBase;
  readonly #full: StreamBase;
  readonly #period: number;
  readonly #lookback: number;
  readonly #smoothing: number;
  readonly #divider: number;
  /** The last `smoothing` blended values, for the final WMA. */
  readonly #ring: Float64Array;
  #count = 0;
  /** The current bar's blend 2·WMA(half) − WMA(full), passed to `#smooth` through a field. */
  #blend = 0;
  #smoothed = Number.NaN;
  #head = 0;
  #seen = 0;
  #plain = 0;
  #weighted = 0;
  // Final-WMA state before the last push, so that `revise` can undo it.
  #prevHead = 0;
  #prevSeen = 0;
  #prevPlain = 0;
  #prevWeighted = 0;
  #prevSmoothed = Number.NaN;
  #prevSlot = 0;

  constructor(params: IndicatorParams) {
    super(1, 1);
    const p = params.timeperiod as number;
    this.#period = p;
    this.#lookback = hmaLookback(p);
    this.#half = createMovingAverage(WMA, Math.floor(p / 2));
    this.#full = createMovingAverage(WMA, p);
    this.#smoothing = hullSmoothing(p);
    this.#divider = (this.#smoothing * (this.#smoothing + 1)) / 2;
    this.#ring = new Float64Array(this.#smoothing);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#count++;
    this.#half.pushAt(columns, index);
    this.#full.pushAt(columns, index);
    if (this.#count >= this.#period) {
      this.#prevHead = this.#head;
      this.#prevSeen = this.#seen;
      this.#prevPlain = this.#plain;
      this.#prevWeighted = this.#weighted;
      this.#prevSmoothed = this.#smoothed;
      this.#prevSlot = this.#ring[this.#head] as number;
      this.#blend = 2 * (this.#half.outputs[0] as number) - (this.#full.outputs[0] as number);
      this.#smooth();
    }
    this.#finish();
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#half.reviseAt(columns, index);
    this.#full.reviseAt(columns, index);
    if (this.#count >= this.#period) {
      this.#head = this.#prevHead;
      this.#seen = this.#prevSeen;
      this.#plain = this.#prevPlain;
      this.#weighted = this.#prevWeighted;
      this.#smoothed = this.#prevSmoothed;
      this.#ring[this.#head] = this.#prevSlot;
      this.#blend = 2 * (this.#half.outputs[0] as number) - (this.#full.outputs[0] as number);
      this.#smooth();
    }
    this.#finish();
  }

  /** Feeds `#blend` to the final WMA, in the operations and order of the batch WMA kernel. */
  #smooth(): void {
    const v = this.#blend;
    const s = this.#smoothing;
    if (s === 1) {
      // A moving average over one bar is the value itself, as in batch.
      this.#smoothed = v;
      return;
    }
    // The slot about to be overwritten holds the value leaving the window (0 before the first).
    const leaving = this.#ring[this.#head] as number;
    this.#ring[this.#head] = v;
    this.#head = this.#head + 1 === s ? 0 : this.#head + 1;
    this.#seen++;
    this.#plain += v;
    if (this.#seen < s) {
      this.#weighted += v * this.#seen;
      return;
    }
    this.#plain -= leaving;
    this.#weighted += v * s;
    this.#smoothed = this.#weighted / this.#divider;
    this.#weighted -= this.#plain;
  }

  #finish(): void {
    // Separate stores rather than one conditional expression, which can leave V8 boxing the value.
    if (this.#count > this.#lookback) this.outputs[0] = this.#smoothed;
    else this.outputs[0] = Number.NaN;
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#half.reset();
    this.#full.reset();
    this.#ring.fill(0);
    this.#count = 0;
    this.#blend = 0;
    this.#smoothed = Number.NaN;
    this.#head = 0;
    this.#seen = 0;
    this.#plain = 0;
    this.#weighted = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for HMA. */
export const HMA_DEFINITION: IndicatorDefinition = {
  name: 'HMA',
  group: 'extra',
  description: 'Hull moving average: a WMA of twice the half-period WMA minus the full-period WMA.',
  formula:
    'HMA = WMA(2·WMA(real, ⌊timeperiod / 2⌋) − WMA(real, timeperiod), ⌊√timeperiod⌋), with TA-Lib’s WMA (weights 1 … p, newest heaviest) ' +
    'and a WMA over one bar being the value itself. Both halves are rounded down. ' +
    'Warm-up (timeperiod − 1) + (⌊√timeperiod⌋ − 1) bars.',
  talib: false,
  inputs: ['real'],
  parameters: [period('timeperiod', 9, 2, 'Number of bars of the full-period WMA.')],
  outputs: [{ name: 'real', type: 'real', description: 'The Hull moving average.' }],
  lookback: (p) => hmaLookback(p.timeperiod as number),
  compute: (inputs, p, outputs) =>
    computeHma(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new HMAStream(p),
};
