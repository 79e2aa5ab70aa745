/**
 * @alphintra/analytics — performance analytics of an equity curve and its trades: returns,
 * risk-adjusted ratios, drawdowns, tail risk, benchmark-relative figures, trade statistics and
 * statistical significance. Pure: no I/O, randomness only from seeded generators. Formulas and
 * conventions: docs/analytics/metrics.md.
 */
export type { AnnualisationOptions, TradingCalendar } from './annualisation.js';
export {
  inferPeriodsPerYear,
  MICROS_PER_YEAR,
  medianSpacing,
  TRADING_DAY_MICROS,
  TRADING_DAYS_PER_YEAR,
} from './annualisation.js';
export type { BenchmarkFigures } from './benchmark/benchmark-relative.js';
export { benchmarkFigures } from './benchmark/benchmark-relative.js';
export type { PriceSeries } from './benchmark/buy-and-hold.js';
export { buyAndHoldEquity } from './benchmark/buy-and-hold.js';
export type { MetricsInput, MetricsOptions } from './compute-metrics.js';
export { computeMetrics, finiteOrNull } from './compute-metrics.js';
export type { DrawdownEpisode, DrawdownFigures } from './drawdown/drawdown.js';
export { drawdownEpisodes, drawdownFigures, underwaterCurve } from './drawdown/drawdown.js';
export type { EquitySeries, TradeInput } from './inputs.js';
export { equityFromReturns, periodReturns, perPeriodRate, ruinIndex, validateEquity } from './inputs.js';
export type * from './metrics-report.js';
export type { MonthlyReturn, YearlyReturn } from './returns/calendar-returns.js';
export { monthlyReturns, yearlyReturns } from './returns/calendar-returns.js';
export type { ReturnFigures } from './returns/return-metrics.js';
export { returnFigures } from './returns/return-metrics.js';
export type { RollingFigures } from './returns/rolling.js';
export {
  checkRollingWindow,
  defaultRollingWindow,
  rollingFigures,
  rollingSharpe,
  rollingVolatility,
  rollingWindows,
} from './returns/rolling.js';
export type { RollingMoments } from './returns/rolling-moments.js';
export { rollingMeanVariance } from './returns/rolling-moments.js';
export type { RiskFigures } from './risk/risk-adjusted.js';
export {
  downsideDeviation,
  omegaRatio,
  riskFigures,
  sharpeRatio,
  sortinoRatio,
  tailRatio,
} from './risk/risk-adjusted.js';
export type {
  BlockStatistics,
  BlockSummary,
  OverfittingOptions,
  OverfittingReport,
} from './significance/backtest-overfitting.js';
export {
  binomial,
  blockSummary,
  probabilityOfBacktestOverfitting,
  sharpeFromSums,
  stackBlockSummaries,
} from './significance/backtest-overfitting.js';
export type { BootstrapMethod, SharpeInterval, TradeOrderDrawdowns } from './significance/resampling.js';
export {
  bootstrapSharpeInterval,
  defaultMeanBlockLength,
  pnlPathMaxDrawdown,
  stationaryResample,
  tradeOrderDrawdowns,
} from './significance/resampling.js';
export {
  deflatedSharpeRatio,
  EULER_MASCHERONI,
  expectedMaxSharpe,
  meanReturnTStatistic,
  probabilisticSharpeFromMoments,
  probabilisticSharpeRatio,
} from './significance/sharpe-significance.js';
export type { CentralMoments, Numbers } from './support/moments.js';
export {
  centralMoments,
  excessKurtosis,
  mean,
  quantile,
  quantileSorted,
  sampleCovariance,
  sampleStd,
  sampleVariance,
  skewness,
  ZERO_SPREAD,
} from './support/moments.js';
export { normalCdf, normalPdf, normalQuantile } from './support/normal.js';
export type { TailRisk } from './tail/value-at-risk.js';
export { cornishFisherQuantile, cornishFisherTailMean, tailRisk } from './tail/value-at-risk.js';
export type { TradeSplit, TradeSplits } from './trades/trade-splits.js';
export { tradeSplits } from './trades/trade-splits.js';
export type { TradeFigures } from './trades/trade-statistics.js';
export { tradeFigures } from './trades/trade-statistics.js';
