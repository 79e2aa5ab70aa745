import type { IndicatorDefinition } from '../types.js';

/** Candlestick patterns CDLHOMINGPIGEON … CDLXSIDEGAP3METHODS, for the registry. */
export const PATTERN_B_INDICATORS: readonly IndicatorDefinition[] = [];
