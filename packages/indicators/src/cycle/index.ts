import type { IndicatorDefinition } from '../types.js';

/** Every cycle indicator, for the registry. */
export const CYCLE_INDICATORS: readonly IndicatorDefinition[] = [];
