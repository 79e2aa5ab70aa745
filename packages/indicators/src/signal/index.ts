import type { IndicatorDefinition } from '../types.js';
import { MACD_DEFINITION, MACDEXT_DEFINITION, MACDFIX_DEFINITION } from './macd.js';
import { APO_DEFINITION, PPO_DEFINITION } from './price-oscillator.js';
import { STOCH_DEFINITION, STOCHF_DEFINITION } from './stochastic.js';
import { STOCHRSI_DEFINITION } from './stochrsi.js';
import { TRIX_DEFINITION } from './trix.js';

export { computeFastK } from './fast-k.js';
export { computeFixedFactorEma, FixedFactorEmaStream } from './fixed-factor-ema.js';
export type { MacdOutput } from './macd.js';
export { MACD, MACD_DEFINITION, MACDEXT, MACDEXT_DEFINITION, MACDFIX, MACDFIX_DEFINITION, MACDStream } from './macd.js';
export type { MacdSetup } from './macd-core.js';
export { computeMacdSetup, MacdSetupStream, macdLookback, macdSetup } from './macd-core.js';
export type { PriceOscillatorKind } from './price-oscillator.js';
export {
  APO,
  APO_DEFINITION,
  computePriceOscillator,
  PPO,
  PPO_DEFINITION,
  PriceOscillatorStream,
  priceOscillatorLookback,
} from './price-oscillator.js';
export {
  computeStoch,
  computeStochf,
  STOCH,
  STOCH_DEFINITION,
  STOCHF,
  STOCHF_DEFINITION,
  STOCHFStream,
  STOCHStream,
  stochfLookback,
  stochLookback,
} from './stochastic.js';
export { StochasticStream } from './stochastic-core.js';
export { computeStochRsi, STOCHRSI, STOCHRSI_DEFINITION, STOCHRSIStream, stochRsiLookback } from './stochrsi.js';
export { computeTrix, TRIX, TRIX_DEFINITION, TRIXStream, trixLookback } from './trix.js';

/** Every signal-line momentum indicator (MACD, stochastics, APO/PPO, TRIX), for the registry. */
export const SIGNAL_INDICATORS: readonly IndicatorDefinition[] = [
  MACD_DEFINITION,
  MACDEXT_DEFINITION,
  MACDFIX_DEFINITION,
  APO_DEFINITION,
  PPO_DEFINITION,
  STOCH_DEFINITION,
  STOCHF_DEFINITION,
  STOCHRSI_DEFINITION,
  TRIX_DEFINITION,
];
