import { commonLength, nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { ADX_KIND, computeDirectional } from './directional.js';
import { directionalDefinition } from './directional-definition.js';
import { DirectionalStream } from './directional-stream.js';

/**
 * Average directional movement index: DX seeded with its mean over timeperiod bars, then
 * Wilder-smoothed, as TA-Lib's ADX.
 *
 * @example
 * const adx = ADX(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function ADX(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(ADX_DEFINITION, params);
  const out = nanArray(commonLength('ADX', [high, low, close]));
  computeDirectional(ADX_KIND, high, low, close, p.timeperiod as number, out);
  return out;
}

/** Streaming average directional movement index: `push(high, low, close)`. */
export class ADXStream extends DirectionalStream {
  constructor(params: IndicatorParams) {
    super(ADX_KIND, params);
  }
}

/** Registry entry for ADX. */
export const ADX_DEFINITION: IndicatorDefinition = directionalDefinition(
  'ADX',
  ADX_KIND,
  2,
  'Average directional movement index: the smoothed DX, measuring trend strength regardless of direction.',
  'The index, from 0 to 100.',
);
