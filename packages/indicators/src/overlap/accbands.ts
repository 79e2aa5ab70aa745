import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** TA-Lib leaves a bar's high and low unwidened when their sum is this close to zero. */
const EPSILON = 1e-14;

/** Returns the bar's widening ratio 4·(high − low) / (high + low), or NaN when high + low ≈ 0. */
function widening(h: number, l: number): number {
  const total = h + l;
  return total > -EPSILON && total < EPSILON ? Number.NaN : (4 * (h - l)) / total;
}

/** Returns the widened high of a bar. */
function upperOf(h: number, l: number): number {
  const w = widening(h, l);
  return Number.isNaN(w) ? h : h * (1 + w);
}

/** Returns the widened low of a bar. */
function lowerOf(h: number, l: number): number {
  const w = widening(h, l);
  return Number.isNaN(w) ? l : l * (1 - w);
}

/**
 * Fills Headley's acceleration bands: `middle` is the SMA of `close`, `upper` the SMA of each
 * high widened by 4·(high − low)/(high + low), `lower` the SMA of each low narrowed by it; NaN
 * for the first `timeperiod − 1` bars.
 */
export function computeAccbands(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  upper: Float64Array,
  middle: Float64Array,
  lower: Float64Array,
): void {
  const n = high.length;
  const p = timeperiod;
  const first = p - 1;
  upper.fill(Number.NaN, 0, Math.min(n, first));
  middle.fill(Number.NaN, 0, Math.min(n, first));
  lower.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let sumUpper = 0;
  let sumMiddle = 0;
  let sumLower = 0;
  for (let i = 0; i < first; i++) {
    const h = high[i] as number;
    const l = low[i] as number;
    sumUpper += upperOf(h, l);
    sumMiddle += close[i] as number;
    sumLower += lowerOf(h, l);
  }
  for (let i = first, t = 0; i < n; i++, t++) {
    const h = high[i] as number;
    const l = low[i] as number;
    sumUpper += upperOf(h, l);
    sumMiddle += close[i] as number;
    sumLower += lowerOf(h, l);
    upper[i] = sumUpper / p;
    middle[i] = sumMiddle / p;
    lower[i] = sumLower / p;
    const th = high[t] as number;
    const tl = low[t] as number;
    sumUpper -= upperOf(th, tl);
    sumMiddle -= close[t] as number;
    sumLower -= lowerOf(th, tl);
  }
}

/**
 * Acceleration bands, as TA-Lib's ACCBANDS: returns `{ upperband, middleband, lowerband }`.
 *
 * @example
 * const { upperband, lowerband } = ACCBANDS(series.high, series.low, series.close, { timeperiod: 20 });
 */
export function ACCBANDS(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): { upperband: Float64Array; middleband: Float64Array; lowerband: Float64Array } {
  const p = resolveParams(ACCBANDS_DEFINITION, params);
  const n = commonLength('ACCBANDS', [high, low, close]);
  const upperband = nanArray(n);
  const middleband = nanArray(n);
  const lowerband = nanArray(n);
  computeAccbands(high, low, close, p.timeperiod as number, upperband, middleband, lowerband);
  return { upperband, middleband, lowerband };
}

/** Streaming acceleration bands: O(1) per bar over ring buffers, no allocation. */
export class ACCBANDSStream extends StreamBase {
  readonly #period: number;
  /** Per slot: widened high, close, narrowed low. */
  readonly #ring: Float64Array;
  readonly #saved = new Float64Array(3);
  #head = 0;
  #count = 0;
  readonly #sums = new Float64Array(3);
  readonly #prevSums = new Float64Array(3);
  readonly #prevValues = new Float64Array(3).fill(Number.NaN);
  #prevHead = 0;
  #prevCount = 0;

  constructor(params: IndicatorParams) {
    super(3, 3);
    this.#period = params.timeperiod as number;
    this.#ring = new Float64Array(3 * this.#period);
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const ring = this.#ring;
    const saved = this.#saved;
    const slot = 3 * this.#head;
    this.#prevHead = this.#head;
    this.#prevCount = this.#count;
    this.#prevSums.set(this.#sums);
    this.#prevValues.set(this.outputs);
    for (let k = 0; k < 3; k++) saved[k] = ring[slot + k] as number;
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
    if (this.#count > 0) {
      const ring = this.#ring;
      const saved = this.#saved;
      this.#head = this.#prevHead;
      this.#count = this.#prevCount;
      this.#sums.set(this.#prevSums);
      this.outputs.set(this.#prevValues);
      const slot = 3 * this.#head;
      for (let k = 0; k < 3; k++) ring[slot + k] = saved[k] as number;
    }
    this.pushAt(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const c = columns[2]![index]!;
    // The unary plus tells V8 these are numbers: the widened values are either the input or a
    // computed double, and merged with an untyped parameter they would be boxed.
    const h = +high;
    const l = +low;
    const p = this.#period;
    const ring = this.#ring;
    const sums = this.#sums;
    const out = this.outputs;
    const slot = 3 * this.#head;
    ring[slot] = upperOf(h, l);
    ring[slot + 1] = c;
    ring[slot + 2] = lowerOf(h, l);
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#count++;
    for (let k = 0; k < 3; k++) sums[k] = (sums[k] as number) + (ring[slot + k] as number);
    if (this.#count < p) return;
    // After the write, the oldest bar of the window sits at the new head.
    const oldest = 3 * this.#head;
    for (let k = 0; k < 3; k++) {
      out[k] = (sums[k] as number) / p;
      sums[k] = (sums[k] as number) - (ring[oldest + k] as number);
    }
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#sums.fill(0);
    this.outputs.fill(Number.NaN);
    this.#head = 0;
    this.#count = 0;
  }
}

/** Registry entry for ACCBANDS. */
export const ACCBANDS_DEFINITION: IndicatorDefinition = {
  name: 'ACCBANDS',
  group: 'overlap',
  description: "Headley's acceleration bands: averages of highs and lows widened by each bar's relative range.",
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [period('timeperiod', 20, 2, 'Number of bars averaged.')],
  outputs: [
    { name: 'upperband', type: 'real', description: 'Average of the widened highs.' },
    { name: 'middleband', type: 'real', description: 'Average of the closes.' },
    { name: 'lowerband', type: 'real', description: 'Average of the narrowed lows.' },
  ],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeAccbands(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
      outputs[2] as Float64Array,
    ),
  createStream: (p) => new ACCBANDSStream(p),
};
