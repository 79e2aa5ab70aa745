import { nanArray } from '../support/arrays.js';
import { matype, period, resolveParams } from '../support/params.js';
import type { IndicatorDefinition } from '../types.js';
import { computeMovingAverage, createMovingAverage, movingAverageLookback } from './moving-average.js';

/**
 * Moving average of any type, as TA-Lib's MA (matype 0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA,
 * 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3); a timeperiod of 1 returns the input.
 *
 * @example
 * const ema = MA(series.close, { timeperiod: 20, matype: 1 });
 */
export function MA(real: Float64Array, params: { timeperiod?: number; matype?: number } = {}): Float64Array {
  const p = resolveParams(MA_DEFINITION, params);
  const out = nanArray(real.length);
  computeMovingAverage(p.matype as number, real, p.timeperiod as number, out);
  return out;
}

/** Registry entry for MA. */
export const MA_DEFINITION: IndicatorDefinition = {
  name: 'MA',
  group: 'overlap',
  description: 'Moving average of a chosen type, from the simple mean to adaptive averages.',
  talib: true,
  inputs: ['real'],
  parameters: [
    period('timeperiod', 30, 1, 'Number of bars averaged; 1 passes the input through.'),
    matype('matype', 'Type of moving average.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => movingAverageLookback(p.matype as number, p.timeperiod as number),
  compute: (inputs, p, outputs) =>
    computeMovingAverage(
      p.matype as number,
      inputs[0] as Float64Array,
      p.timeperiod as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => createMovingAverage(p.matype as number, p.timeperiod as number),
};
