import type { IndicatorDefinition } from '../types.js';
import { ATR_DEFINITION } from './atr.js';
import { NATR_DEFINITION } from './natr.js';
import { TRANGE_DEFINITION } from './true-range.js';

export { ATR, ATR_DEFINITION, ATRStream, computeAtr } from './atr.js';
export { NATR, NATR_DEFINITION, NATRStream } from './natr.js';
export { computeTrange, TRANGE, TRANGE_DEFINITION, TRANGEStream, trueRange } from './true-range.js';

/** Every volatility indicator, for the registry. */
export const VOLATILITY_INDICATORS: readonly IndicatorDefinition[] = [
  ATR_DEFINITION,
  NATR_DEFINITION,
  TRANGE_DEFINITION,
];
