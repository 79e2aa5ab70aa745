import { commonLength, nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeDirectional, MINUS_DM_KIND, PLUS_DM_KIND } from './directional.js';
import { directionalDefinition } from './directional-definition.js';
import { DirectionalStream } from './directional-stream.js';

/**
 * Plus directional movement, summed over timeperiod − 1 moves then Wilder-smoothed, as
 * TA-Lib's PLUS_DM. A period of 1 gives each bar's raw movement.
 *
 * @example
 * const plusDm = PLUS_DM(series.high, series.low, { timeperiod: 14 });
 */
export function PLUS_DM(high: Float64Array, low: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(PLUS_DM_DEFINITION, params);
  const out = nanArray(commonLength('PLUS_DM', [high, low]));
  computeDirectional(PLUS_DM_KIND, high, low, high, p.timeperiod as number, out);
  return out;
}

/**
 * Minus directional movement, summed over timeperiod − 1 moves then Wilder-smoothed, as
 * TA-Lib's MINUS_DM. A period of 1 gives each bar's raw movement.
 *
 * @example
 * const minusDm = MINUS_DM(series.high, series.low, { timeperiod: 14 });
 */
export function MINUS_DM(high: Float64Array, low: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(MINUS_DM_DEFINITION, params);
  const out = nanArray(commonLength('MINUS_DM', [high, low]));
  computeDirectional(MINUS_DM_KIND, high, low, high, p.timeperiod as number, out);
  return out;
}

/** Streaming plus directional movement: `push(high, low)`. */
export class PLUS_DMStream extends DirectionalStream {
  constructor(params: IndicatorParams) {
    super(PLUS_DM_KIND, params);
  }
}

/** Streaming minus directional movement: `push(high, low)`. */
export class MINUS_DMStream extends DirectionalStream {
  constructor(params: IndicatorParams) {
    super(MINUS_DM_KIND, params);
  }
}

/** Registry entry for PLUS_DM. */
export const PLUS_DM_DEFINITION: IndicatorDefinition = directionalDefinition(
  'PLUS_DM',
  PLUS_DM_KIND,
  1,
  'Plus directional movement: the smoothed rise of the high, counted on bars where it beats the fall of the low.',
  'The smoothed upward movement.',
);

/** Registry entry for MINUS_DM. */
export const MINUS_DM_DEFINITION: IndicatorDefinition = directionalDefinition(
  'MINUS_DM',
  MINUS_DM_KIND,
  1,
  'Minus directional movement: the smoothed fall of the low, counted on bars where it beats the rise of the high.',
  'The smoothed downward movement.',
);
