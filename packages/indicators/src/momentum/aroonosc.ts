import { commonLength, nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { AROONStream, computeAroonScan } from './aroon.js';

/**
 * Aroon oscillator: aroonup − aroondown, from −100 to 100, as TA-Lib's AROONOSC.
 *
 * @example
 * const osc = AROONOSC(series.high, series.low, { timeperiod: 14 });
 */
export function AROONOSC(high: Float64Array, low: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(AROONOSC_DEFINITION, params);
  const out = nanArray(commonLength('AROONOSC', [high, low]));
  computeAroonScan(high, low, p.timeperiod as number, out, undefined);
  return out;
}

/** Streaming Aroon oscillator: `push(high, low)`. */
export class AROONOSCStream extends AROONStream {
  constructor(params: IndicatorParams) {
    super(params, true);
  }
}

/** Registry entry for AROONOSC. */
export const AROONOSC_DEFINITION: IndicatorDefinition = {
  name: 'AROONOSC',
  group: 'momentum',
  description:
    'Aroon oscillator: Aroon up minus Aroon down, positive when the recent high is newer than the recent low.',
  talib: true,
  inputs: ['high', 'low'],
  parameters: [period('timeperiod', 14, 2, 'Number of bars looked back.')],
  outputs: [{ name: 'real', type: 'real', description: 'The oscillator, from -100 to 100.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeAroonScan(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
      undefined,
    ),
  createStream: (p) => new AROONOSCStream(p),
};
