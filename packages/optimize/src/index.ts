/**
 * @alphintra/optimize — parameter optimisation of strategies: search spaces from declared
 * parameters and user ranges, constraints between parameters, grid, seeded random and
 * Bayesian (TPE) search, single and multi-objective (Pareto) ranking, walk-forward analysis,
 * and overfitting diagnostics (deflated Sharpe, PBO by CSCV, sensitivity maps). Pure: trials
 * run through a `TrialEvaluator`, in-process here or on worker threads in @alphintra/research.
 */
export type { Constraint } from './constraints/constraint.js';
export { compileConstraint, satisfiesAll } from './constraints/constraint.js';
export type { Expression } from './constraints/expression-parser.js';
export { parseExpression } from './constraints/expression-parser.js';
export type { DeflatedSharpeReport, PboReport, TrialSharpes } from './diagnostics/overfitting.js';
export { deflatedSharpeReport, pboReport, trialSharpes } from './diagnostics/overfitting.js';
export type {
  SensitivityAxis,
  SensitivityCells,
  SensitivityMap,
  SensitivityProfile,
  SensitivityReport,
  SensitivityTrial,
} from './diagnostics/sensitivity.js';
export { sensitivityReport } from './diagnostics/sensitivity.js';
export type { SearchVerification, SweepVerification, TrialDivergence } from './diagnostics/sweep-verification.js';
export { VERIFY_TOLERANCE, verificationSample, verifySweep } from './diagnostics/sweep-verification.js';
export type { BacktestEvaluatorSetup } from './evaluate/backtest-evaluator.js';
export { BacktestTrialEvaluator, checkWindow, unionTimeline } from './evaluate/backtest-evaluator.js';
export type { BarData } from './evaluate/bar-data.js';
export { requireBars } from './evaluate/bar-data.js';
export type { EvaluatorChoice, EvaluatorKind, EvaluatorRequest } from './evaluate/evaluator-choice.js';
export { chooseEvaluator, SWEEP_GRID_BATCH } from './evaluate/evaluator-choice.js';
export type { MeasureOptions } from './evaluate/measure-run.js';
export { lowerBound, measureRun, metricsOptionsOf } from './evaluate/measure-run.js';
export type { SweepEvaluatorSetup } from './evaluate/sweep-evaluator.js';
export { SweepTrialEvaluator, sweepEvaluatorProblems } from './evaluate/sweep-evaluator.js';
export type { SweepWindowFigures } from './evaluate/sweep-metrics.js';
export {
  checkSweepObjectives,
  objectivesBeyondSweep,
  SWEEP_METRICS,
  SWEEP_TRADE_METRICS,
  sweepBlocks,
  sweepMetrics,
  windowPeriodsPerYear,
} from './evaluate/sweep-metrics.js';
export type {
  EquityPoints,
  EvaluationBatch,
  EvaluationControl,
  TrialBlocks,
  TrialEvaluator,
  TrialOutcome,
  TrialWindow,
} from './evaluate/trial-evaluator.js';
export { gateUntil } from './evaluate/window-strategy.js';
export type { FlatMetrics } from './objectives/metric-catalog.js';
export { flattenMetrics, lowerIsBetter } from './objectives/metric-catalog.js';
export type { Direction, Objective } from './objectives/objective.js';
export { metricNames, objectiveValue, orientedScore, parseObjective } from './objectives/objective.js';
export type { ParetoRanking } from './objectives/pareto.js';
export { dominates, paretoRanking, rankOrder } from './objectives/pareto.js';
export type { OptimizationPlan, OptimizationReport, OptimizationSettings } from './optimize.js';
export { optimize, planOptimization } from './optimize.js';
export type { BestTrial, SearchReport, TrialRecord, WindowReport } from './report/search-report.js';
export { buildSearchReport, HEADLINE_METRICS, selectBest, windowReport } from './report/search-report.js';
export { GridSampler, MAX_GRID_POINTS } from './search/grid-sampler.js';
export type {
  EvaluatedTrial,
  PreparedSearch,
  SearchControl,
  SearchMethod,
  SearchRun,
  SearchSettings,
} from './search/run-search.js';
export { DEFAULT_TRIALS, prepareSearch, runSearch, scoreOutcome } from './search/run-search.js';
export type { Sampler, SearchHistory } from './search/sampler.js';
export { RandomSampler, sampleUniform } from './search/sampler.js';
export { ParzenEstimator, truncatedNormal } from './search/tpe/parzen-estimator.js';
export type { TpeOptions } from './search/tpe/tpe-sampler.js';
export { TPE_DEFAULTS, TpeSampler } from './search/tpe/tpe-sampler.js';
export { buildSpace, declaredDimension, parseRange } from './space/build-space.js';
export type {
  ChoiceDimension,
  Dimension,
  FixedDimension,
  NumericDimension,
  ParameterSet,
  ParameterSpace,
  ParameterValue,
} from './space/dimension.js';
export {
  describeDimension,
  orderedParameters,
  parameterKey,
  searchedDimensions,
  spaceSize,
} from './space/dimension.js';
export type { FoldReport, WalkForwardReport } from './walk-forward/run-walk-forward.js';
export { runWalkForward } from './walk-forward/run-walk-forward.js';
export type { Fold, Span, WalkForwardSpec } from './walk-forward/walk-forward-plan.js';
export { addSpan, describeSpan, parseWalkForward, planFolds } from './walk-forward/walk-forward-plan.js';
export type { Efficiency, ParameterStability, StabilityReport } from './walk-forward/walk-forward-stats.js';
export { efficiencyRatio, overallEfficiency, stabilityReport } from './walk-forward/walk-forward-stats.js';
