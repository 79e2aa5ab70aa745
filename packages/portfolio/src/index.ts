/**
 * @alphintra/portfolio — several strategies, or one strategy on many instruments, sharing one
 * account as sleeves: capital allocation (fixed, equal, inverse volatility, risk parity,
 * mean-variance), rebalancing on a schedule or on drift, portfolio risk limits, and the same
 * analytics for the portfolio and each sleeve. Pure: no I/O. See docs/portfolio.md.
 */
export type { Allocation } from './allocation/allocate.js';
export { allocate, capWeights, equalWeights } from './allocation/allocate.js';
export type { CovarianceEstimate, Shrinkage } from './allocation/covariance.js';
export { correlationFromCovariance, covarianceMatrix, shrunkCovariance } from './allocation/covariance.js';
export type { Matrix } from './allocation/matrix.js';
export {
  inverseVolatilityWeights,
  maximumSharpeWeights,
  meanVarianceUtilityWeights,
  minimumVarianceWeights,
} from './allocation/mean-variance.js';
export { riskContributions, riskParityWeights } from './allocation/risk-parity.js';
export type { SimplexProblem } from './allocation/simplex-qp.js';
export { solveSimplexQp } from './allocation/simplex-qp.js';
export type { PortfolioDefinition } from './define-portfolio.js';
export { definePortfolio, isPortfolioDefinition } from './define-portfolio.js';
export type { CorrelationMatrix, PortfolioResult, PortfolioRunOptions, SleeveResult } from './results/run-portfolio.js';
export { runPortfolio, sleeveCorrelation } from './results/run-portfolio.js';
export { sleeveMetrics } from './results/sleeve-metrics.js';
export type { PortfolioOrderCode } from './runtime/portfolio-order.js';
export { PortfolioOrder } from './runtime/portfolio-order.js';
export type { RebalanceEvent, RebalanceReason, RiskEvent } from './runtime/portfolio-recorder.js';
export { periodKey } from './runtime/rebalancer.js';
export type {
  ResolvedAllocation,
  ResolvedPortfolio,
  ResolvedSchedule,
  ResolvedSleeve,
} from './spec/check-spec.js';
export { checkPortfolioSpec, DEFAULT_LOOKBACK } from './spec/check-spec.js';
export type { PortfolioDocument, SleeveDocument } from './spec/portfolio-document.js';
export { portfolioFromDocument, readPortfolioDocument } from './spec/portfolio-document.js';
export type {
  AllocationSpec,
  InstrumentTerms,
  PortfolioSpec,
  RebalanceSchedule,
  RebalanceSpec,
  RiskLimits,
  SleeveSpec,
} from './spec/portfolio-spec.js';
