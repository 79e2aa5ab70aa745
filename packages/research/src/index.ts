/**
 * @alphintra/research — Node runners for research work: parameter optimisation of a strategy
 * on worker threads (progress, stop, resume through a journal), built on the pure
 * @alphintra/optimize package.
 */
export type { RunIdentity } from './journal.js';
export { canonicalJson, JOURNAL_FILE, Journal, JournaledEvaluator, runKey } from './journal.js';
export type { EvaluatorReport } from './run-evaluator.js';
export { DEFAULT_VERIFY } from './run-evaluator.js';
export type {
  OptimizationJob,
  OptimizationManifest,
  OptimizationProgress,
  OptimizationResult,
  OptimizationRun,
  RunOptions,
} from './run-optimization.js';
export { runIdentity, runOptimization } from './run-optimization.js';
export type { SharedInstrumentData } from './shared-data.js';
export { openSharedData, shareData } from './shared-data.js';
export type { WorkerStrategy } from './worker-pool.js';
export { TrialError, WorkerPoolEvaluator } from './worker-pool.js';
