import type { IndicatorDefinition } from '../types.js';

/** Every price indicator, for the registry. */
export const PRICE_INDICATORS: readonly IndicatorDefinition[] = [];
