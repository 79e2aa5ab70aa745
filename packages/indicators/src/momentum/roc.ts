import { nanArray } from '../support/arrays.js';
import { resolveParams } from '../support/params.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';
import {
  ChangeStream,
  changeDefinition,
  computeChange,
  ROC_KIND,
  ROCP_KIND,
  ROCR_KIND,
  ROCR100_KIND,
} from './change.js';

// The rate-of-change family: the same ring of past values, four ways of comparing with it.

/**
 * Rate of change in percent: (value / earlier value − 1) × 100, as TA-Lib's ROC.
 * A zero earlier value gives 0.
 *
 * @example
 * const roc = ROC(series.close, { timeperiod: 10 });
 */
export function ROC(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(ROC_DEFINITION, params);
  const out = nanArray(real.length);
  computeChange(ROC_KIND, real, p.timeperiod as number, out);
  return out;
}

/** Streaming rate of change in percent: `push(close)`. */
export class ROCStream extends ChangeStream {
  constructor(params: IndicatorParams) {
    super(ROC_KIND, params);
  }
}

/** Registry entry for ROC. */
export const ROC_DEFINITION: IndicatorDefinition = changeDefinition(
  'ROC',
  ROC_KIND,
  'Rate of change: the percent change from the value timeperiod bars earlier.',
  'The change in percent.',
);

/**
 * Rate of change as a fraction: (value − earlier value) / earlier value, as TA-Lib's ROCP.
 * A zero earlier value gives 0.
 *
 * @example
 * const rocp = ROCP(series.close, { timeperiod: 10 });
 */
export function ROCP(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(ROCP_DEFINITION, params);
  const out = nanArray(real.length);
  computeChange(ROCP_KIND, real, p.timeperiod as number, out);
  return out;
}

/** Streaming fractional rate of change: `push(close)`. */
export class ROCPStream extends ChangeStream {
  constructor(params: IndicatorParams) {
    super(ROCP_KIND, params);
  }
}

/** Registry entry for ROCP. */
export const ROCP_DEFINITION: IndicatorDefinition = changeDefinition(
  'ROCP',
  ROCP_KIND,
  'Rate of change as a fraction of the value timeperiod bars earlier.',
  'The change as a fraction.',
);

/**
 * Rate of change as a ratio: value / earlier value, as TA-Lib's ROCR.
 * A zero earlier value gives 0.
 *
 * @example
 * const rocr = ROCR(series.close, { timeperiod: 10 });
 */
export function ROCR(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(ROCR_DEFINITION, params);
  const out = nanArray(real.length);
  computeChange(ROCR_KIND, real, p.timeperiod as number, out);
  return out;
}

/** Streaming ratio rate of change: `push(close)`. */
export class ROCRStream extends ChangeStream {
  constructor(params: IndicatorParams) {
    super(ROCR_KIND, params);
  }
}

/** Registry entry for ROCR. */
export const ROCR_DEFINITION: IndicatorDefinition = changeDefinition(
  'ROCR',
  ROCR_KIND,
  'Rate of change as the ratio of the value to the value timeperiod bars earlier.',
  'The ratio.',
);

/**
 * Rate of change as a ratio in percent: value / earlier value × 100, as TA-Lib's ROCR100.
 * A zero earlier value gives 0.
 *
 * @example
 * const rocr100 = ROCR100(series.close, { timeperiod: 10 });
 */
export function ROCR100(real: Float64Array, params: { timeperiod?: number } = {}): Float64Array {
  const p = resolveParams(ROCR100_DEFINITION, params);
  const out = nanArray(real.length);
  computeChange(ROCR100_KIND, real, p.timeperiod as number, out);
  return out;
}

/** Streaming ratio rate of change in percent: `push(close)`. */
export class ROCR100Stream extends ChangeStream {
  constructor(params: IndicatorParams) {
    super(ROCR100_KIND, params);
  }
}

/** Registry entry for ROCR100. */
export const ROCR100_DEFINITION: IndicatorDefinition = changeDefinition(
  'ROCR100',
  ROCR100_KIND,
  'Rate of change as the ratio, in percent, of the value to the value timeperiod bars earlier.',
  'The ratio in percent.',
);
