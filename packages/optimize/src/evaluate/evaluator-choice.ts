import { AlphintraError } from '@alphintra/core';
import type { Objective } from '../objectives/objective.js';
import type { BacktestEvaluatorSetup } from './backtest-evaluator.js';
import { sweepEvaluatorProblems } from './sweep-evaluator.js';
import { checkSweepObjectives, objectivesBeyondSweep } from './sweep-metrics.js';

/** Which evaluator runs the trials: one backtest each, or one sweep pass per batch. */
export type EvaluatorKind = 'engine' | 'sweep';

/** What was asked for: an evaluator, or `auto` (the sweep where it gives the same answers, else the engine). */
export type EvaluatorRequest = EvaluatorKind | 'auto';

/**
 * Trials a grid search proposes together when the sweep evaluates them and the caller fixed no
 * batch size: a sweep pass shares each indicator among the sets of its batch, so bigger batches
 * compute fewer of them per trial (and split into more chunks for worker threads). A grid's
 * points and results do not depend on the batch size, only the order trials are journalled in.
 */
export const SWEEP_GRID_BATCH = 1024;

/** The evaluator chosen for a run, and why. */
export interface EvaluatorChoice {
  readonly requested: EvaluatorRequest;
  readonly used: EvaluatorKind;
  readonly reason: string;
}

/**
 * Chooses the evaluator of an optimisation. `engine` is always possible. `sweep` throws
 * `SWEEP_UNSUPPORTED` naming what it cannot do (no sweep face, several instruments, a
 * configuration `runSweep` refuses, an objective it does not compute). `auto` takes the sweep
 * when none of those stands in the way, else the engine, and says which reason decided.
 *
 * @example
 * chooseEvaluator('auto', { strategy, data, config }, [parseObjective('sharpe')]);
 * // { requested: 'auto', used: 'sweep', reason: 'the strategy has a sweep face, …' }
 */
export function chooseEvaluator(
  requested: EvaluatorRequest,
  setup: BacktestEvaluatorSetup,
  objectives: readonly Objective[],
): EvaluatorChoice {
  if (requested === 'engine') return { requested, used: 'engine', reason: 'asked for' };
  if (requested !== 'sweep' && requested !== 'auto')
    throw new AlphintraError('INVALID_ARGUMENT', `expected evaluator engine, sweep or auto, got ${String(requested)}`);
  const problems = sweepEvaluatorProblems(setup);
  if (requested === 'sweep') {
    if (problems.length > 0)
      throw new AlphintraError(
        'SWEEP_UNSUPPORTED',
        `the sweep evaluator cannot run this: ${problems.join('; ')}; use the engine evaluator (--evaluator engine)`,
      );
    checkSweepObjectives(objectives);
    return { requested, used: 'sweep', reason: 'asked for' };
  }
  if (problems.length > 0)
    return { requested, used: 'engine', reason: `the sweep cannot run this: ${problems.join('; ')}` };
  const beyond = objectivesBeyondSweep(objectives);
  if (beyond.length > 0)
    return {
      requested,
      used: 'engine',
      reason: `the sweep does not compute ${beyond.map((o) => o.metric).join(', ')}`,
    };
  return {
    requested,
    used: 'sweep',
    reason: 'the strategy has a sweep face, the sweep supports the data and rules, and computes every objective',
  };
}
