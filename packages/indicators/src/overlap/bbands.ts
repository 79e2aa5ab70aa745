import { nanArray } from '../support/arrays.js';
import { matype, period, REAL_LIMIT, real, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeMovingAverage, createMovingAverage, movingAverageLookback } from './moving-average.js';

/** TA-Lib reports a deviation of zero for variances below this. */
const EPSILON = 1e-14;

/**
 * Returns the number of bars before the first band. It is the moving average's lookback,
 * or timeperiod − 1 when that is longer (only MAMA, whose lookback is fixed at 32).
 */
export function bbandsLookback(timeperiod: number, type: number): number {
  return Math.max(movingAverageLookback(type, timeperiod), timeperiod - 1);
}

/**
 * Fills the three bands for `input`: `middle` is the moving average of type `type`, the
 * others add and subtract the population standard deviation of the last `timeperiod` values
 * times `nbdevup` / `nbdevdn`. The deviation's running sums start where TA-Lib starts them
 * (timeperiod − 1 bars before the first band), so results agree with it to the last bits.
 */
export function computeBbands(
  input: Float64Array,
  timeperiod: number,
  nbdevup: number,
  nbdevdn: number,
  type: number,
  upper: Float64Array,
  middle: Float64Array,
  lower: Float64Array,
): void {
  const n = input.length;
  const p = timeperiod;
  const first = bbandsLookback(p, type);
  computeMovingAverage(type, input, p, middle);
  middle.fill(Number.NaN, 0, Math.min(n, first));
  upper.fill(Number.NaN, 0, Math.min(n, first));
  lower.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let sum = 0;
  let sumSquares = 0;
  for (let i = first - p + 1; i < first; i++) {
    const x = input[i] as number;
    sum += x;
    sumSquares += x * x;
  }
  for (let i = first, trailing = first - p + 1; i < n; i++, trailing++) {
    const x = input[i] as number;
    sum += x;
    sumSquares += x * x;
    const mean = sum / p;
    const variance = sumSquares / p - mean * mean;
    const old = input[trailing] as number;
    sum -= old;
    sumSquares -= old * old;
    const deviation = variance < EPSILON ? 0 : Math.sqrt(variance);
    const mid = middle[i] as number;
    upper[i] = mid + deviation * nbdevup;
    lower[i] = mid - deviation * nbdevdn;
  }
}

/**
 * Bollinger Bands, as TA-Lib's BBANDS: returns `{ upperband, middleband, lowerband }`.
 *
 * @example
 * const { upperband, middleband, lowerband } = BBANDS(series.close, { timeperiod: 20 });
 */
export function BBANDS(
  real: Float64Array,
  params: { timeperiod?: number; nbdevup?: number; nbdevdn?: number; matype?: number } = {},
): { upperband: Float64Array; middleband: Float64Array; lowerband: Float64Array } {
  const p = resolveParams(BBANDS_DEFINITION, params);
  const upperband = nanArray(real.length);
  const middleband = nanArray(real.length);
  const lowerband = nanArray(real.length);
  computeBbands(
    real,
    p.timeperiod as number,
    p.nbdevup as number,
    p.nbdevdn as number,
    p.matype as number,
    upperband,
    middleband,
    lowerband,
  );
  return { upperband, middleband, lowerband };
}

/** Streaming Bollinger Bands: O(1) per bar (plus the moving average's own cost), no allocation. */
export class BBANDSStream extends StreamBase {
  readonly #period: number;
  readonly #up: number;
  readonly #down: number;
  readonly #first: number;
  readonly #average: StreamBase;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #sum = 0;
  #sumSquares = 0;
  #prevHead = 0;
  #prevCount = 0;
  #prevSum = 0;
  #prevSumSquares = 0;
  #prevSlot = 0;

  constructor(params: IndicatorParams) {
    super(3, 1);
    this.#period = params.timeperiod as number;
    this.#up = params.nbdevup as number;
    this.#down = params.nbdevdn as number;
    this.#first = bbandsLookback(this.#period, params.matype as number);
    this.#average = createMovingAverage(params.matype as number, this.#period);
    this.#ring = new Float64Array(this.#period);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#prevHead = this.#head;
    this.#prevCount = this.#count;
    this.#prevSum = this.#sum;
    this.#prevSumSquares = this.#sumSquares;
    this.#prevSlot = this.#ring[this.#head] as number;
    this.#average.pushAt(columns, index);
    this.#step(columns, index);
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
    this.#head = this.#prevHead;
    this.#count = this.#prevCount;
    this.#sum = this.#prevSum;
    this.#sumSquares = this.#prevSumSquares;
    this.#ring[this.#head] = this.#prevSlot;
    this.#average.reviseAt(columns, index);
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const p = this.#period;
    const out = this.outputs;
    const bar = this.#count++;
    // Before the deviation's window opens nothing changes, not even the (NaN) bands.
    if (bar < this.#first - p + 1) return;
    this.#ring[this.#head] = x;
    this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
    this.#sum += x;
    this.#sumSquares += x * x;
    if (bar < this.#first) {
      out[0] = out[1] = out[2] = Number.NaN;
      return;
    }
    const mean = this.#sum / p;
    const variance = this.#sumSquares / p - mean * mean;
    // After the write, the oldest value of the window sits at the new head.
    const old = this.#ring[this.#head] as number;
    this.#sum -= old;
    this.#sumSquares -= old * old;
    const deviation = variance < EPSILON ? 0 : Math.sqrt(variance);
    const average = this.#average.outputs[0] as number;
    out[1] = average;
    out[0] = average + deviation * this.#up;
    out[2] = average - deviation * this.#down;
  }

  get isReady(): boolean {
    return this.#count > this.#first;
  }

  reset(): void {
    this.#average.reset();
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#sum = 0;
    this.#sumSquares = 0;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for BBANDS. */
export const BBANDS_DEFINITION: IndicatorDefinition = {
  name: 'BBANDS',
  group: 'overlap',
  description: 'Bollinger Bands: a moving average with bands a multiple of the standard deviation above and below.',
  talib: true,
  inputs: ['real'],
  parameters: [
    period('timeperiod', 5, 2, 'Number of values in the average and the deviation.'),
    real('nbdevup', 2, -REAL_LIMIT, REAL_LIMIT, 'Standard deviations from the middle to the upper band.'),
    real('nbdevdn', 2, -REAL_LIMIT, REAL_LIMIT, 'Standard deviations from the middle to the lower band.'),
    matype('matype', 'Type of the middle moving average.'),
  ],
  outputs: [
    { name: 'upperband', type: 'real', description: 'Middle band plus nbdevup standard deviations.' },
    { name: 'middleband', type: 'real', description: 'The moving average.' },
    { name: 'lowerband', type: 'real', description: 'Middle band minus nbdevdn standard deviations.' },
  ],
  lookback: (p) => bbandsLookback(p.timeperiod as number, p.matype as number),
  compute: (inputs, p, outputs) =>
    computeBbands(
      inputs[0] as Float64Array,
      p.timeperiod as number,
      p.nbdevup as number,
      p.nbdevdn as number,
      p.matype as number,
      outputs[0] as Float64Array,
      outputs[1] as Float64Array,
      outputs[2] as Float64Array,
    ),
  createStream: (p) => new BBANDSStream(p),
};
