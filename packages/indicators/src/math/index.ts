import type { IndicatorDefinition } from '../types.js';

/** Every math indicator, for the registry. */
export const MATH_INDICATORS: readonly IndicatorDefinition[] = [];
