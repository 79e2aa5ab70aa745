import { blockEnd } from '../support/blocks.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorParams } from '../types.js';
import { isNearZero, TALIB_EPSILON } from './near-zero.js';

/** Which oscillator to derive from the smoothed gains and losses: 0 RSI, 1 CMO. */
export type GainLossKind = 0 | 1;
/** Relative strength index: 100 × gain / (gain + loss). */
export const RSI_KIND: GainLossKind = 0;
/** Chande momentum oscillator: 100 × (gain − loss) / (gain + loss). */
export const CMO_KIND: GainLossKind = 1;

function oscillator(kind: GainLossKind, gain: number, loss: number): number {
  const total = gain + loss;
  if (isNearZero(total)) return 0;
  return kind === RSI_KIND ? 100 * (gain / total) : 100 * ((gain - loss) / total);
}

// A change is split between gain and loss by multiplying with 0 or 1 rather than branching:
// prices move at random, a branch would be mispredicted half the time, and adding a zero
// leaves a sum exactly as skipping the addition does.

/**
 * Fills `out` with RSI or CMO: average gains and losses seeded with their plain mean over the
 * first `timeperiod` changes, then smoothed the Wilder way (× (period − 1), + change, ÷ period),
 * in TA-Lib's order of operations. A flat window gives 0, as in TA-Lib.
 */
export function computeGainLoss(kind: GainLossKind, input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  out.fill(Number.NaN, 0, Math.min(n, timeperiod));
  if (timeperiod >= n) return;
  let gain = 0;
  let loss = 0;
  let previous = input[0];
  for (let i = 1; i <= timeperiod; i++) {
    const x = input[i];
    const change = x - previous;
    previous = x;
    const falling = +(change < 0);
    loss -= change * falling;
    gain += change * (1 - falling);
  }
  loss /= timeperiod;
  gain /= timeperiod;
  out[timeperiod] = oscillator(kind, gain, loss);
  // The smoothing runs in blocks (see BLOCK_BARS), the averages carried between them.
  const state = Float64Array.of(gain, loss, previous as number);
  const start = timeperiod + 1;
  for (let from = start, to = start; from < n; from = to) {
    to = blockEnd(from, start, n);
    gainLossBlock(kind === RSI_KIND, input, timeperiod, out, state, from, to);
  }
}

// Wilder's smoothing of gains and losses, with `oscillator` written out so that no double
// crosses a call.
function gainLossBlock(
  rsi: boolean,
  input: Float64Array,
  p: number,
  out: Float64Array,
  state: Float64Array,
  from: number,
  to: number,
): void {
  const keep = p - 1;
  const eps = +TALIB_EPSILON;
  let gain = state[0] as number;
  let loss = state[1] as number;
  let previous = state[2] as number;
  for (let i = from; i < to; i++) {
    const x = input[i] as number;
    const change = x - previous;
    previous = x;
    loss *= keep;
    gain *= keep;
    const falling = +(change < 0);
    loss -= change * falling;
    gain += change * (1 - falling);
    loss /= p;
    gain /= p;
    const total = gain + loss;
    if (-eps < total && total < eps) out[i] = 0;
    else if (rsi) out[i] = 100 * (gain / total);
    else out[i] = 100 * ((gain - loss) / total);
  }
  state[0] = gain;
  state[1] = loss;
  state[2] = previous;
}

/** Streaming RSI or CMO: O(1) per value, no allocation. */
export class GainLossStream extends StreamBase {
  readonly #kind: GainLossKind;
  readonly #period: number;
  #count = 0;
  #previous = Number.NaN;
  #gain = 0;
  #loss = 0;
  #savedCount = 0;
  #savedPrevious = Number.NaN;
  #savedGain = 0;
  #savedLoss = 0;
  #savedValue = Number.NaN;

  constructor(kind: GainLossKind, params: IndicatorParams) {
    super(1, 1);
    this.#kind = kind;
    this.#period = params.timeperiod as number;
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    this.#savedCount = this.#count;
    this.#savedPrevious = this.#previous;
    this.#savedGain = this.#gain;
    this.#savedLoss = this.#loss;
    this.#savedValue = this.outputs[0];
    const t = this.#count;
    const p = this.#period;
    if (t > 0) {
      const change = x - this.#previous;
      let gain = this.#gain;
      let loss = this.#loss;
      if (t > p) {
        loss *= p - 1;
        gain *= p - 1;
      }
      const falling = +(change < 0);
      loss -= change * falling;
      gain += change * (1 - falling);
      if (t >= p) {
        loss /= p;
        gain /= p;
        // oscillator, written out: a double returned from a call V8 does not inline is boxed.
        const total = gain + loss;
        if (-TALIB_EPSILON < total && total < TALIB_EPSILON) this.outputs[0] = 0;
        else if (this.#kind === RSI_KIND) this.outputs[0] = 100 * (gain / total);
        else this.outputs[0] = 100 * ((gain - loss) / total);
      }
      this.#gain = gain;
      this.#loss = loss;
    }
    this.#previous = x;
    this.#count = t + 1;
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#count = this.#savedCount;
      this.#previous = this.#savedPrevious;
      this.#gain = this.#savedGain;
      this.#loss = this.#savedLoss;
      this.outputs[0] = this.#savedValue;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#count = 0;
    this.#previous = Number.NaN;
    this.#gain = 0;
    this.#loss = 0;
    this.outputs[0] = Number.NaN;
  }
}
