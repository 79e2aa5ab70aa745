import type { IndicatorDefinition } from '../types.js';

/** Every statistic indicator, for the registry. */
export const STATISTIC_INDICATORS: readonly IndicatorDefinition[] = [];
