import { RollingExtreme } from '../math/rolling-extreme.js';
import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { trueRange } from '../volatility/true-range.js';
import { computeWindowHighLow } from './window-high-low.js';

/**
 * Fills `out[i]` with the choppiness index of the `timeperiod` bars ending at `i`: how much
 * of the path the true ranges travel is wasted inside the window's overall range, on a log
 * scale from 0 (one straight run) to 100 (NaN during the warm-up and for a window without
 * range). Allocates one scratch array per call.
 */
export function computeChop(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  out: Float64Array,
): void {
  const n = close.length;
  if (timeperiod >= n) {
    out.fill(Number.NaN);
    return;
  }
  const lowest = new Float64Array(n);
  computeWindowHighLow(high, low, timeperiod, out, lowest);
  out.fill(Number.NaN, 0, timeperiod);
  const logPeriod = Math.log10(timeperiod);
  let sum = 0;
  for (let i = 1; i < n; i++) {
    sum += trueRange(high[i] as number, low[i] as number, close[i - 1] as number);
    if (i >= timeperiod) {
      const range = (out[i] as number) - (lowest[i] as number);
      out[i] = range > 0 ? (100 * Math.log10(sum / range)) / logPeriod : Number.NaN;
      const j = i - timeperiod + 1;
      sum -= trueRange(high[j] as number, low[j] as number, close[j - 1] as number);
    }
  }
}

/**
 * Choppiness index (E. W. Dreiss) (not in TA-Lib).
 *
 * @example
 * const chop = CHOP(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function CHOP(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(CHOP_DEFINITION, params);
  const out = nanArray(commonLength('CHOP', [high, low, close]));
  computeChop(high, low, close, p.timeperiod as number, out);
  return out;
}

/** Streaming choppiness index: `push(high, low, close)`, amortised O(1), no allocation. */
export class CHOPStream extends StreamBase {
  readonly #period: number;
  readonly #logPeriod: number;
  readonly #highest: RollingExtreme;
  readonly #lowest: RollingExtreme;
  readonly #ranges: Float64Array;
  #head = 0;
  #count = 0;
  #previousClose = Number.NaN;
  #sum = 0;
  #savedHead = 0;
  #savedPreviousClose = Number.NaN;
  #savedSum = 0;
  #savedValue = Number.NaN;
  #savedSlot = 0;

  constructor(params: IndicatorParams) {
    super(1, 3);
    this.#period = params.timeperiod as number;
    this.#logPeriod = Math.log10(this.#period);
    this.#highest = new RollingExtreme(this.#period, true);
    this.#lowest = new RollingExtreme(this.#period, false);
    this.#ranges = new Float64Array(this.#period);
  }

  push(high: number, low = Number.NaN, close = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = high;
    bar[1]![0] = low;
    bar[2]![0] = close;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#savedHead = this.#head;
    this.#savedPreviousClose = this.#previousClose;
    this.#savedSum = this.#sum;
    this.#savedValue = this.outputs[0] as number;
    this.#savedSlot = this.#ranges[this.#head] as number;
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
    this.#highest.undo();
    this.#lowest.undo();
    this.#count--;
    this.#head = this.#savedHead;
    this.#previousClose = this.#savedPreviousClose;
    this.#sum = this.#savedSum;
    this.outputs[0] = this.#savedValue;
    this.#ranges[this.#head] = this.#savedSlot;
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    const p = this.#period;
    this.#highest.push(columns[0]!, index);
    this.#lowest.push(columns[1]!, index);
    if (this.#count > 0) {
      const tr = trueRange(high, low, this.#previousClose);
      this.#ranges[this.#head] = tr;
      this.#head = this.#head + 1 === p ? 0 : this.#head + 1;
      this.#sum += tr;
      if (this.#count >= p) {
        const range = this.#highest.extreme - this.#lowest.extreme;
        if (range > 0) this.outputs[0] = (100 * Math.log10(this.#sum / range)) / this.#logPeriod;
        else this.outputs[0] = Number.NaN;
        // After the write the oldest true range of the window sits at the head.
        this.#sum -= this.#ranges[this.#head] as number;
      }
    }
    this.#previousClose = close;
    this.#count++;
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#highest.reset();
    this.#lowest.reset();
    this.#ranges.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#previousClose = Number.NaN;
    this.#sum = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for CHOP. */
export const CHOP_DEFINITION: IndicatorDefinition = {
  name: 'CHOP',
  group: 'extra',
  description:
    'Choppiness index: the sum of true ranges against the overall range of a window, near 100 in a range and near 0 in a trend.',
  formula:
    'CHOP[i] = 100 · log10(Σ TR[j] / (max(high[j]) − min(low[j]))) / log10(timeperiod) over j = i − timeperiod + 1 .. i, ' +
    'with TR[j] the true range against close[j − 1] (running sum, added then subtracted). The first bar has no previous close, so the ' +
    'first value is at bar timeperiod (warm-up timeperiod bars). NaN when the window has no range (max high = min low, e.g. flat prices). ' +
    'Because the oldest true range may reach a close outside the window, values slightly above 100 are possible.',
  talib: false,
  inputs: ['high', 'low', 'close'],
  parameters: [period('timeperiod', 14, 2, 'Number of bars in the window.')],
  outputs: [{ name: 'real', type: 'real', description: 'The choppiness index, about 0 to 100.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeChop(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new CHOPStream(p),
};
