import { commonLength, nanArray } from '../support/arrays.js';
import { matype, period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeMovingAverage, createMovingAverage, movingAverageLookback } from './moving-average.js';

/** Returns the period used at a bar: the requested one truncated, then clamped as TA-Lib does. */
function clampPeriod(requested: number, minperiod: number, maxperiod: number): number {
  const whole = Math.trunc(requested);
  // A NaN request falls to the minimum, as TA-Lib's integer cast makes it.
  if (!(whole >= minperiod)) return minperiod;
  return Math.min(whole, maxperiod);
}

/**
 * Returns the bar from which TA-Lib starts the moving average of period `p` inside MAVP:
 * every average is computed as if asked for its first value at MAVP's own first output.
 */
function startOf(type: number, p: number, lookback: number): number {
  return Math.max(0, lookback - movingAverageLookback(type, p));
}

/**
 * Fills `out[i]` with the moving average of type `type` of `input` over `periods[i]` bars
 * (truncated and clamped to [minperiod, maxperiod]), NaN before the lookback of maxperiod.
 * Each distinct period is computed once over the whole input and picked where it is asked for.
 */
export function computeMavp(
  input: Float64Array,
  periods: Float64Array,
  minperiod: number,
  maxperiod: number,
  type: number,
  out: Float64Array,
): void {
  const n = input.length;
  const lookback = movingAverageLookback(type, maxperiod);
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  if (lookback >= n) return;
  const chosen = new Int32Array(n);
  const high = Math.max(minperiod, maxperiod);
  const wanted = new Uint8Array(high + 1);
  for (let i = lookback; i < n; i++) {
    const p = clampPeriod(periods[i] as number, minperiod, maxperiod);
    chosen[i] = p;
    wanted[p] = 1;
  }
  const scratch = new Float64Array(n);
  for (let p = 0; p <= high; p++) {
    if (wanted[p] === 0) continue;
    computeMovingAverage(type, input, p, scratch, startOf(type, p, lookback));
    for (let i = lookback; i < n; i++) if (chosen[i] === p) out[i] = scratch[i] as number;
  }
}

/**
 * Moving average with a period that varies bar by bar, as TA-Lib's MAVP.
 *
 * @example
 * const out = MAVP(series.close, periods, { minperiod: 2, maxperiod: 30, matype: 0 });
 */
export function MAVP(
  real: Float64Array,
  periods: Float64Array,
  params: { minperiod?: number; maxperiod?: number; matype?: number } = {},
): Float64Array {
  const p = resolveParams(MAVP_DEFINITION, params);
  const out = nanArray(commonLength('MAVP', [real, periods]));
  computeMavp(real, periods, p.minperiod as number, p.maxperiod as number, p.matype as number, out);
  return out;
}

/**
 * Streaming MAVP: keeps one streaming average per admissible period, each started where the
 * batch starts it, so an update costs O(maxperiod − minperiod + 1) and allocates nothing.
 */
export class MAVPStream extends StreamBase {
  readonly #min: number;
  readonly #max: number;
  readonly #lookback: number;
  readonly #averages: StreamBase[] = [];
  readonly #starts: number[] = [];
  #count = 0;
  #prevValue = Number.NaN;

  constructor(params: IndicatorParams) {
    super(1, 2);
    const type = params.matype as number;
    this.#min = params.minperiod as number;
    this.#max = params.maxperiod as number;
    this.#lookback = movingAverageLookback(type, this.#max);
    const high = Math.max(this.#min, this.#max);
    for (let p = this.#min; p <= high; p++) {
      this.#averages.push(createMovingAverage(type, p));
      this.#starts.push(startOf(type, p, this.#lookback));
    }
  }

  push(x: number, requested = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = x;
    bar[1]![0] = requested;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const requested = columns[1]![index]!;
    this.#prevValue = this.outputs[0] as number;
    const bar = this.#count++;
    const averages = this.#averages;
    for (let k = 0; k < averages.length; k++) {
      if (bar >= (this.#starts[k] as number)) (averages[k] as StreamBase).pushAt(columns, index);
    }
    this.#pick(bar, requested);
  }

  revise(x: number, requested = Number.NaN): void {
    const bar = this.bar;
    bar[0]![0] = x;
    bar[1]![0] = requested;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    const requested = columns[1]![index]!;
    if (this.#count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.outputs[0] = this.#prevValue;
    const bar = this.#count - 1;
    const averages = this.#averages;
    for (let k = 0; k < averages.length; k++) {
      if (bar >= (this.#starts[k] as number)) (averages[k] as StreamBase).reviseAt(columns, index);
    }
    this.#pick(bar, requested);
  }

  #pick(bar: number, requested: number): void {
    if (bar < this.#lookback) return;
    const p = clampPeriod(requested, this.#min, this.#max);
    this.outputs[0] = (this.#averages[p - this.#min] as StreamBase).outputs[0] as number;
  }

  get isReady(): boolean {
    return this.#count > this.#lookback;
  }

  reset(): void {
    for (const average of this.#averages) average.reset();
    this.#count = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Registry entry for MAVP. */
export const MAVP_DEFINITION: IndicatorDefinition = {
  name: 'MAVP',
  group: 'overlap',
  description: 'Moving average whose period is read bar by bar from a second input.',
  talib: true,
  inputs: ['real', 'periods'],
  parameters: [
    period('minperiod', 2, 2, 'Smallest period used; shorter requests are raised to it.'),
    period('maxperiod', 30, 2, 'Largest period used; longer requests are cut to it.'),
    matype('matype', 'Type of moving average.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => movingAverageLookback(p.matype as number, p.maxperiod as number),
  compute: (inputs, p, outputs) =>
    computeMavp(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.minperiod as number,
      p.maxperiod as number,
      p.matype as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new MAVPStream(p),
};
