import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** Smoothing constants of the fastest (2-bar) and slowest (30-bar) EMA that KAMA moves between. */
const SLOWEST = 2 / (30 + 1);
const SPAN = 2 / (2 + 1) - SLOWEST;
/** TA-Lib treats a total movement this small as no movement. */
const EPSILON = 1e-14;

/**
 * Returns the squared smoothing constant of KAMA for a net change `change` over a window whose
 * summed absolute bar-to-bar changes are `path`. As in TA-Lib, an efficiency ratio of 1 is
 * used when `path` is (nearly) zero or not above the signed net change.
 */
function smoothing(change: number, path: number): number {
  const ratio = path <= change || (path > -EPSILON && path < EPSILON) ? 1 : Math.abs(change / path);
  const sc = ratio * SPAN + SLOWEST;
  return sc * sc;
}

/**
 * Fills `out[i]` with Kaufman's adaptive moving average of `input[from..i]`, NaN before
 * `from + timeperiod`. The average starts from the value just before its first output and
 * moves toward each new value by a factor that grows with the efficiency ratio (net change
 * over path length) of the last `timeperiod` bar-to-bar changes.
 */
export function computeKama(input: Float64Array, timeperiod: number, out: Float64Array, from = 0): void {
  const n = input.length;
  const first = from + timeperiod;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  let path = 0;
  for (let i = from; i < first; i++) path += Math.abs((input[i] as number) - (input[i + 1] as number));
  let kama = input[first - 1] as number;
  let x = input[first] as number;
  kama = (x - kama) * smoothing(x - (input[from] as number), path) + kama;
  out[first] = kama;
  let leaving = input[from] as number;
  let previous = x;
  for (let i = first + 1, trailing = from + 1; i < n; i++, trailing++) {
    x = input[i] as number;
    const oldest = input[trailing] as number;
    path -= Math.abs(leaving - oldest);
    path += Math.abs(x - previous);
    leaving = oldest;
    previous = x;
    kama = (x - kama) * smoothing(x - oldest, path) + kama;
    out[i] = kama;
  }
}

/**
 * Kaufman adaptive moving average, as TA-Lib's KAMA.
 *
 * @example
 * const kama = KAMA(series.close, { timeperiod: 10 });
 */
export function KAMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(KAMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeKama(real, p.timeperiod as number, out);
  return out;
}

/** Streaming Kaufman adaptive moving average: O(1) per bar over a ring buffer, no allocation. */
export class KAMAStream extends StreamBase {
  readonly #period: number;
  /** The last timeperiod + 1 values; `#head` is the oldest once full. */
  readonly #ring: Float64Array;
  #head = 0;
  #count = 0;
  #path = 0;
  #prevHead = 0;
  #prevCount = 0;
  #prevPath = 0;
  #prevValue = Number.NaN;
  #prevSlot = 0;

  constructor(params: IndicatorParams) {
    super(1, 1);
    this.#period = params.timeperiod as number;
    this.#ring = new Float64Array(this.#period + 1);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#prevHead = this.#head;
    this.#prevCount = this.#count;
    this.#prevPath = this.#path;
    this.#prevValue = this.outputs[0] as number;
    this.#prevSlot = this.#ring[this.#head] as number;
    this.#step(columns, index);
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#head = this.#prevHead;
      this.#count = this.#prevCount;
      this.#path = this.#prevPath;
      this.outputs[0] = this.#prevValue;
      this.#ring[this.#head] = this.#prevSlot;
    }
    this.pushAt(columns, index);
  }

  #step(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const ring = this.#ring;
    const size = this.#period + 1;
    const head = this.#head;
    const count = ++this.#count;
    if (count < size) {
      ring[head] = x;
      this.#head = head + 1 === size ? 0 : head + 1;
      return;
    }
    if (count === size) {
      // The first full window: ring[0..size-2] hold the values before x, in order.
      ring[head] = x;
      this.#head = 0;
      let path = 0;
      for (let i = 0; i < size - 1; i++) path += Math.abs((ring[i] as number) - (ring[i + 1] as number));
      this.#path = path;
      const before = ring[size - 2] as number;
      this.outputs[0] = (x - before) * smoothing(x - (ring[0] as number), path) + before;
      return;
    }
    const leaving = ring[head] as number;
    const next = head + 1 === size ? 0 : head + 1;
    const oldest = ring[next] as number;
    const previous = ring[head === 0 ? size - 1 : head - 1] as number;
    ring[head] = x;
    this.#head = next;
    this.#path -= Math.abs(leaving - oldest);
    this.#path += Math.abs(x - previous);
    const kama = this.outputs[0] as number;
    this.outputs[0] = (x - kama) * smoothing(x - oldest, this.#path) + kama;
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#path = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for KAMA. */
export const KAMA_DEFINITION: IndicatorDefinition = {
  name: 'KAMA',
  group: 'overlap',
  description: 'Kaufman adaptive moving average, which follows prices fast in trends and slowly in noise.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of bar-to-bar changes in the efficiency ratio.')],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeKama(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new KAMAStream(p),
};
