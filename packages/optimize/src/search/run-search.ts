import { AlphintraError, SeededRng } from '@alphintra/core';
import type { Constraint } from '../constraints/constraint.js';
import type { TrialEvaluator, TrialOutcome, TrialWindow } from '../evaluate/trial-evaluator.js';
import { type Objective, objectiveValue, orientedScore } from '../objectives/objective.js';
import { type ParameterSet, type ParameterSpace, parameterKey } from '../space/dimension.js';
import { GridSampler } from './grid-sampler.js';
import { RandomSampler, type Sampler } from './sampler.js';
import { type TpeOptions, TpeSampler } from './tpe/tpe-sampler.js';

/** How to search: grid, seeded random or Bayesian (TPE). */
export type SearchMethod = 'grid' | 'random' | 'bayes';

/** Settings of a search; only `method` and `seed` are required. */
export interface SearchSettings {
  readonly method: SearchMethod;
  /** Trial budget. Grid: every feasible point (a smaller budget is an error). Others: 100. */
  readonly trials?: number;
  readonly seed: number;
  /**
   * Trials proposed together and evaluated in parallel. Bayesian proposals see the results of
   * earlier batches only, so this (not the worker count) fixes the sequence. Default 8 for
   * Bayesian search, 64 otherwise.
   */
  readonly batchSize?: number;
  readonly tpe?: TpeOptions;
}

/** A finished trial of a search. */
export interface EvaluatedTrial {
  /** Position in the search's proposal order, from 0. */
  readonly id: number;
  readonly parameters: ParameterSet;
  readonly outcome: TrialOutcome;
  /** Objective values (null where the metric is undefined). */
  readonly values: readonly (number | null)[];
  /** Objective values oriented so that larger is better (−∞ for null). */
  readonly scores: readonly number[];
}

/** The trials of one search over one window. */
export interface SearchRun {
  readonly trials: readonly EvaluatedTrial[];
  /** Trials the search planned: the grid size or the budget. */
  readonly planned: number;
  /** False when stopped early. */
  readonly complete: boolean;
}

/** A search ready to run: its sampler and how many trials it plans. */
export interface PreparedSearch {
  readonly sampler: Sampler;
  readonly planned: number;
  readonly batchSize: number;
}

/** Default trial budget of random and Bayesian search. */
export const DEFAULT_TRIALS = 100;

/** Checks the settings and builds the sampler (so a bad grid fails before any run). */
export function prepareSearch(
  space: ParameterSpace,
  constraints: readonly Constraint[],
  settings: SearchSettings,
  seed = settings.seed,
): PreparedSearch {
  const { method } = settings;
  if (settings.trials !== undefined && !(Number.isInteger(settings.trials) && settings.trials >= 1))
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected a positive integer number of trials, got ${settings.trials}`,
    );
  const batch = settings.batchSize ?? (method === 'bayes' ? 8 : 64);
  if (!(Number.isInteger(batch) && batch >= 1))
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer batch size, got ${batch}`);
  switch (method) {
    case 'grid': {
      const grid = new GridSampler(space, constraints);
      if (grid.size === 0) throw new AlphintraError('INVALID_ARGUMENT', 'no grid point satisfies the constraints');
      if (settings.trials !== undefined && settings.trials < grid.size)
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `the grid has ${grid.size} points but --trials is ${settings.trials}: drop --trials, or use --method random or bayes`,
        );
      return { sampler: grid, planned: grid.size, batchSize: batch };
    }
    case 'random':
      return {
        sampler: new RandomSampler(space, constraints, new SeededRng(seed)),
        planned: settings.trials ?? DEFAULT_TRIALS,
        batchSize: batch,
      };
    case 'bayes':
      return {
        sampler: new TpeSampler(space, constraints, new SeededRng(seed), settings.tpe),
        planned: settings.trials ?? DEFAULT_TRIALS,
        batchSize: batch,
      };
    default:
      throw new AlphintraError('INVALID_ARGUMENT', `expected method grid, random or bayes, got ${String(method)}`);
  }
}

/** Hooks a search reports through and is stopped by. */
export interface SearchControl {
  /** When it reads true, no new batch starts and unstarted trials of the current one are dropped. */
  readonly stop?: { readonly aborted: boolean };
  /** Called with every finished trial, in trial order. */
  readonly onTrial?: (trial: EvaluatedTrial) => void;
}

/** Scores a trial's outcome against the objectives. */
export function scoreOutcome(
  objectives: readonly Objective[],
  outcome: TrialOutcome,
): { values: (number | null)[]; scores: number[] } {
  const values = objectives.map((o) => objectiveValue(o, outcome.metrics));
  return { values, scores: objectives.map((o, k) => orientedScore(o, values[k] as number | null)) };
}

/**
 * Runs a search over one window: asks the sampler for a batch, evaluates it, records the
 * results in batch order, and repeats until the budget is spent, the space is exhausted or
 * `stop` is set. The sequence of trials depends only on the space, constraints, settings and
 * outcomes — never on how many workers evaluate them or in which order they finish.
 *
 * @example
 * const run = await runSearch({ space, constraints, objectives, prepared: prepareSearch(space, constraints, { method: 'bayes', seed: 1 }), window, evaluator });
 */
export async function runSearch(args: {
  readonly space: ParameterSpace;
  readonly objectives: readonly Objective[];
  readonly prepared: PreparedSearch;
  readonly window: TrialWindow;
  readonly evaluator: TrialEvaluator;
  readonly control?: SearchControl;
}): Promise<SearchRun> {
  const { space, objectives, prepared, window, evaluator, control = {} } = args;
  const trials: EvaluatedTrial[] = [];
  const evaluated: ParameterSet[] = [];
  const scores: number[][] = [];
  const seen = new Set<string>();
  let proposed = 0;
  while (proposed < prepared.planned) {
    if (control.stop?.aborted === true) return { trials, planned: prepared.planned, complete: false };
    const batch = prepared.sampler.propose(Math.min(prepared.batchSize, prepared.planned - proposed), {
      evaluated,
      scores,
      seen,
    });
    if (batch.length === 0) break;
    for (const p of batch) seen.add(parameterKey(space, p));
    const outcomes = await evaluator.evaluate(
      { window, parameterSets: batch },
      control.stop === undefined ? {} : { signal: control.stop },
    );
    let missing = false;
    batch.forEach((parameters, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined) {
        missing = true;
        return;
      }
      const { values, scores: s } = scoreOutcome(objectives, outcome);
      const trial: EvaluatedTrial = { id: proposed + i, parameters, outcome, values, scores: s };
      trials.push(trial);
      evaluated.push(parameters);
      scores.push(s);
      control.onTrial?.(trial);
    });
    proposed += batch.length;
    if (missing) return { trials, planned: prepared.planned, complete: false };
  }
  return { trials, planned: prepared.planned, complete: true };
}
