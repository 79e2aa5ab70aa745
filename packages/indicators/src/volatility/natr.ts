import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { ATRStream, computeAtr } from './atr.js';

/**
 * Normalized average true range: the ATR as a percentage of the close, as TA-Lib's NATR
 * (which, like TA-Lib, returns the plain true range for a period of 1).
 *
 * @example
 * const natr = NATR(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function NATR(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(NATR_DEFINITION, params);
  const out = nanArray(commonLength('NATR', [high, low, close]));
  computeAtr(high, low, close, p.timeperiod as number, out, true);
  return out;
}

/** Streaming normalized average true range: `push(high, low, close)`. */
export class NATRStream extends ATRStream {
  constructor(params: IndicatorParams) {
    super(params, true);
  }
}

/** Registry entry for NATR. */
export const NATR_DEFINITION: IndicatorDefinition = {
  name: 'NATR',
  group: 'volatility',
  description: 'Normalized average true range: the average true range as a percentage of the close.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [period('timeperiod', 14, 1, 'Number of bars smoothed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The average true range in percent of the close.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeAtr(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
      true,
    ),
  createStream: (p) => new NATRStream(p),
};
