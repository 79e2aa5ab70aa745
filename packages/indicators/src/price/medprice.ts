import { commonLength, nanArray } from '../support/arrays.js';
import type { IndicatorDefinition } from '../types.js';
import { StatelessStream } from './stateless-stream.js';

/** Fills `out[i]` with the midpoint of the bar's high and low. */
export function computeMedPrice(high: Float64Array, low: Float64Array, out: Float64Array): void {
  const n = high.length;
  for (let i = 0; i < n; i++) out[i] = (high[i] + low[i]) / 2;
}

/**
 * Median price of each bar: (high + low) / 2, as TA-Lib's MEDPRICE.
 *
 * @example
 * const mid = MEDPRICE(series.high, series.low);
 */
export function MEDPRICE(high: Float64Array, low: Float64Array): Float64Array {
  const out = nanArray(commonLength('MEDPRICE', [high, low]));
  computeMedPrice(high, low, out);
  return out;
}

/** Streaming median price: `push(high, low)`. */
export class MEDPRICEStream extends StatelessStream {
  constructor() {
    super(2);
  }

  protected write(columns: readonly Float64Array[], index: number): void {
    const high = columns[0]![index]!;
    const low = columns[1]![index]!;
    this.outputs[0] = (high + low) / 2;
  }
}

/** Registry entry for MEDPRICE. */
export const MEDPRICE_DEFINITION: IndicatorDefinition = {
  name: 'MEDPRICE',
  group: 'price',
  description: 'Median price: the midpoint between the high and the low of each bar.',
  talib: true,
  inputs: ['high', 'low'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The bar midpoint.' }],
  lookback: () => 0,
  compute: (inputs, _p, outputs) =>
    computeMedPrice(inputs[0] as Float64Array, inputs[1] as Float64Array, outputs[0] as Float64Array),
  createStream: () => new MEDPRICEStream(),
};
