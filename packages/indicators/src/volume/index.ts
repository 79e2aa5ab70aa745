import type { IndicatorDefinition } from '../types.js';
import { AD_DEFINITION } from './ad.js';
import { ADOSC_DEFINITION } from './adosc.js';
import { OBV_DEFINITION } from './obv.js';

export { AD, AD_DEFINITION, ADStream, computeAd, moneyFlow } from './ad.js';
export { ADOSC, ADOSC_DEFINITION, ADOSCStream, adoscLookback, computeAdosc } from './adosc.js';
export { computeObv, OBV, OBV_DEFINITION, OBVStream } from './obv.js';

/** Every volume indicator, for the registry. */
export const VOLUME_INDICATORS: readonly IndicatorDefinition[] = [AD_DEFINITION, ADOSC_DEFINITION, OBV_DEFINITION];
