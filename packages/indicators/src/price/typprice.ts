import { commonLength, nanArray } from '../support/arrays.js';
import type { IndicatorDefinition } from '../types.js';
import { StatelessStream } from './stateless-stream.js';

/** Fills `out[i]` with the typical price of the bar: (high + low + close) / 3. */
export function computeTypPrice(high: Float64Array, low: Float64Array, close: Float64Array, out: Float64Array): void {
  const n = high.length;
  for (let i = 0; i < n; i++) out[i] = (high[i] + low[i] + close[i]) / 3;
}

/**
 * Typical price of each bar: (high + low + close) / 3, as TA-Lib's TYPPRICE.
 *
 * @example
 * const typical = TYPPRICE(series.high, series.low, series.close);
 */
export function TYPPRICE(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const out = nanArray(commonLength('TYPPRICE', [high, low, close]));
  computeTypPrice(high, low, close, out);
  return out;
}

/** Streaming typical price: `push(high, low, close)`. */
export class TYPPRICEStream extends StatelessStream {
  constructor() {
    super(3);
  }

  protected write(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    this.outputs[0] = (high + low + close) / 3;
  }
}

/** Registry entry for TYPPRICE. */
export const TYPPRICE_DEFINITION: IndicatorDefinition = {
  name: 'TYPPRICE',
  group: 'price',
  description: 'Typical price: the mean of high, low and close of each bar.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The typical price.' }],
  lookback: () => 0,
  compute: (inputs, _p, outputs) =>
    computeTypPrice(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      outputs[0] as Float64Array,
    ),
  createStream: () => new TYPPRICEStream(),
};
