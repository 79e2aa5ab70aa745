import { commonLength, nanArray } from '../support/arrays.js';
import { REAL_LIMIT, real, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeSarWith, SarStreamBase, sarSettings } from './sar-engine.js';

/** Returns the engine settings of a plain parabolic SAR. */
function settingsOf(acceleration: number, maximum: number): Float64Array {
  return sarSettings(0, 0, acceleration, acceleration, maximum, acceleration, acceleration, maximum, false);
}

/**
 * Fills `out` with Wilder's parabolic stop-and-reverse (NaN on the first bar). The first
 * direction is short when the second bar's low falls further than its high rises, else long.
 */
export function computeSar(
  high: Float64Array,
  low: Float64Array,
  acceleration: number,
  maximum: number,
  out: Float64Array,
): void {
  computeSarWith(settingsOf(acceleration, maximum), high, low, out);
}

/**
 * Parabolic SAR, as TA-Lib's SAR.
 *
 * @example
 * const sar = SAR(series.high, series.low, { acceleration: 0.02, maximum: 0.2 });
 */
export function SAR(
  high: Float64Array,
  low: Float64Array,
  params: { acceleration?: number; maximum?: number } = {},
): Float64Array {
  const p = resolveParams(SAR_DEFINITION, params);
  const out = nanArray(commonLength('SAR', [high, low]));
  computeSar(high, low, p.acceleration as number, p.maximum as number, out);
  return out;
}

/** Streaming parabolic SAR: `push(high, low)`, O(1) per bar, no allocation. */
export class SARStream extends SarStreamBase {
  constructor(params: IndicatorParams) {
    super(settingsOf(params.acceleration as number, params.maximum as number));
  }
}

/** Registry entry for SAR. */
export const SAR_DEFINITION: IndicatorDefinition = {
  name: 'SAR',
  group: 'overlap',
  description:
    "Wilder's parabolic stop-and-reverse, a trailing stop that accelerates toward price and flips on a cross.",
  talib: true,
  inputs: ['high', 'low'],
  parameters: [
    real('acceleration', 0.02, 0, REAL_LIMIT, 'Initial acceleration factor, and its increase at each new extreme.'),
    real('maximum', 0.2, 0, REAL_LIMIT, 'Largest acceleration factor.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The stop-and-reverse level.' }],
  lookback: () => 1,
  compute: (inputs, p, outputs) =>
    computeSar(
      inputs[0] as Float64Array,
      inputs[1] as Float64Array,
      p.acceleration as number,
      p.maximum as number,
      outputs[0] as Float64Array,
    ),
  createStream: (p) => new SARStream(p),
};
