import type { IndicatorDefinition } from '../types.js';
import { SMA_DEFINITION } from './sma.js';

export { computeSma, SMA, SMA_DEFINITION, SMAStream } from './sma.js';

/** Every overlap indicator, for the registry. */
export const OVERLAP_INDICATORS: readonly IndicatorDefinition[] = [SMA_DEFINITION];
