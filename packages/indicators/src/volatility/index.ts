import type { IndicatorDefinition } from '../types.js';

/** Every volatility indicator, for the registry. */
export const VOLATILITY_INDICATORS: readonly IndicatorDefinition[] = [];
