import { nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import { ChangeStream, changeDefinition, computeChange, MOM_KIND } from './change.js';

/**
 * Momentum: the value minus the value `timeperiod` bars earlier, as TA-Lib's MOM.
 *
 * @example
 * const mom = MOM(series.close, { timeperiod: 10 });
 */
export function MOM(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(MOM_DEFINITION, params);
  const out = nanArray(real.length);
  computeChange(MOM_KIND, real, p.timeperiod as number, out);
  return out;
}

/** Streaming momentum: `push(close)`. */
export class MOMStream extends ChangeStream {
  constructor(params: IndicatorParams) {
    super(MOM_KIND, params);
  }
}

/** Registry entry for MOM. */
export const MOM_DEFINITION: IndicatorDefinition = changeDefinition(
  'MOM',
  MOM_KIND,
  'Momentum: the difference between the value and the value timeperiod bars earlier.',
  'The difference.',
);
