import type { IndicatorDefinition } from '../types.js';
import { AO_DEFINITION } from './ao.js';
import { CHOP_DEFINITION } from './chop.js';
import { CMF_DEFINITION } from './cmf.js';
import { DONCHIAN_DEFINITION } from './donchian.js';
import { ELDERRAY_DEFINITION } from './elderray.js';
import { FISHER_DEFINITION } from './fisher.js';
import { HEIKINASHI_DEFINITION } from './heikinashi.js';
import { HMA_DEFINITION } from './hma.js';
import { ICHIMOKU_DEFINITION } from './ichimoku.js';
import { KELTNER_DEFINITION } from './keltner.js';
import { SUPERTREND_DEFINITION } from './supertrend.js';
import { VORTEX_DEFINITION } from './vortex.js';
import { VWAP_DEFINITION } from './vwap.js';
import { VWMA_DEFINITION } from './vwma.js';
import { ZLEMA_DEFINITION } from './zlema.js';

export { AO, AO_DEFINITION, AOStream, aoLookback, computeAo } from './ao.js';
export { CHOP, CHOP_DEFINITION, CHOPStream, computeChop } from './chop.js';
export { CMF, CMF_DEFINITION, CMFStream, computeCmf, moneyFlowVolume } from './cmf.js';
export { computeDonchian, DONCHIAN, DONCHIAN_DEFINITION, DONCHIANStream } from './donchian.js';
export { computeElderRay, ELDERRAY, ELDERRAY_DEFINITION, ELDERRAYStream } from './elderray.js';
export { computeFisher, FISHER, FISHER_DEFINITION, FISHERStream } from './fisher.js';
export { computeHeikinAshi, HEIKINASHI, HEIKINASHI_DEFINITION, HEIKINASHIStream } from './heikinashi.js';
export { computeHma, HMA, HMA_DEFINITION, HMAStream, hmaLookback, hullSmoothing } from './hma.js';
export { computeIchimoku, ICHIMOKU, ICHIMOKU_DEFINITION, ICHIMOKUStream, ichimokuLookback } from './ichimoku.js';
export { computeKeltner, KELTNER, KELTNER_DEFINITION, KELTNERStream, keltnerLookback } from './keltner.js';
export { computeSupertrend, SUPERTREND, SUPERTREND_DEFINITION, SUPERTRENDStream } from './supertrend.js';
export { computeVortex, VORTEX, VORTEX_DEFINITION, VORTEXStream } from './vortex.js';
export { computeVwap, sessionOf, VWAP, VWAP_DEFINITION, VWAPStream } from './vwap.js';
export { computeVwma, VWMA, VWMA_DEFINITION, VWMAStream } from './vwma.js';
export { computeZlema, ZLEMA, ZLEMA_DEFINITION, ZLEMAStream, zlemaLag, zlemaLookback } from './zlema.js';

/** Every extra indicator (not in TA-Lib), for the registry. */
export const EXTRA_INDICATORS: readonly IndicatorDefinition[] = [
  AO_DEFINITION,
  CHOP_DEFINITION,
  CMF_DEFINITION,
  DONCHIAN_DEFINITION,
  ELDERRAY_DEFINITION,
  FISHER_DEFINITION,
  HEIKINASHI_DEFINITION,
  HMA_DEFINITION,
  ICHIMOKU_DEFINITION,
  KELTNER_DEFINITION,
  SUPERTREND_DEFINITION,
  VORTEX_DEFINITION,
  VWAP_DEFINITION,
  VWMA_DEFINITION,
  ZLEMA_DEFINITION,
];
