import { commonLength, nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { computeDirectional, DX_KIND } from './directional.js';
import { directionalDefinition } from './directional-definition.js';
import { DirectionalStream } from './directional-stream.js';

/**
 * Directional movement index: 100 × |+DI − −DI| / (+DI + −DI), as TA-Lib's DX (a bar whose
 * ratio is undefined repeats the previous value).
 *
 * @example
 * const dx = DX(series.high, series.low, series.close, { timeperiod: 14 });
 */
export function DX(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  params: { timeperiod?: number } = {},
): Float64Array {
  const p = resolveParams(DX_DEFINITION, params);
  const out = nanArray(commonLength('DX', [high, low, close]));
  computeDirectional(DX_KIND, high, low, close, p.timeperiod as number, out);
  return out;
}

/** Streaming directional movement index: `push(high, low, close)`. */
export class DXStream extends DirectionalStream {
  constructor(params: IndicatorParams) {
    super(DX_KIND, params);
  }
}

/** Registry entry for DX. */
export const DX_DEFINITION: IndicatorDefinition = directionalDefinition(
  'DX',
  DX_KIND,
  2,
  'Directional movement index: the spread between the plus and minus directional indicators over their sum.',
  'The index, from 0 to 100.',
);
