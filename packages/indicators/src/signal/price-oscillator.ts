import { computeMovingAverage, createMovingAverage, movingAverageLookback } from '../overlap/index.js';
import { nanArray } from '../support/arrays.js';
import { matype, period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams, StreamingIndicator } from '../types.js';

// TA-Lib treats a slow average below this magnitude as zero.
const EPSILON = 1e-14;

/** Both price oscillators: the absolute (APO) and the percentage (PPO) one. */
export type PriceOscillatorKind = 'APO' | 'PPO';

function periods(p: IndicatorParams): { fast: number; slow: number } {
  const a = p.fastperiod as number;
  const b = p.slowperiod as number;
  // TA-Lib swaps the periods when the slow one is the shorter.
  return b < a ? { fast: b, slow: a } : { fast: a, slow: b };
}

function oscillate(kind: PriceOscillatorKind, fast: number, slow: number): number {
  if (kind === 'APO') return fast - slow;
  return slow > -EPSILON && slow < EPSILON ? 0 : ((fast - slow) / slow) * 100;
}

/** Returns the lookback of APO and PPO: that of the slower moving average. */
export function priceOscillatorLookback(p: IndicatorParams): number {
  return movingAverageLookback(p.matype as number, periods(p).slow);
}

/**
 * Fills `out[i]` with the fast moving average minus the slow one (APO) or that difference as
 * a percentage of the slow one (PPO; 0 when the slow average is zero), both averages of type
 * `matype` started at the first bar, NaN during the warm-up. Allocates one scratch array.
 */
export function computePriceOscillator(
  kind: PriceOscillatorKind,
  input: Float64Array,
  params: IndicatorParams,
  out: Float64Array,
): void {
  const n = input.length;
  const type = params.matype as number;
  const { fast, slow } = periods(params);
  const fastMa = new Float64Array(n);
  computeMovingAverage(type, input, fast, fastMa);
  computeMovingAverage(type, input, slow, out);
  const lookback = priceOscillatorLookback(params);
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  for (let i = lookback; i < n; i++) out[i] = oscillate(kind, fastMa[i] as number, out[i] as number);
}

/**
 * Absolute price oscillator, as TA-Lib's APO: fast minus slow moving average.
 *
 * @example
 * const apo = APO(series.close, { fastperiod: 12, slowperiod: 26, matype: 1 });
 */
export function APO(
  real: Float64Array,
  params: { fastperiod?: number; slowperiod?: number; matype?: number } = {},
): Float64Array {
  const out = nanArray(real.length);
  computePriceOscillator('APO', real, resolveParams(APO_DEFINITION, params), out);
  return out;
}

/**
 * Percentage price oscillator, as TA-Lib's PPO: (fast − slow) / slow × 100.
 *
 * @example
 * const ppo = PPO(series.close, { fastperiod: 12, slowperiod: 26, matype: 1 });
 */
export function PPO(
  real: Float64Array,
  params: { fastperiod?: number; slowperiod?: number; matype?: number } = {},
): Float64Array {
  const out = nanArray(real.length);
  computePriceOscillator('PPO', real, resolveParams(PPO_DEFINITION, params), out);
  return out;
}

/** Streaming APO or PPO: two moving-average streams, O(1) per bar for O(1) averages. */
export class PriceOscillatorStream extends StreamBase {
  readonly #percent: boolean;
  readonly #fast: StreamingIndicator;
  readonly #slow: StreamingIndicator;
  readonly #lookback: number;
  #count = 0;

  constructor(kind: PriceOscillatorKind, params: IndicatorParams) {
    super(1, 1);
    const { fast, slow } = periods(params);
    this.#percent = kind === 'PPO';
    this.#fast = createMovingAverage(params.matype as number, fast);
    this.#slow = createMovingAverage(params.matype as number, slow);
    this.#lookback = priceOscillatorLookback(params);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#fast.pushAt(columns, index);
    this.#slow.pushAt(columns, index);
    this.#write(this.#count++);
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
    this.#fast.reviseAt(columns, index);
    this.#slow.reviseAt(columns, index);
    this.#write(this.#count - 1);
  }

  // The same operations as `oscillate`, written out so that no double is returned.
  #write(i: number): void {
    if (i < this.#lookback) {
      this.outputs[0] = Number.NaN;
      return;
    }
    const fast = this.#fast.outputs[0] as number;
    const slow = this.#slow.outputs[0] as number;
    if (!this.#percent) this.outputs[0] = fast - slow;
    else this.outputs[0] = slow > -EPSILON && slow < EPSILON ? 0 : ((fast - slow) / slow) * 100;
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

function definition(kind: PriceOscillatorKind, description: string, output: string): IndicatorDefinition {
  return {
    name: kind,
    group: 'momentum',
    description,
    talib: true,
    inputs: ['real'],
    parameters: [
      period('fastperiod', 12, 2, 'Bars of the fast average.'),
      period('slowperiod', 26, 2, 'Bars of the slow average.'),
      matype('matype', 'Type of both moving averages.'),
    ],
    outputs: [{ name: 'real', type: 'real', description: output }],
    lookback: priceOscillatorLookback,
    compute: (inputs, p, outputs) =>
      computePriceOscillator(kind, inputs[0] as Float64Array, p, outputs[0] as Float64Array),
    createStream: (p) => new PriceOscillatorStream(kind, p),
  };
}

/** Registry entry for APO. */
export const APO_DEFINITION = definition(
  'APO',
  'Absolute price oscillator: a fast moving average minus a slow one.',
  'The difference of the averages.',
);

/** Registry entry for PPO. */
export const PPO_DEFINITION = definition(
  'PPO',
  'Percentage price oscillator: the gap between a fast and a slow moving average as a percentage of the slow one.',
  'The difference as a percentage of the slow average.',
);
