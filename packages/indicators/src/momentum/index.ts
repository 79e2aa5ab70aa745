import type { IndicatorDefinition } from '../types.js';

/** Every momentum indicator, for the registry. */
export const MOMENTUM_INDICATORS: readonly IndicatorDefinition[] = [];
