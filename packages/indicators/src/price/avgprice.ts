import { commonLength, nanArray } from '../support/arrays.js';
import type { IndicatorDefinition } from '../types.js';
import { StatelessStream } from './stateless-stream.js';

/** Fills `out[i]` with the mean of the bar's open, high, low and close (summed as TA-Lib does). */
export function computeAvgPrice(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
): void {
  const n = open.length;
  for (let i = 0; i < n; i++) out[i] = (high[i] + low[i] + close[i] + open[i]) / 4;
}

/**
 * Average price of each bar: (open + high + low + close) / 4, as TA-Lib's AVGPRICE.
 *
 * @example
 * const avg = AVGPRICE(series.open, series.high, series.low, series.close);
 */
export function AVGPRICE(open: Float64Array, high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const out = nanArray(commonLength('AVGPRICE', [open, high, low, close]));
  computeAvgPrice(open, high, low, close, out);
  return out;
}

/** Streaming average price: `push(open, high, low, close)`. */
export class AVGPRICEStream extends StatelessStream {
  constructor() {
    super(4);
  }

  protected write(columns: readonly Float64Array[], index: number): void {
    const open = columns[0]![index]!;
    const high = columns[1]![index]!;
    const low = columns[2]![index]!;
    const close = columns[3]![index]!;
    this.outputs[0] = (high + low + close + open) / 4;
  }
}

/** Registry entry for AVGPRICE. */
export const AVGPRICE_DEFINITION: IndicatorDefinition = {
  name: 'AVGPRICE',
  group: 'price',
  description: 'Average price: the mean of open, high, low and close of each bar.',
  talib: true,
  inputs: ['open', 'high', 'low', 'close'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The bar average.' }],
  lookback: () => 0,
  compute: (inputs, _p, outputs) =>
    computeAvgPrice(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      inputs[3] as Float64Array,
      outputs[0] as Float64Array,
    ),
  createStream: () => new AVGPRICEStream(),
};
