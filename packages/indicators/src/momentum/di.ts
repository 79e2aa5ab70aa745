import { commonLength, nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeDirectional, MINUS_DI_KIND, PLUS_DI_KIND } from './directional.js';
import { directionalDefinition } from './directional-definition.js';
import { DirectionalStream } from './directional-stream.js';

/**
 * Plus directional indicator: smoothed +DM over smoothed true range, in percent, as TA-Lib's
 * PLUS_DI (which, for a period of 1, leaves the ratio unscaled).
 *
 * @example
 * const plusDi = PLUS_DI(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function PLUS_DI(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(PLUS_DI_DEFINITION, params);
  const out = nanArray(commonLength('PLUS_DI', [high, low, close]));
  computeDirectional(PLUS_DI_KIND, high, low, close, p.timeperiod as number, out);
  return out;
}

/**
 * Minus directional indicator: smoothed −DM over smoothed true range, in percent, as TA-Lib's
 * MINUS_DI (which, for a period of 1, leaves the ratio unscaled).
 *
 * @example
 * const minusDi = MINUS_DI(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function MINUS_DI(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(MINUS_DI_DEFINITION, params);
  const out = nanArray(commonLength('MINUS_DI', [high, low, close]));
  computeDirectional(MINUS_DI_KIND, high, low, close, p.timeperiod as number, out);
  return out;
}

/** Streaming plus directional indicator: `push(high, low, close)`. */
export class PLUS_DIStream extends DirectionalStream {
  constructor(params: IndicatorParams) {
    super(PLUS_DI_KIND, params);
  }
}

/** Streaming minus directional indicator: `push(high, low, close)`. */
export class MINUS_DIStream extends DirectionalStream {
  constructor(params: IndicatorParams) {
    super(MINUS_DI_KIND, params);
  }
}

/** Registry entry for PLUS_DI. */
export const PLUS_DI_DEFINITION: IndicatorDefinition = directionalDefinition(
  'PLUS_DI',
  PLUS_DI_KIND,
  1,
  'Plus directional indicator: smoothed upward movement as a percentage of the smoothed true range.',
  'The indicator, in percent.',
);

/** Registry entry for MINUS_DI. */
export const MINUS_DI_DEFINITION: IndicatorDefinition = directionalDefinition(
  'MINUS_DI',
  MINUS_DI_KIND,
  1,
  'Minus directional indicator: smoothed downward movement as a percentage of the smoothed true range.',
  'The indicator, in percent.',
);
