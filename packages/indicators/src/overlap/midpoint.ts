import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with (highest + lowest) / 2 of the `timeperiod` inputs ending at `i`, NaN
 * before. The extremes are carried from bar to bar and the window rescanned only when one
 * of them leaves it.
 */
export function computeMidpoint(input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  const first = timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  let highAt = -1;
  let lowAt = -1;
  let high = 0;
  let low = 0;
  for (let i = first; i < n; i++) {
    const trailing = i - first;
    const x = input[i] as number;
    if (highAt < trailing) {
      highAt = trailing;
      high = input[trailing] as number;
      for (let j = trailing + 1; j <= i; j++) {
        if ((input[j] as number) >= high) {
          high = input[j] as number;
          highAt = j;
        }
      }
    } else if (x >= high) {
      high = x;
      highAt = i;
    }
    if (lowAt < trailing) {
      lowAt = trailing;
      low = input[trailing] as number;
      for (let j = trailing + 1; j <= i; j++) {
        if ((input[j] as number) <= low) {
          low = input[j] as number;
          lowAt = j;
        }
      }
    } else if (x <= low) {
      low = x;
      lowAt = i;
    }
    out[i] = (high + low) / 2;
  }
}

/**
 * Midpoint of the highest and lowest value over a window, as TA-Lib's MIDPOINT.
 *
 * @example
 * const mid = MIDPOINT(series.close, { timeperiod: 14 });
 */
export function MIDPOINT(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(MIDPOINT_DEFINITION, params);
  const out = nanArray(real.length);
  computeMidpoint(real, p.timeperiod as number, out);
  return out;
}

/**
 * Streaming MIDPOINT over a ring buffer, no allocation. An update is O(1) unless the highest
 * or lowest value leaves the window, when the window is rescanned.
 */
export class MIDPOINTStream extends StreamBase {
  readonly #period: number;
  readonly #ring: Float64Array;
  #count = 0;
  #highAt = -1;
  #lowAt = -1;
  #high = 0;
  #low = 0;
  #prevHighAt = -1;
  #prevLowAt = -1;
  #prevHigh = 0;
  #prevLow = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#ring = new Float64Array(this.#period);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#prevHighAt = this.#highAt;
    this.#prevLowAt = this.#lowAt;
    this.#prevHigh = this.#high;
    this.#prevLow = this.#low;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlot = this.#ring[this.#count % this.#period] as number;
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
    this.#count--;
    this.#highAt = this.#prevHighAt;
    this.#lowAt = this.#prevLowAt;
    this.#high = this.#prevHigh;
    this.#low = this.#prevLow;
    this.outputs[0] = this.#prevValue;
    this.#ring[this.#count % this.#period] = this.#prevSlot;
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const p = this.#period;
    const ring = this.#ring;
    const i = this.#count++;
    ring[i % p] = x;
    if (i < p - 1) return;
    const trailing = i - p + 1;
    if (this.#highAt < trailing) {
      let at = trailing;
      let high = ring[trailing % p] as number;
      for (let j = trailing + 1; j <= i; j++) {
        const v = ring[j % p] as number;
        if (v >= high) {
          high = v;
          at = j;
        }
      }
      this.#high = high;
      this.#highAt = at;
    } else if (x >= this.#high) {
      this.#high = x;
      this.#highAt = i;
    }
    if (this.#lowAt < trailing) {
      let at = trailing;
      let low = ring[trailing % p] as number;
      for (let j = trailing + 1; j <= i; j++) {
        const v = ring[j % p] as number;
        if (v <= low) {
          low = v;
          at = j;
        }
      }
      this.#low = low;
      this.#lowAt = at;
    } else if (x <= this.#low) {
      this.#low = x;
      this.#lowAt = i;
    }
    this.outputs[0] = (this.#high + this.#low) / 2;
  }

  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#count = 0;
    this.#highAt = -1;
    this.#lowAt = -1;
    this.#high = 0;
    this.#low = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for MIDPOINT. */
export const MIDPOINT_DEFINITION: IndicatorDefinition = {
  name: 'MIDPOINT',
  group: 'overlap',
  description: 'Midpoint between the highest and the lowest value of the last timeperiod values.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 14, 2, 'Number of values in the window.')],
  outputs: [{ name: 'real', type: 'real', description: 'The midpoint.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeMidpoint(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new MIDPOINTStream(p),
};
