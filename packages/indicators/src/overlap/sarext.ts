import { commonLength, nanArray } from '../support/arrays.js';
import { REAL_LIMIT, real, resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeSarWith, SarStreamBase, sarSettings } from './sar-engine.js';

/** SAREXT's parameters, by TA-Lib's names. */
export interface SarextParams {
  startvalue?: number;
  offsetonreverse?: number;
  accelerationinitlong?: number;
  accelerationlong?: number;
  accelerationmaxlong?: number;
  accelerationinitshort?: number;
  accelerationshort?: number;
  accelerationmaxshort?: number;
}

function settingsOf(p: IndicatorParams): Float64Array {
  return sarSettings(
    p.startvalue as number,
    p.offsetonreverse as number,
    p.accelerationinitlong as number,
    p.accelerationlong as number,
    p.accelerationmaxlong as number,
    p.accelerationinitshort as number,
    p.accelerationshort as number,
    p.accelerationmaxshort as number,
    true,
  );
}

/**
 * Fills `out` with the extended parabolic SAR for resolved parameters `params` (NaN on the
 * first bar); the value is negative while the position is short.
 */
export function computeSarext(high: Float64Array, low: Float64Array, params: IndicatorParams, out: Float64Array): void {
  computeSarWith(settingsOf(params), high, low, out);
}

/**
 * Extended parabolic SAR, as TA-Lib's SAREXT: separate accelerations for long and short
 * positions, an optional start value and offset on reversal, short positions negative.
 *
 * @example
 * const sar = SAREXT(series.high, series.low, { accelerationmaxshort: 0.3 });
 */
export function SAREXT(high: Float64Array, low: Float64Array, params: SarextParams = {}): Float64Array {
  const p = resolveParams(SAREXT_DEFINITION, params as Record<string, number>);
  const out = nanArray(commonLength('SAREXT', [high, low]));
  computeSarext(high, low, p, out);
  return out;
}

/** Streaming extended parabolic SAR: `push(high, low)`, O(1) per bar, no allocation. */
export class SAREXTStream extends SarStreamBase {
  constructor(params: IndicatorParams) {
    super(settingsOf(params));
  }
}

/** Registry entry for SAREXT. */
export const SAREXT_DEFINITION: IndicatorDefinition = {
  name: 'SAREXT',
  group: 'overlap',
  description: 'Parabolic SAR with separate long and short accelerations, reported negative while short.',
  talib: true,
  inputs: ['high', 'low'],
  parameters: [
    real(
      'startvalue',
      0,
      -REAL_LIMIT,
      REAL_LIMIT,
      'Starting SAR: 0 picks the direction from the data, >0 starts long, <0 short.',
    ),
    real('offsetonreverse', 0, 0, REAL_LIMIT, 'Fraction by which the SAR is moved away from price on a reversal.'),
    real('accelerationinitlong', 0.02, 0, REAL_LIMIT, 'Acceleration factor when a long position starts.'),
    real('accelerationlong', 0.02, 0, REAL_LIMIT, 'Increase of the long acceleration factor at each new high.'),
    real('accelerationmaxlong', 0.2, 0, REAL_LIMIT, 'Largest long acceleration factor.'),
    real('accelerationinitshort', 0.02, 0, REAL_LIMIT, 'Acceleration factor when a short position starts.'),
    real('accelerationshort', 0.02, 0, REAL_LIMIT, 'Increase of the short acceleration factor at each new low.'),
    real('accelerationmaxshort', 0.2, 0, REAL_LIMIT, 'Largest short acceleration factor.'),
  ],
  outputs: [{ name: 'real', type: 'real', description: 'The stop-and-reverse level, negative while short.' }],
  lookback: () => 1,
  compute: (inputs, p, outputs) =>
    computeSarext(inputs[0] as Float64Array, inputs[1] as Float64Array, p, outputs[0] as Float64Array),
  createStream: (p) => new SAREXTStream(p),
};
