import type { IndicatorDefinition } from '../types.js';
import { ADX_DEFINITION } from './adx.js';
import { ADXR_DEFINITION } from './adxr.js';
import { AROON_DEFINITION } from './aroon.js';
import { AROONOSC_DEFINITION } from './aroonosc.js';
import { BOP_DEFINITION } from './bop.js';
import { CCI_DEFINITION } from './cci.js';
import { CMO_DEFINITION } from './cmo.js';
import { MINUS_DI_DEFINITION, PLUS_DI_DEFINITION } from './di.js';
import { MINUS_DM_DEFINITION, PLUS_DM_DEFINITION } from './dm.js';
import { DX_DEFINITION } from './dx.js';
import { IMI_DEFINITION } from './imi.js';
import { MFI_DEFINITION } from './mfi.js';
import { MOM_DEFINITION } from './mom.js';
import { ROC_DEFINITION, ROCP_DEFINITION, ROCR_DEFINITION, ROCR100_DEFINITION } from './roc.js';
import { RSI_DEFINITION } from './rsi.js';
import { ULTOSC_DEFINITION } from './ultosc.js';
import { WILLR_DEFINITION } from './willr.js';

export { ADX, ADX_DEFINITION, ADXStream } from './adx.js';
export { ADXR, ADXR_DEFINITION, ADXRStream, adxrLookback, computeAdxr } from './adxr.js';
export { AROON, AROON_DEFINITION, AROONStream, computeAroonScan } from './aroon.js';
export { AROONOSC, AROONOSC_DEFINITION, AROONOSCStream } from './aroonosc.js';
export { BOP, BOP_DEFINITION, BOPStream, computeBop } from './bop.js';
export { CCI, CCI_DEFINITION, CCIStream, computeCci } from './cci.js';
export { CMO, CMO_DEFINITION, CMOStream, computeCmo } from './cmo.js';
export { MINUS_DI, MINUS_DI_DEFINITION, MINUS_DIStream, PLUS_DI, PLUS_DI_DEFINITION, PLUS_DIStream } from './di.js';
export { computeDirectional, type DirectionalKind, directionalLookback } from './directional.js';
export { DirectionalStream } from './directional-stream.js';
export { MINUS_DM, MINUS_DM_DEFINITION, MINUS_DMStream, PLUS_DM, PLUS_DM_DEFINITION, PLUS_DMStream } from './dm.js';
export { DX, DX_DEFINITION, DXStream } from './dx.js';
export { computeImi, IMI, IMI_DEFINITION, IMIStream } from './imi.js';
export { computeMfi, MFI, MFI_DEFINITION, MFIStream } from './mfi.js';
export { MOM, MOM_DEFINITION, MOMStream } from './mom.js';
export {
  ROC,
  ROC_DEFINITION,
  ROCP,
  ROCP_DEFINITION,
  ROCPStream,
  ROCR,
  ROCR_DEFINITION,
  ROCR100,
  ROCR100_DEFINITION,
  ROCR100Stream,
  ROCRStream,
  ROCStream,
} from './roc.js';
export { computeRsi, RSI, RSI_DEFINITION, RSIStream } from './rsi.js';
export { computeUltosc, ULTOSC, ULTOSC_DEFINITION, ULTOSCStream, ultoscLookback } from './ultosc.js';
export { computeWillr, WILLR, WILLR_DEFINITION, WILLRStream } from './willr.js';
export { WindowExtreme } from './window-extreme.js';

/** Every momentum indicator, for the registry. */
export const MOMENTUM_INDICATORS: readonly IndicatorDefinition[] = [
  ADX_DEFINITION,
  ADXR_DEFINITION,
  AROON_DEFINITION,
  AROONOSC_DEFINITION,
  BOP_DEFINITION,
  CCI_DEFINITION,
  CMO_DEFINITION,
  DX_DEFINITION,
  IMI_DEFINITION,
  MFI_DEFINITION,
  MINUS_DI_DEFINITION,
  MINUS_DM_DEFINITION,
  MOM_DEFINITION,
  PLUS_DI_DEFINITION,
  PLUS_DM_DEFINITION,
  ROC_DEFINITION,
  ROCP_DEFINITION,
  ROCR_DEFINITION,
  ROCR100_DEFINITION,
  RSI_DEFINITION,
  ULTOSC_DEFINITION,
  WILLR_DEFINITION,
];
