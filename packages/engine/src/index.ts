/**
 * @alphintra/engine — the event-driven kernel shared by backtest, paper and live trading:
 * orders and their state machine, portfolio, risk engine, simulated exchange with fill,
 * slippage, fee and latency models, and the strategy API. Pure: no I/O, no hidden state.
 */
export type { BacktestConfig, BacktestData } from './backtest/backtest-config.js';
export { barShape, checkSeries, DEFAULT_BACKTEST_CONFIG } from './backtest/backtest-config.js';
export type { BalanceRecord } from './backtest/currency-results.js';
export type { EquityCurve } from './backtest/equity-recorder.js';
export type {
  BacktestResult,
  BacktestSummary,
  OrderRecord,
  PositionRecord,
  RunManifest,
} from './backtest/results.js';
export { ENGINE_VERSION, hashExecutions, maxDrawdownOf, resultToJson } from './backtest/results.js';
export type { BacktestOptions } from './backtest/run-backtest.js';
export { runBacktest } from './backtest/run-backtest.js';
export type { BarPath } from './execution/bar-path.js';
export { BAR_PATHS, highFirst } from './execution/bar-path.js';
export type { ExchangeInstrument } from './execution/exchange-book.js';
export type { FeeConfig, FeeInput, FeeModel, Liquidity } from './execution/fee-model.js';
export { createFeeModel } from './execution/fee-model.js';
export type { LatencyConfig, LatencyModel } from './execution/latency-model.js';
export { createLatencyModel } from './execution/latency-model.js';
export { roundToLots, roundToTick } from './execution/prices.js';
export type { FillTiming, SimulatedExchangeConfig, WhenClosed } from './execution/simulated-exchange.js';
export { SimulatedExchange } from './execution/simulated-exchange.js';
export type { SlippageConfig, SlippageInput, SlippageModel } from './execution/slippage-model.js';
export { createSlippageModel } from './execution/slippage-model.js';
export type { ExecutionVenue, VenueListener } from './execution/venue.js';
export type { BarMatcher } from './kernel/bar-matcher.js';
export type { Clock } from './kernel/clock.js';
export { SimulatedClock } from './kernel/clock.js';
export type { HigherTimeframeOptions, HigherTimeframeView } from './kernel/higher-timeframe.js';
export { Kernel } from './kernel/kernel.js';
export type { CorporateAction, KernelConfig, KernelInstrument, LogEntry, OrderEvent } from './kernel/kernel-types.js';
export type { KernelMessages, Topic } from './kernel/message-bus.js';
export { MessageBus } from './kernel/message-bus.js';
export type { StrategyFailure } from './kernel/strategy-error.js';
export { StrategyError } from './kernel/strategy-error.js';
export type {
  BracketLegs,
  ContingentOrders,
  Order,
  OrderKind,
  OrderRequest,
  OrderSide,
  OrderSize,
  OrderStatus,
  TimeInForce,
} from './orders/order.js';
export { isFinal, isWorking, remainingQuantity } from './orders/order.js';
export type { RequestProblem } from './orders/order-factory.js';
export { checkRequest } from './orders/order-factory.js';
export type { OrderTransition } from './orders/order-state.js';
export { canTransition, nextOrderStatus, ORDER_TRANSITIONS } from './orders/order-state.js';
export type { Account, AccountSetup } from './portfolio/create-portfolio.js';
export { createPortfolio } from './portfolio/create-portfolio.js';
export type { CurrencyPlan, RateEdge, RateRoute, RateStep } from './portfolio/currency-plan.js';
export { planCurrencies } from './portfolio/currency-plan.js';
export type { RateFeed } from './portfolio/exchange-rates.js';
export { ExchangeRates } from './portfolio/exchange-rates.js';
export type { CurrencyPair, FxRateInput, FxRateSeries, FxRateTable } from './portfolio/fx-rate-input.js';
export { checkFxRates, parsePair } from './portfolio/fx-rate-input.js';
export { MultiCurrencyPortfolio } from './portfolio/multi-currency-portfolio.js';
export type { AccountConfig, PortfolioInstrument } from './portfolio/portfolio.js';
export { Portfolio } from './portfolio/portfolio.js';
export type { Trade } from './portfolio/trade-tracker.js';
export { TradeTracker } from './portfolio/trade-tracker.js';
export type { RiskCheckInput, RiskConfig, RiskDenial, TradingState } from './risk/risk-engine.js';
export { RiskEngine } from './risk/risk-engine.js';
export type {
  BooleanParameter,
  ChoiceParameter,
  NumberParameter,
  ParameterSpecs,
  ParameterValues,
  RawParameter,
  StrategyParameter,
} from './strategy/parameters.js';
export { formatParameters, resolveParameters } from './strategy/parameters.js';
export {
  fixedFractionQuantity,
  kellyFraction,
  riskPerTradeQuantity,
  volatilityTargetFraction,
} from './strategy/sizing.js';
export type {
  BarView,
  Fill,
  FillPath,
  IndicatorOptions,
  MarketSession,
  OrderOptions,
  PositionView,
  StrategyContext,
  StrategyDefinition,
  StrategyHandlers,
  StrategyLogger,
} from './strategy/strategy.js';
export { defineStrategy, HANDLER_NAMES } from './strategy/strategy.js';
export { hashColumnList, hashColumns } from './support/columns-hash.js';
export { Sha256, sha256Hex } from './support/sha256.js';
export type { SweepComparison, SweepDivergence, SweepMetric } from './sweep/compare-sweep.js';
export { compareSweepToEngine, curveSharpe, formatDivergences } from './sweep/compare-sweep.js';
export { runSweep, unsupportedBySweep } from './sweep/run-sweep.js';
export type { SweepFace, SweepIndicator, SweepReversal } from './sweep/sweep-face.js';
export { HOLD } from './sweep/sweep-face.js';
export type { SweepOptions } from './sweep/sweep-options.js';
export type { SweepParameters, SweepResult, SweepReturnBlocks, SweepRow } from './sweep/sweep-result.js';
export { sweepRow } from './sweep/sweep-result.js';
export type { SweepTradeColumns } from './sweep/sweep-trades.js';
export { SWEEP_TRADE_COLUMNS } from './sweep/sweep-trades.js';
