import { SMAStream } from '../overlap/sma.js';
import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** Returns the number of leading bars without an awesome-oscillator value. */
export function aoLookback(fastperiod: number, slowperiod: number): number {
  return Math.max(fastperiod, slowperiod) - 1;
}

/**
 * Fills `out[i]` with the simple mean of the median price (high + low) / 2 over `fastperiod`
 * bars minus that over `slowperiod` bars. Both means are running sums updated in the order of
 * {@link SMAStream}, so the batch and the stream agree to the bit.
 */
export function computeAo(
  high: Float64Array,
  low: Float64Array,
  fastperiod: number,
  slowperiod: number,
  out: Float64Array,
): void {
  const n = high.length;
  const first = aoLookback(fastperiod, slowperiod);
  out.fill(Number.NaN, 0, Math.min(n, first));
  let sumFast = 0;
  let sumSlow = 0;
  let fast = 0;
  let slow = 0;
  for (let i = 0; i < n; i++) {
    const m = ((high[i] as number) + (low[i] as number)) / 2;
    sumFast += m;
    sumSlow += m;
    if (i >= fastperiod - 1) {
      fast = sumFast / fastperiod;
      const j = i - fastperiod + 1;
      sumFast -= ((high[j] as number) + (low[j] as number)) / 2;
    }
    if (i >= slowperiod - 1) {
      slow = sumSlow / slowperiod;
      const j = i - slowperiod + 1;
      sumSlow -= ((high[j] as number) + (low[j] as number)) / 2;
    }
    if (i >= first) out[i] = fast - slow;
  }
}

/**
 * Awesome oscillator (Bill Williams) (not in TA-Lib).
 *
 * @example
 * const ao = AO(series.high, series.low, { fastperiod: 5, slowperiod: 34 });
 */
export function AO(
  high: Float64Array,
  low: Float64Array,
  params: { fastperiod?: number; slowperiod?: number } = {},
): Float64Array {
  const p = resolveParams(AO_DEFINITION, params);
  const out = nanArray(commonLength('AO', [high, low]));
  computeAo(high, low, p.fastperiod as number, p.slowperiod as number, out);
  return out;
}

/** Streaming awesome oscillator: `push(high, low)`, two streaming SMAs, O(1), no allocation. */
export class AOStream extends StreamBase {
  readonly #fast: SMAStream;
  readonly #slow: SMAStream;
  readonly #lookback: number;
  /** The bar's median price, as a one-value column for the averages (a number passed to their calls could be boxed). */
  readonly #median = new Float64Array(1);
  readonly #medianColumns: readonly Float64Array[] = [this.#median];
  #count = 0;

  constructor(params: IndicatorParams) {
    super(1, 2);
    this.#fast = new SMAStream({ timeperiod: params.fastperiod as number });
    this.#slow = new SMAStream({ timeperiod: params.slowperiod as number });
    this.#lookback = aoLookback(params.fastperiod as number, params.slowperiod as number);
  }

  push(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    this.#count++;
    this.#median[0] = (high + low) / 2;
    this.#fast.pushAt(this.#medianColumns, 0);
    this.#slow.pushAt(this.#medianColumns, 0);
    this.#finish();
  }

  revise(high: number, low = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.#median[0] = (high + low) / 2;
    this.#fast.reviseAt(this.#medianColumns, 0);
    this.#slow.reviseAt(this.#medianColumns, 0);
    this.#finish();
  }

  #finish(): void {
    // Separate stores rather than one conditional expression, which can leave V8 boxing the value.
    if (this.#count > this.#lookback) {
      this.outputs[0] = (this.#fast.outputs[0] as number) - (this.#slow.outputs[0] as number);
    } else {
      this.outputs[0] = Number.NaN;
    }
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#fast.reset();
    this.#slow.reset();
    this.#count = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for AO. */
export const AO_DEFINITION: IndicatorDefinition = {
  name: 'AO',
  group: 'extra',
  description: 'Awesome oscillator: a short simple average of the median price minus a long one.',
  formula:
    'median = (high + low) / 2; AO = SMA(median, fastperiod) − SMA(median, slowperiod) (simple means, running sums added then subtracted). ' +
    'Warm-up max(fastperiod, slowperiod) − 1 bars.',
  talib: false,
  inputs: ['high', 'low'],
  parameters: [
    period('fastperiod', 5, 1, 'Number of bars of the short average.'),
    period('slowperiod', 34, 1, 'Number of bars of the long average.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The oscillator, in price units.' }],
  lookback: (p) => aoLookback(p.fastperiod as number, p.slowperiod as number),
  compute: (inputs, p, outputs) =>
    computeAo(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.fastperiod as number,
      p.slowperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new AOStream(p),
};
