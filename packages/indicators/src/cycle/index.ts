import type { IndicatorDefinition } from '../types.js';
import { HT_DCPERIOD_DEFINITION } from './ht-dcperiod.js';
import { HT_DCPHASE_DEFINITION } from './ht-dcphase.js';
import { HT_PHASOR_DEFINITION } from './ht-phasor.js';
import { HT_SINE_DEFINITION } from './ht-sine.js';
import { HT_TRENDLINE_DEFINITION } from './ht-trendline.js';
import { HT_TRENDMODE_DEFINITION } from './ht-trendmode.js';

export { computeHtDcPeriod, HT_DCPERIOD, HT_DCPERIOD_DEFINITION, HTDCPeriodStream } from './ht-dcperiod.js';
export { computeHtDcPhase, HT_DCPHASE, HT_DCPHASE_DEFINITION, HTDCPhaseStream } from './ht-dcphase.js';
export { computeHtPhasor, HT_PHASOR, HT_PHASOR_DEFINITION, HTPhasorStream } from './ht-phasor.js';
export { computeHtSine, HT_SINE, HT_SINE_DEFINITION, HTSineStream } from './ht-sine.js';
export { computeHtTrendline, HT_TRENDLINE, HT_TRENDLINE_DEFINITION, HTTrendlineStream } from './ht-trendline.js';
export { computeHtTrendMode, HT_TRENDMODE, HT_TRENDMODE_DEFINITION, HTTrendModeStream } from './ht-trendmode.js';

/**
 * Every cycle indicator, for the registry. HT_TRENDLINE lives here with its Hilbert siblings
 * although its group, as in TA-Lib, is 'overlap'.
 */
export const CYCLE_INDICATORS: readonly IndicatorDefinition[] = [
  HT_DCPERIOD_DEFINITION,
  HT_DCPHASE_DEFINITION,
  HT_PHASOR_DEFINITION,
  HT_SINE_DEFINITION,
  HT_TRENDLINE_DEFINITION,
  HT_TRENDMODE_DEFINITION,
];
