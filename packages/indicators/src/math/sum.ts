import { nanArray } from '../support/arrays.js';
import { period, resolveParams } from '../support/params.js';
import { computeWindowSum, WindowSumStream } from '../support/window-sum.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/**
 * Fills `out[i]` with the sum of the `timeperiod` inputs ending at `i` (NaN before), in
 * TA-Lib's order of additions.
 */
export function computeSum(input: Float64Array, timeperiod: number, out: Float64Array): void {
  computeWindowSum(input, timeperiod, 1, out);
}

/**
 * Rolling sum over `timeperiod` values, as TA-Lib's SUM.
 *
 * @example
 * const volume20 = SUM(series.volume, { timeperiod: 20 });
 */
export function SUM(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(SUM_DEFINITION, params);
  const out = nanArray(real.length);
  computeSum(real, p.timeperiod as number, out);
  return out;
}

/** Streaming rolling sum: O(1) per bar over a ring buffer, no allocation. */
export class SUMStream extends WindowSumStream {
  constructor(params: IndicatorParams) {
    super(params, 1);
  }
}

/** Registry entry for SUM. */
export const SUM_DEFINITION: IndicatorDefinition = {
  name: 'SUM',
  group: 'math-operator',
  description: 'Rolling sum of the last timeperiod values.',
  talib: true,
  inputs: ['real'],
  parameters: [period('timeperiod', 30, 2, 'Number of values summed.')],
  outputs: [{ name: 'real', type: 'real', description: 'The rolling sum.' }],
  lookback: (p) => (p.timeperiod as number) - 1,
  compute: (inputs, p, outputs) =>
    computeSum(inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
  createStream: (p) => new SUMStream(p),
};
