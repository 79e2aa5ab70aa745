import type { IndicatorDefinition } from '../types.js';

/** Every pattern indicator, for the registry. */
export const PATTERN_INDICATORS: readonly IndicatorDefinition[] = [];
