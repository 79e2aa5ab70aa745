import { commonLength, nanArray } from '../support/arrays.js';
import type { IndicatorDefinition } from '../types.js';
import { StatelessStream } from './stateless-stream.js';

/** Fills `out[i]` with the weighted close of the bar: (high + low + 2 × close) / 4. */
export function computeWclPrice(high: Float64Array, low: Float64Array, close: Float64Array, out: Float64Array): void {
  const n = high.length;
  for (let i = 0; i < n; i++) out[i] = (high[i] + low[i] + close[i] * 2) / 4;
}

/**
 * Weighted close price of each bar: (high + low + 2 × close) / 4, as TA-Lib's WCLPRICE.
 *
 * @example
 * const weighted = WCLPRICE(series.high, series.low, series.close);
 */
export function WCLPRICE(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const out = nanArray(commonLength('WCLPRICE', [high, low, close]));
  computeWclPrice(high, low, close, out);
  return out;
}

/** Streaming weighted close price: `push(high, low, close)`. */
export class WCLPRICEStream extends StatelessStream {
  constructor() {
    super(3);
  }

  protected write(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    const close = columns[2]![index]!;
    this.outputs[0] = (high + low + close * 2) / 4;
  }
}

/** Registry entry for WCLPRICE. */
export const WCLPRICE_DEFINITION: IndicatorDefinition = {
  name: 'WCLPRICE',
  group: 'price',
  description: 'Weighted close price: high, low and twice the close of each bar, averaged.',
  talib: true,
  inputs: ['high', 'low', 'close'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The weighted close.' }],
  lookback: () => 0,
  compute: (inputs, _p, outputs) =>
    computeWclPrice(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      outputs[0] as Float64Array,
    ),
  createStream: () => new WCLPRICEStream(),
};
