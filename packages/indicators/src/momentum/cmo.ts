import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { CMO_KIND, computeGainLoss, GainLossStream } from './gain-loss.js';

/** Fills `out` with the Chande momentum oscillator (Wilder-smoothed, TA-Lib's seeding). */
export function computeCmo(input: Float64Array, timeperiod: number, out: Float64Array): void {
  computeGainLoss(CMO_KIND, input, timeperiod, out);
}

/**
 * Chande momentum oscillator, as TA-Lib's CMO.
 *
 * @example
 * const cmo = CMO(series.close, { timeperiod: 14 });
 */
export function CMO(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(CMO_DEFINITION, params);
  const out = nanArray(real.length);
  computeCmo(real, p.timeperiod as number, out);
  return out;
}

/** Streaming Chande momentum oscillator: `push(close)`, O(1), no allocation. */
export class CMOStream extends GainLossStream {
  constructor(params: IndicatorParams) {
    super(CMO_KIND, params);
  }
}

/** Registry entry for CMO. */
export const CMO_DEFINITION: IndicatorDefinition = {
  name: 'CMO',
  group: 'momentum',
  description: 'Chande momentum oscillator: smoothed gains minus smoothed losses over their sum, from -100 to 100.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 14, 2, 'Number of changes smoothed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The oscillator, from -100 to 100.' }],
  lookback: (p) => p.timeperiod as number,
  compute: (inputs, p, outputs) =>
    computeCmo(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new CMOStream(p),
};
