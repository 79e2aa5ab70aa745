import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeGainLoss, GainLossStream, RSI_KIND } from './gain-loss.js';

/** Fills `out` with the relative strength index (Wilder-smoothed, TA-Lib's seeding). */
export function computeRsi(input: Float64Array, timeperiod: number, out: Float64Array): void {
  computeGainLoss(RSI_KIND, input, timeperiod, out);
}

/**
 * Relative strength index, as TA-Lib's RSI.
 *
 * @example
 * const rsi = RSI(series.close, { timeperiod: 14 });
 */
export function RSI(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(RSI_DEFINITION, params);
  const out = nanArray(real.length);
  computeRsi(real, p.timeperiod as number, out);
  return out;
}

/** Streaming relative strength index: `push(close)`, O(1), no allocation. */
export class RSIStream extends GainLossStream {
  constructor(params: IndicatorParams) {
    super(RSI_KIND, params);
  }
}

/** Registry entry for RSI. */
export const RSI_DEFINITION: IndicatorDefinition = {
  name: 'RSI',
  group: 'momentum',
  description: 'Relative strength index: the share of smoothed gains in smoothed absolute changes, from 0 to 100.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 14, 2, 'Number of changes smoothed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The index, from 0 to 100.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeRsi(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new RSIStream(p),
};
