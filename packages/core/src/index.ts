/**
 * @alphintra/core — Alphintra's pure domain model. Imports nothing and performs no I/O.
 */
export type { Bar, BarField } from './bar.js';
export { BAR_FIELDS } from './bar.js';
export type { BarColumns, BarSeriesMeta } from './bar-series.js';
export { BarSeries } from './bar-series.js';
export { detectTimeframe } from './detect-timeframe.js';
export type { AlphintraErrorOptions, ErrorCode, ErrorLocation } from './errors.js';
export { AlphintraError, assertNever, InvariantError, invariant, isAlphintraError } from './errors.js';
export type {
  AssetClass,
  CryptoInstrument,
  EquityInstrument,
  FutureInstrument,
  FxInstrument,
  Instrument,
  InstrumentBase,
  InstrumentSpec,
  OptionInstrument,
  PerpetualInstrument,
} from './instrument.js';
export { assetClassOf, defineInstrument } from './instrument.js';
export * from './resample/index.js';
export type { Rng } from './rng.js';
export { SeededRng } from './rng.js';
export type { SyntheticMarketOptions } from './synthetic/index.js';
export { generateBars, SyntheticMarket } from './synthetic/index.js';
export type { QuoteTicks, TradeTicks } from './ticks.js';
export { checkQuoteTicks, checkTradeTicks, quoteTicksFromSeries, tradeTicksFromBars } from './ticks.js';
export type { CivilDateTime } from './time.js';
export {
  civilFromDays,
  civilToMicros,
  daysFromCivil,
  daysInMonth,
  formatIsoDate,
  formatIsoMicros,
  MICROS_PER_DAY,
  MICROS_PER_HOUR,
  MICROS_PER_MILLI,
  MICROS_PER_MINUTE,
  MICROS_PER_SECOND,
  microsToCivil,
  weekdayOfMicros,
} from './time.js';
export { TimeZone } from './time-zone.js';
export type { Timeframe, TimeframeUnit } from './timeframe.js';
export {
  approximateTimeframeMicros,
  canResample,
  formatTimeframe,
  parseTimeframe,
  sameTimeframe,
  timeframe,
  timeframeMicros,
} from './timeframe.js';
export type { Uint32Source } from './ziggurat.js';
export { sampleExponential, sampleNormal } from './ziggurat.js';
