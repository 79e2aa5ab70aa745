import { emaFactor } from '../overlap/ema.js';
import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** Returns how many bars back the zero-lag EMA reaches to cancel its lag: ⌊(timeperiod − 1) / 2⌋. */
export function zlemaLag(timeperiod: number): number {
  return Math.floor((timeperiod - 1) / 2);
}

/** Returns the number of leading bars without a zero-lag EMA. */
export function zlemaLookback(timeperiod: number): number {
  return zlemaLag(timeperiod) + timeperiod - 1;
}

/**
 * Fills `out` with the zero-lag EMA over `timeperiod` bars: TA-Lib's EMA (seeded with a simple
 * mean) of the de-lagged input 2·x[i] − x[i − lag]; NaN during the warm-up.
 */
export function computeZlema(input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  const lag = zlemaLag(timeperiod);
  const first = lag + timeperiod - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  const k = emaFactor(timeperiod);
  let sum = 0;
  for (let i = lag; i <= first; i++) sum += 2 * (input[i] as number) - (input[i - lag] as number);
  let ema = sum / timeperiod;
  out[first] = ema;
  for (let i = first + 1; i < n; i++) {
    ema = (2 * (input[i] as number) - (input[i - lag] as number) - ema) * k + ema;
    out[i] = ema;
  }
}

/**
 * Zero-lag exponential moving average (Ehlers and Way): an EMA of the input pushed ahead by
 * its own change over half the period (not in TA-Lib).
 *
 * @example
 * const zlema = ZLEMA(series.close, { timeperiod: 20 });
 */
export function ZLEMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(ZLEMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeZlema(real, p.timeperiod as number, out);
  return out;
}

/** Streaming zero-lag EMA: O(1) per bar over a ring of lag + 1 inputs, no allocation. */
export class ZLEMAStream extends StreamBase {
  readonly #period: number;
  readonly #lag: number;
  readonly #k: number;
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #sum = 0;
  #value = Number.NaN;
  #savedHead = 0;
  #savedCount = 0;
  #savedSum = 0;
  #savedValue = Number.NaN;
  #savedSlot = 0;

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#lag = zlemaLag(this.#period);
    this.#k = emaFactor(this.#period);
    this.#ring = new Float64Array(this.#lag + 1);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#savedHead = this.#head;
    this.#savedCount = this.#count;
    this.#savedSum = this.#sum;
    this.#savedValue = this.#value;
    this.#savedSlot = this.#ring[this.#head] as number;
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
    this.#head = this.#savedHead;
    this.#count = this.#savedCount;
    this.#sum = this.#savedSum;
    this.#value = this.#savedValue;
    this.#ring[this.#head] = this.#savedSlot;
    this.#step(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const size = this.#lag + 1;
    this.#ring[this.#head] = x;
    this.#head = this.#head + 1 === size ? 0 : this.#head + 1;
    // After the write the slot at the head holds the input `lag` bars back.
    const delagged = 2 * x - (this.#ring[this.#head] as number);
    const seen = this.#count - this.#lag;
    const p = this.#period;
    if (seen >= p) {
      this.#value = (delagged - this.#value) * this.#k + this.#value;
    } else if (seen >= 0) {
      this.#sum += delagged;
      if (seen + 1 === p) this.#value = this.#sum / p;
    }
    this.#count++;
    this.outputs[0] = this.#value;
  }

  get isReady(): boolean {
    return this.#count > this.#lag + this.#period - 1;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#sum = 0;
    this.#value = Number.NaN;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for ZLEMA. */
export const ZLEMA_DEFINITION: IndicatorDefinition = {
  name: 'ZLEMA',
  group: 'extra',
  description: 'Zero-lag EMA: an exponential average of the input extrapolated by its change over half the period.',
  formula:
    'lag = ⌊(timeperiod − 1) / 2⌋; d[i] = 2·real[i] − real[i − lag] (defined from bar lag); ZLEMA = EMA(d, timeperiod) with k = 2 / (timeperiod + 1), ' +
    'seeded as TA-Lib seeds its EMA: the plain mean of the first timeperiod values of d, then ema += (d − ema)·k. ' +
    'Warm-up lag + timeperiod − 1 bars.',
  talib: false,
  inputs: ['real'],
  parameters: [period('timeperiod', 20, 2, 'Number of bars that sets the smoothing factor and the lag.')],
  outputs: [{ name: 'real', type: 'real', description: 'The zero-lag EMA.' }],
  lookback: (p) => zlemaLookback(p.timeperiod as number),
  compute: (inputs, p, outputs) =>
    computeZlema(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new ZLEMAStream(p),
};
