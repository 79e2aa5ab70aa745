import { StatelessStream } from '../price/stateless-stream.js';
import { commonLength, nanArray } from '../support/arrays.js';
import type { IndicatorDefinition } from '../types.js';
import { TALIB_EPSILON } from './near-zero.js';

/** Fills `out[i]` with (close − open) / (high − low), or 0 for a bar without range. */
export function computeBop(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
): void {
  const n = open.length;
  for (let i = 0; i < n; i++) {
    const range = high[i] - low[i];
    out[i] = range < TALIB_EPSILON ? 0 : (close[i] - open[i]) / range;
  }
}

/**
 * Balance of power: how much of the bar's range the body covers, signed by direction, as
 * TA-Lib's BOP.
 *
 * @example
 * const bop = BOP(series.open, series.high, series.low, series.close);
 */
export function BOP(open: Float64Array, high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const out = nanArray(commonLength('BOP', [open, high, low, close]));
  computeBop(open, high, low, close, out);
  return out;
}

/** Streaming balance of power: `push(open, high, low, close)`. */
export class BOPStream extends StatelessStream {
  constructor() {
    super(4);
  }

  protected write(columns: readonly Float64Array[], index: number): void {
    const open = columns[0]![index]!;
    const high = columns[1]![index]!;
    const low = columns[2]![index]!;
    const close = columns[3]![index]!;
    const range = high - low;
    this.outputs[0] = range < TALIB_EPSILON ? 0 : (close - open) / range;
  }
}

/** Registry entry for BOP. */
export const BOP_DEFINITION: IndicatorDefinition = {
  name: 'BOP',
  group: 'momentum',
  description: 'Balance of power: the bar body (close minus open) as a fraction of the bar range.',
  talib: true,
  inputs: ['open', 'high', 'low', 'close'],
  parameters: [],
  outputs: [{ name: 'real', type: 'real', description: 'The balance, from -1 to 1.' }],
  lookback: () => 0,
  compute: (inputs, _p, outputs) =>
    computeBop(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      inputs[2] as Float64Array,
      inputs[3] as Float64Array,
      outputs[0] as Float64Array,
    ),
  createStream: () => new BOPStream(),
};
