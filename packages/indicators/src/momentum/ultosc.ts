import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { isNearZero } from './near-zero.js';

/** The three periods sorted ascending: the shortest gets weight 4, the middle 2, the longest 1. */
function sortedPeriods(params: IndicatorParams): [number, number, number] {
  const a = params.timeperiod1 as number;
  const b = params.timeperiod2 as number;
  const c = params.timeperiod3 as number;
  const low = Math.min(a, b, c);
  const high = Math.max(a, b, c);
  return [low, a + b + c - low - high, high];
}

/** Returns the lookback of ULTOSC: the longest period (at least 1, as the first bar has no previous close). */
export function ultoscLookback(params: IndicatorParams): number {
  return Math.max(1, sortedPeriods(params)[2]);
}

function weighted(a1: number, b1: number, a2: number, b2: number, a3: number, b3: number): number {
  let sum = 0;
  if (!isNearZero(b1)) sum += 4 * (a1 / b1);
  if (!isNearZero(b2)) sum += 2 * (a2 / b2);
  if (!isNearZero(b3)) sum += a3 / b3;
  return 100 * (sum / 7);
}

/**
 * Fills `out` with the ultimate oscillator. Each bar's buying pressure (close − true low) and
 * true range are summed over three windows with running sums in TA-Lib's order (each window
 * primed, then add the new bar, output, drop the oldest). `buying` and `ranges` are scratch
 * columns of the input's length (allocated when not given).
 */
export function computeUltosc(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: IndicatorParams,
  out: Float64Array,
  buying: Float64Array = new Float64Array(high.length),
  ranges: Float64Array = new Float64Array(high.length),
): void {
  const n = high.length;
  const [p1, p2, p3] = sortedPeriods(params);
  const lookback = Math.max(1, p3);
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  if (lookback >= n) return;
  for (let i = 1; i < n; i++) {
    const h = high[i];
    const l = low[i];
    const previousClose = close[i - 1];
    buying[i] = close[i] - Math.min(l, previousClose);
    let range = h - l;
    const fromHigh = Math.abs(previousClose - h);
    if (fromHigh > range) range = fromHigh;
    const fromLow = Math.abs(previousClose - l);
    if (fromLow > range) range = fromLow;
    ranges[i] = range;
  }
  let a1 = 0;
  let b1 = 0;
  let a2 = 0;
  let b2 = 0;
  let a3 = 0;
  let b3 = 0;
  for (let i = lookback - p1 + 1; i < lookback; i++) {
    a1 += buying[i];
    b1 += ranges[i];
  }
  for (let i = lookback - p2 + 1; i < lookback; i++) {
    a2 += buying[i];
    b2 += ranges[i];
  }
  for (let i = lookback - p3 + 1; i < lookback; i++) {
    a3 += buying[i];
    b3 += ranges[i];
  }
  for (let i = lookback; i < n; i++) {
    const bp = buying[i];
    const tr = ranges[i];
    a1 += bp;
    a2 += bp;
    a3 += bp;
    b1 += tr;
    b2 += tr;
    b3 += tr;
    out[i] = weighted(a1, b1, a2, b2, a3, b3);
    a1 -= buying[i - p1 + 1];
    b1 -= ranges[i - p1 + 1];
    a2 -= buying[i - p2 + 1];
    b2 -= ranges[i - p2 + 1];
    a3 -= buying[i - p3 + 1];
    b3 -= ranges[i - p3 + 1];
  }
}

/**
 * Ultimate oscillator, as TA-Lib's ULTOSC.
 *
 * @example
 * const uo = ULTOSC(series.high, series.low, series.close, { timeperiod1: 7, timeperiod2: 14, timeperiod3: 28 });
 */
export function ULTOSC(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod1?: number; timeperiod2?: number; timeperiod3?: number } = {},
): Float64Array {
  const p = resolveParams(ULTOSC_DEFINITION, params);
  const out = nanArray(commonLength('ULTOSC', [high, low, close]));
  computeUltosc(high, low, close, p, out);
  return out;
}

/** Streaming ultimate oscillator: `push(high, low, close)`, O(1) over rings of the longest period. */
export class ULTOSCStream extends StreamBase {
  readonly #p1: number;
  readonly #p2: number;
  readonly #p3: number;
  readonly #lookback: number;
  readonly #buying: Float64Array;
  readonly #ranges: Float64Array;
  // a1 b1 a2 b2 a3 b3, then the same saved for `revise`, then count, previous close, value, slot contents.
  readonly #sums = new Float64Array(6);
  readonly #saved = new Float64Array(11);
  #count = 0;
  #previousClose = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 3);
    [this.#p1, this.#p2, this.#p3] = sortedPeriods(params);
    this.#lookback = Math.max(1, this.#p3);
    this.#buying = new Float64Array(this.#lookback);
    this.#ranges = new Float64Array(this.#lookback);
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
    const t = this.#count;
    const cap = this.#lookback;
    const slot = t % cap;
    const s = this.#saved;
    const sums = this.#sums;
    for (let k = 0; k < 6; k++) s[k] = sums[k];
    s[6] = t;
    s[7] = this.#previousClose;
    s[8] = this.outputs[0];
    s[9] = this.#buying[slot];
    s[10] = this.#ranges[slot];
    if (t > 0) {
      const previousClose = this.#previousClose;
      const bp = close - Math.min(low, previousClose);
      let tr = high - low;
      const fromHigh = Math.abs(previousClose - high);
      if (fromHigh > tr) tr = fromHigh;
      const fromLow = Math.abs(previousClose - low);
      if (fromLow > tr) tr = fromLow;
      this.#buying[slot] = bp;
      this.#ranges[slot] = tr;
      // Each window starts summing so that it is full at the lookback, as in the batch.
      if (t > cap - this.#p1) {
        sums[0] += bp;
        sums[1] += tr;
      }
      if (t > cap - this.#p2) {
        sums[2] += bp;
        sums[3] += tr;
      }
      if (t > cap - this.#p3) {
        sums[4] += bp;
        sums[5] += tr;
      }
      if (t >= cap) {
        this.outputs[0] = weighted(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
        this.#drop(0, t - this.#p1 + 1);
        this.#drop(2, t - this.#p2 + 1);
        this.#drop(4, t - this.#p3 + 1);
      }
    }
    this.#previousClose = close;
    this.#count = t + 1;
  }

  #drop(sum: number, bar: number): void {
    const slot = bar % this.#lookback;
    this.#sums[sum] -= this.#buying[slot];
    this.#sums[sum + 1] -= this.#ranges[slot];
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
      const s = this.#saved;
      for (let k = 0; k < 6; k++) this.#sums[k] = s[k];
      this.#count = s[6];
      this.#previousClose = s[7];
      this.outputs[0] = s[8];
      const slot = this.#count % this.#lookback;
      this.#buying[slot] = s[9];
      this.#ranges[slot] = s[10];
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    this.#buying.fill(0);
    this.#ranges.fill(0);
    this.#sums.fill(0);
    this.#count = 0;
    this.#previousClose = Number.NaN;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for ULTOSC. */
export const ULTOSC_DEFINITION: IndicatorDefinition = {
  name: 'ULTOSC',
  group: 'momentum',
  description:
    'Ultimate oscillator: buying pressure over true range on three horizons, weighted 4:2:1 from short to long.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [
    period('timeperiod1', 7, 1, 'First horizon, in bars.'),
    period('timeperiod2', 14, 1, 'Second horizon, in bars.'),
    period('timeperiod3', 28, 1, 'Third horizon, in bars.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The oscillator, from 0 to 100.' }],
  lookback: (p) => ultoscLookback(p),
  compute: (inputs, p, outputs) =>
    computeUltosc(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new ULTOSCStream(p),
};
