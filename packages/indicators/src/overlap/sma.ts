import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { computeWindowSum, WindowSumStream } from '../support/window-sum.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with the simple moving average of the `timeperiod` inputs ending at `i`
 * (NaN for the first `timeperiod − 1` bars), agreeing with TA-Lib to the last bit.
 */
export function computeSma(input: Float64Array, timeperiod: number, out: Float64Array, from = 0): void {
  computeWindowSum(input, timeperiod, timeperiod, out, from);
}

/**
 * Simple moving average, as TA-Lib's SMA.
 *
 * @example
 * const sma = SMA(series.close, { timeperiod: 20 });
 */
export function SMA(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(SMA_DEFINITION, params);
  const out = nanArray(real.length);
  computeSma(real, p.timeperiod as number, out);
  return out;
}

/** Streaming simple moving average: O(1) per bar over a ring buffer, no allocation. */
export class SMAStream extends WindowSumStream {
  constructor(params: IndicatorParams) {
    super(params, params.timeperiod as number);
  }
}

/** Registry entry for SMA. */
export const SMA_DEFINITION: IndicatorDefinition = {
  name: 'SMA',
  group: 'overlap',
  description: 'Simple moving average: the mean of the last timeperiod values.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of values averaged.')],
  outputs: [{ name: 'real', type: 'real', description: 'The moving average.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeSma(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new SMAStream(p),
};
