import { computeMovingAverage, createMovingAverage, MovingAverageType } from '../overlap/moving-average.js';
import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams, StreamingIndicator } from '../types.js';

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

/** Streaming Hull moving average: three streaming WMAs, O(1) per bar, no allocation. */
export class HMAStream implements StreamingIndicator {
  readonly #half: StreamingIndicator;
  readonly #full: StreamingIndicator;
  readonly #smooth: StreamingIndicator;
  readonly #period: number;
  readonly #lookback: number;
  #count = 0;
  #value = Number.NaN;

  constructor(params: IndicatorParams) {
    const p = params.timeperiod as number;
    this.#period = p;
    this.#lookback = hmaLookback(p);
    this.#half = createMovingAverage(WMA, Math.floor(p / 2));
    this.#full = createMovingAverage(WMA, p);
    this.#smooth = createMovingAverage(WMA, hullSmoothing(p));
  }

  update(x: number): number {
    this.#count++;
    const raw = 2 * this.#half.update(x) - this.#full.update(x);
    return this.#finish(this.#count >= this.#period ? this.#smooth.update(raw) : Number.NaN);
  }

  replace(x: number): number {
    if (this.#count === 0) return this.update(x);
    const raw = 2 * this.#half.replace(x) - this.#full.replace(x);
    return this.#finish(this.#count >= this.#period ? this.#smooth.replace(raw) : Number.NaN);
  }

  #finish(value: number): number {
    this.#value = this.#count > this.#lookback ? value : Number.NaN;
    return this.#value;
  }

  output(index: number): number {
    return index === 0 ? this.#value : Number.NaN;
  }

  get value(): number {
    return this.#value;
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#half.reset();
    this.#full.reset();
    this.#smooth.reset();
    this.#count = 0;
    this.#value = Number.NaN;
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
