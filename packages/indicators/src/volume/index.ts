import type { IndicatorDefinition } from '../types.js';

/** Every volume indicator, for the registry. */
export const VOLUME_INDICATORS: readonly IndicatorDefinition[] = [];
