import { availableParallelism } from 'node:os';
import type { BacktestConfig, BacktestData } from '@alphintra/engine';
import {
  buildSpace,
  compileConstraint,
  type OptimizationSettings,
  parseObjective,
  parseWalkForward,
  prepareSearch,
  type SearchMethod,
  searchedDimensions,
} from '@alphintra/optimize';
import { type OptimizationRun, runOptimization, TrialError } from '@alphintra/research';
import { StrategyError, UsageError } from '../support/errors.js';
import { createProgress } from '../support/progress.js';
import {
  type BacktestFlags,
  checkParameterNames,
  configFrom,
  loadRunData,
  parseParams,
  type RunInputFlags,
} from './backtest.js';
import type { BacktestSource } from './backtest-data.js';
import { describeStrategyFailure, whereIn } from './backtest-failure.js';
import { compileStrategyFile, type LoadedStrategy } from './backtest-strategy.js';
import { evaluatorFlag } from './optimize-evaluator.js';

/** Flags of `alphintra optimize`. */
export interface OptimizeFlags
  extends RunInputFlags,
    Omit<BacktestFlags, keyof RunInputFlags | 'seed' | 'json' | 'out'> {
  objective?: string[];
  method?: string;
  trials?: string;
  seed?: string;
  runSeed?: string;
  constraint?: string[];
  walkForward?: string;
  workers?: string;
  batchSize?: string;
  blocks?: string;
  top?: string;
  json?: boolean;
  out?: string;
  resume?: boolean;
  evaluator?: string;
  verify?: string;
}

/** A finished or stopped `optimize` command. */
export interface OptimizeCommandRun {
  readonly strategy: LoadedStrategy;
  readonly sources: readonly BacktestSource[];
  readonly run: OptimizationRun;
  /** Execution rules the trials ran with (what a re-run of a trial needs). */
  readonly config: Partial<BacktestConfig>;
  readonly workers: number;
  /** The signal that stopped the run, if one did. */
  readonly signal: 'SIGINT' | 'SIGTERM' | null;
}

function positiveInteger(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`expected a positive integer for ${option}, got "${text}"`);
  return value;
}

function integer(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value))
    throw new UsageError(`expected an integer for ${option}, got "${text}"`);
  return value;
}

function method(text: string | undefined): SearchMethod | undefined {
  if (text === undefined) return undefined;
  if (text !== 'grid' && text !== 'random' && text !== 'bayes')
    throw new UsageError(`expected --method grid, random or bayes, got "${text}"`);
  return text;
}

/** Execution rules from the flags, through backtest's own parsing (`--run-seed` is its `--seed`). */
function executionConfig(flags: OptimizeFlags): Partial<BacktestConfig> {
  const { seed: _searchSeed, runSeed, ...rest } = flags;
  return configFrom({ ...(rest as BacktestFlags), ...(runSeed === undefined ? {} : { seed: runSeed }) });
}

/**
 * Runs `alphintra optimize`: checks the options, compiles the strategy (its compiled module
 * stays on disk while the workers use it), reads the data, and optimises on worker threads
 * with a progress bar on a terminal. The first SIGINT or SIGTERM lets running trials finish
 * and returns the partial result; a second one stops the workers at once.
 *
 * @example
 * const { run } = await optimizeCommand('sma.ts', { data: ['orcl.csv'], param: ['fast=5:50:5', 'slow=20:200:10'], constraint: ['fast < slow'] });
 * run.result.search?.best?.parameters;
 */
export async function optimizeCommand(file: string, flags: OptimizeFlags): Promise<OptimizeCommandRun> {
  // Cheap checks first, so a typo fails before any file is read.
  const config = executionConfig(flags);
  const ranges = parseParams(flags.param ?? []);
  const objectives = (flags.objective ?? ['sharpe']).map(parseObjective);
  const trials = positiveInteger('--trials', flags.trials);
  const seed = integer('--seed', flags.seed, 1);
  const workers = positiveInteger('--workers', flags.workers) ?? availableParallelism();
  const batchSize = positiveInteger('--batch-size', flags.batchSize);
  const blocks = positiveInteger('--blocks', flags.blocks) ?? 16;
  positiveInteger('--top', flags.top);
  if (blocks % 2 !== 0 || blocks < 2 || blocks > 24)
    throw new UsageError(`expected an even --blocks from 2 to 24, got ${blocks}`);
  const walkForward = flags.walkForward === undefined ? null : parseWalkForward(flags.walkForward);
  if (flags.resume === true && flags.out === undefined)
    throw new UsageError('--resume needs the --out folder of the run to resume');
  const chosen = method(flags.method);
  const evaluator = evaluatorFlag(flags.evaluator);
  const verify = flags.verify === undefined ? 10 : integer('--verify', flags.verify, 10);
  if (verify < 0) throw new UsageError(`expected --verify 0 or more, got ${verify}`);
  const quiet = flags.quiet === true || flags.json === true;

  const compiled = await compileStrategyFile(file, { build: true });
  const strategy = compiled.strategy;
  const stop = { aborted: false };
  const kill = new AbortController();
  let signal: OptimizeCommandRun['signal'] = null;
  const progress = createProgress('optimize', 'trials', quiet);
  const onSignal = (name: 'SIGINT' | 'SIGTERM'): void => {
    if (!stop.aborted) {
      stop.aborted = true;
      signal = name;
      progress.stop();
      process.stderr.write(
        `alphintra: ${name}: finishing the running trials, then saving (${name === 'SIGINT' ? 'Ctrl-C' : 'the signal'} again stops at once)\n`,
      );
    } else kill.abort();
  };
  const onInt = (): void => onSignal('SIGINT');
  const onTerm = (): void => onSignal('SIGTERM');
  try {
    checkParameterNames(strategy.definition, Object.keys(ranges));
    const space = buildSpace(strategy.definition.parameters, ranges);
    const discrete = searchedDimensions(space).every((d) => d.kind === 'choice' || d.values !== null);
    const search = {
      method: chosen ?? (discrete ? 'grid' : 'bayes'),
      seed,
      ...(trials === undefined ? {} : { trials }),
      ...(batchSize === undefined ? {} : { batchSize }),
    } as const;
    const constraints = flags.constraint ?? [];
    prepareSearch(
      space,
      constraints.map((c) => compileConstraint(c, space)),
      search,
    );
    const settings: OptimizationSettings = { space, constraints, objectives, search, walkForward, measure: { blocks } };

    const sources = await loadRunData(flags, quiet);
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const run = await runOptimization(
      {
        strategy: { definition: strategy.definition, moduleUrl: compiled.moduleUrl, codeHash: strategy.codeHash },
        data: sources.map((s) => s.data as BacktestData & { hash: string }),
        config,
        measure: { blocks },
        settings,
        sources: { strategy: strategy.file, data: sources.map((s) => s.input) },
      },
      {
        workers,
        evaluator,
        verify,
        ...(flags.out === undefined ? {} : { outDir: flags.out }),
        resume: flags.resume === true,
        stop,
        kill: kill.signal,
        onProgress: (p) => {
          if (stop.aborted) return;
          const fold = p.folds === null ? '' : `fold ${(p.fold ?? 0) + 1}/${p.folds}, `;
          const best = p.best === null ? '' : `best ${objectives[0]?.name} ${p.best.toFixed(4)}`;
          progress.update(p.done, p.total, `${fold}${best}`);
        },
      },
    );
    return { strategy, sources, run, config, workers, signal };
  } catch (error) {
    // The trial's message already names the strategy, handler, time and bar.
    if (error instanceof TrialError)
      throw new StrategyError(`${whereIn(error, strategy.file)}${error.message}`, { cause: error });
    throw describeStrategyFailure(error, strategy.file);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    progress.stop();
    await compiled.dispose();
  }
}
