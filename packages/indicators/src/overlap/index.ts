import type { IndicatorDefinition } from '../types.js';
import { ACCBANDS_DEFINITION } from './accbands.js';
import { BBANDS_DEFINITION } from './bbands.js';
import { DEMA_DEFINITION } from './dema.js';
import { EMA_DEFINITION } from './ema.js';
import { KAMA_DEFINITION } from './kama.js';
import { MA_DEFINITION } from './ma.js';
import { MAMA_DEFINITION } from './mama.js';
import { MAVP_DEFINITION } from './mavp.js';
import { MIDPOINT_DEFINITION } from './midpoint.js';
import { MIDPRICE_DEFINITION } from './midprice.js';
import { SAR_DEFINITION } from './sar.js';
import { SAREXT_DEFINITION } from './sarext.js';
import { SMA_DEFINITION } from './sma.js';
import { T3_DEFINITION } from './t3.js';
import { TEMA_DEFINITION } from './tema.js';
import { TRIMA_DEFINITION } from './trima.js';
import { WMA_DEFINITION } from './wma.js';

export { ACCBANDS, ACCBANDS_DEFINITION, ACCBANDSStream, computeAccbands } from './accbands.js';
export { BBANDS, BBANDS_DEFINITION, BBANDSStream, bbandsLookback, computeBbands } from './bbands.js';
export { computeDema, DEMA, DEMA_DEFINITION, DEMAStream } from './dema.js';
export { computeEma, EMA, EMA_DEFINITION, EMAStream, emaFactor } from './ema.js';
export { computeKama, KAMA, KAMA_DEFINITION, KAMAStream } from './kama.js';
export { MA, MA_DEFINITION } from './ma.js';
export { computeMama, MAMA, MAMA_DEFINITION, MAMA_LOOKBACK, MAMAStream } from './mama.js';
export { computeMavp, MAVP, MAVP_DEFINITION, MAVPStream } from './mavp.js';
export { computeMidpoint, MIDPOINT, MIDPOINT_DEFINITION, MIDPOINTStream } from './midpoint.js';
export { computeMidprice, MIDPRICE, MIDPRICE_DEFINITION, MIDPRICEStream } from './midprice.js';
export {
  computeMovingAverage,
  createMovingAverage,
  MovingAverageType,
  movingAverageLookback,
} from './moving-average.js';
export { computeSar, SAR, SAR_DEFINITION, SARStream } from './sar.js';
export { computeSarext, SAREXT, SAREXT_DEFINITION, SAREXTStream, type SarextParams } from './sarext.js';
export { computeSma, SMA, SMA_DEFINITION, SMAStream } from './sma.js';
export { computeT3, T3, T3_DEFINITION, T3Stream } from './t3.js';
export { computeTema, TEMA, TEMA_DEFINITION, TEMAStream } from './tema.js';
export { computeTrima, TRIMA, TRIMA_DEFINITION, TRIMAStream } from './trima.js';
export { computeWma, WMA, WMA_DEFINITION, WMAStream } from './wma.js';

/** Every overlap indicator, for the registry. */
export const OVERLAP_INDICATORS: readonly IndicatorDefinition[] = [
  ACCBANDS_DEFINITION,
  BBANDS_DEFINITION,
  DEMA_DEFINITION,
  EMA_DEFINITION,
  KAMA_DEFINITION,
  MA_DEFINITION,
  MAMA_DEFINITION,
  MAVP_DEFINITION,
  MIDPOINT_DEFINITION,
  MIDPRICE_DEFINITION,
  SAR_DEFINITION,
  SAREXT_DEFINITION,
  SMA_DEFINITION,
  T3_DEFINITION,
  TEMA_DEFINITION,
  TRIMA_DEFINITION,
  WMA_DEFINITION,
];
