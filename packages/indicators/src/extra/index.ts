import type { IndicatorDefinition } from '../types.js';

/** Every extra indicator, for the registry. */
export const EXTRA_INDICATORS: readonly IndicatorDefinition[] = [];
