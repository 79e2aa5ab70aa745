import { computeRsi, RSI_DEFINITION, RSIStream } from '../momentum/index.js';
import { computeMovingAverage } from '../overlap/index.js';
import { nanArray } from '../support/arrays.js';
import { matype, period, resolveParams } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeFastK } from './fast-k.js';
import { stochfLookback } from './stochastic.js';
import { StochasticStream } from './stochastic-core.js';

function rsiLookback(p: IndicatorParams): number {
  return RSI_DEFINITION.lookback({ timeperiod: p.timeperiod as number });
}

/** Returns the lookback of STOCHRSI: RSI's lookback plus STOCHF's. */
export function stochRsiLookback(p: IndicatorParams): number {
  return rsiLookback(p) + stochfLookback(p);
}

/**
 * Fills `fastk` and `fastd` with the fast stochastic of the RSI series (the RSI standing in
 * for high, low and close), NaN during the warm-up. Allocates one scratch array for the RSI.
 */
export function computeStochRsi(input: Float64Array, p: IndicatorParams, fastk: Float64Array, fastd: Float64Array) {
  const n = input.length;
  const rsi = new Float64Array(n);
  computeRsi(input, p.timeperiod as number, rsi);
  const rsiStart = rsiLookback(p);
  const fastkPeriod = p.fastk_period as number;
  computeFastK(rsi, rsi, rsi, fastkPeriod, fastk, rsiStart);
  computeMovingAverage(p.fastd_matype as number, fastk, p.fastd_period as number, fastd, rsiStart + fastkPeriod - 1);
  fastk.fill(Number.NaN, 0, Math.min(n, stochRsiLookback(p)));
}

/**
 * Stochastic RSI, as TA-Lib's STOCHRSI: the fast stochastic applied to the RSI.
 *
 * @example
 * const { fastk, fastd } = STOCHRSI(series.close, { timeperiod: 14, fastk_period: 5, fastd_period: 3 });
 */
export function STOCHRSI(
  real: Float64Array,
  params: { timeperiod?: number; fastk_period?: number; fastd_period?: number; fastd_matype?: number } = {},
): { fastk: Float64Array; fastd: Float64Array } {
  const p = resolveParams(STOCHRSI_DEFINITION, params);
  const out = { fastk: nanArray(real.length), fastd: nanArray(real.length) };
  computeStochRsi(real, p, out.fastk, out.fastd);
  return out;
}

/** Streaming STOCHRSI: an RSI stream feeding a fast-stochastic stream, O(1) amortised. */
export class STOCHRSIStream extends StreamBase {
  readonly #rsi: RSIStream;
  readonly #stoch: StochasticStream;
  readonly #rsiStart: number;
  /**
   * The RSI as high, low and close of the stochastic: one value, passed as a column rather
   * than as numbers, which a call V8 does not inline would box on the heap.
   */
  readonly #rsiValue = new Float64Array(1);
  readonly #rsiColumns: readonly Float64Array[] = [this.#rsiValue, this.#rsiValue, this.#rsiValue];
  #count = 0;

  constructor(p: IndicatorParams) {
    super(2, 1);
    this.#rsi = new RSIStream({ timeperiod: p.timeperiod as number });
    this.#stoch = new StochasticStream(p.fastk_period as number, null, {
      period: p.fastd_period as number,
      matype: p.fastd_matype as number,
    });
    this.#rsiStart = rsiLookback(p);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#rsi.pushAt(columns, index);
    if (this.#count++ >= this.#rsiStart) {
      this.#rsiValue[0] = this.#rsi.outputs[0] as number;
      this.#stoch.pushAt(this.#rsiColumns, 0);
      this.#copy();
    }
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
    this.#rsi.reviseAt(columns, index);
    if (this.#count - 1 >= this.#rsiStart) {
      this.#rsiValue[0] = this.#rsi.outputs[0] as number;
      this.#stoch.reviseAt(this.#rsiColumns, 0);
      this.#copy();
    }
  }

  #copy(): void {
    const from = this.#stoch.outputs;
    this.outputs[0] = from[0] as number;
    this.outputs[1] = from[1] as number;
  }

  get isReady(): boolean {
    return this.#stoch.isReady;
  }

  reset(): void {
    this.#rsi.reset();
    this.#stoch.reset();
    this.#count = 0;
    this.outputs.fill(Number.NaN);
  }
}

/** Registry entry for STOCHRSI. */
export const STOCHRSI_DEFINITION: IndicatorDefinition = {
  name: 'STOCHRSI',
  group: 'momentum',
  description: 'Stochastic RSI: the fast stochastic oscillator applied to the relative strength index.',
  talib: true,
  inputs: ['real'],
  parameters: [
    period('timeperiod', 14, 2, 'Bars of the RSI.'),
    period('fastk_period', 5, 1, 'Bars over which the highest and lowest RSI are taken.'),
    period('fastd_period', 3, 1, 'Bars of the average of %K.'),
    matype('fastd_matype', 'Type of the average of %K.'),
  ],
  outputs: [
    { name: 'fastk', type: 'real', description: 'Where the RSI sits in its recent range, from 0 to 100.' },
    { name: 'fastd', type: 'real', description: 'The average of %K.' },
  ],
  lookback: stochRsiLookback,
  compute: (inputs, p, outputs) =>
    computeStochRsi(inputs[0] as Float64Array, p, outputs[0] as Float64Array, outputs[1] as Float64Array),
  createStream: (p) => new STOCHRSIStream(p),
};
