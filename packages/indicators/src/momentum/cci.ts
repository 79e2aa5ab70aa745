import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Writes into `out[at]` the CCI of the window held in `ring` whose newest typical price sits
 * in slot `newest`. The mean and the mean absolute deviation are summed in slot order, as TA-Lib does,
 * so that results agree to the last bit; a window without deviation gives 0. It writes rather
 * than returns, and takes no computed double, so that the stream, which cannot count on this
 * loop being inlined, boxes nothing.
 */
function cciOfRing(ring: Float64Array, newest: number, out: Float64Array, at: number): void {
  const p = ring.length;
  let average = 0;
  for (let j = 0; j < p; j++) average += ring[j];
  average /= p;
  let deviation = 0;
  for (let j = 0; j < p; j++) deviation += Math.abs(ring[j] - average);
  const distance = ring[newest] - average;
  out[at] = distance !== 0 && deviation !== 0 ? distance / (0.015 * (deviation / p)) : 0;
}

/**
 * Fills `out` with the commodity channel index over `timeperiod` bars: the typical price's
 * distance from its mean, in units of 0.015 mean absolute deviations. `ring` is scratch space
 * of `timeperiod` values (allocated when not given).
 */
export function computeCci(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  out: Float64Array,
  ring: Float64Array = new Float64Array(timeperiod),
): void {
  const n = high.length;
  const lookback = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  let slot = 0;
  for (let i = 0; i < n; i++) {
    ring[slot] = (high[i] + low[i] + close[i]) / 3;
    if (i >= lookback) cciOfRing(ring, slot, out, i);
    slot = slot + 1 === timeperiod ? 0 : slot + 1;
  }
}

/**
 * Commodity channel index, as TA-Lib's CCI.
 *
 * @example
 * const cci = CCI(series.high, series.low, series.close, { timeperiod: 20 });
 */
export function CCI(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(CCI_DEFINITION, params);
  const out = nanArray(commonLength('CCI', [high, low, close]));
  computeCci(high, low, close, p.timeperiod as number, out);
  return out;
}

/**
 * Streaming commodity channel index: `push(high, low, close)`. No allocation; O(timeperiod)
 * per bar, because the mean absolute deviation must revisit the window whenever its mean moves.
 */
export class CCIStream extends StreamBase {
  readonly #period: number;
  readonly #ring: Float64Array;
  #count = 0;
  #savedSlot = 0;
  #savedValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 3);
    this.#period = params.timeperiod as number;
    this.#ring = new Float64Array(this.#period);
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
    const slot = this.#count % this.#period;
    this.#savedSlot = this.#ring[slot];
    this.#savedValue = this.outputs[0];
    this.#ring[slot] = (high + low + close) / 3;
    if (this.#count >= this.#period - 1) cciOfRing(this.#ring, slot, this.outputs, 0);
    this.#count++;
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
      this.#count--;
      this.#ring[this.#count % this.#period] = this.#savedSlot;
      this.outputs[0] = this.#savedValue;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#count = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for CCI. */
export const CCI_DEFINITION: IndicatorDefinition = {
  name: 'CCI',
  group: 'momentum',
  description:
    'Commodity channel index: the typical price minus its mean, over 0.015 times its mean absolute deviation.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [period('timeperiod', 14, 2, 'Number of bars in the window.')],
  outputs: [{ name: 'real', type: 'real', description: 'The index.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeCci(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new CCIStream(p),
};
