import { join } from 'node:path';
import { AlphintraError } from '@alphintra/core';
import type { BacktestConfig } from '@alphintra/engine';
import { importSourceModule } from './backtest-strategy.js';

/** One example run of examples/catalog.ts: a strategy file, its sample data and costs. */
export interface ExampleCatalogRun {
  readonly name: string;
  /** Strategy file, relative to the examples folder. */
  readonly strategy: string;
  /** Sample files (only their names count: they are looked up in the samples folder) and symbols. */
  readonly data: readonly { readonly file: string; readonly symbol: string }[];
  readonly config: Partial<BacktestConfig>;
  readonly parameters?: Readonly<Record<string, number>>;
}

/** One example portfolio of the catalog: a portfolio file (under the examples folder) on sample data. */
export interface ExampleCatalogPortfolio {
  readonly name: string;
  readonly portfolio: string;
  readonly data: readonly { readonly file: string; readonly symbol: string }[];
  readonly config: Partial<BacktestConfig>;
}

/** One example optimisation of the catalog: ranges, constraints and costs as `alphintra optimize` takes them. */
export interface ExampleCatalogOptimization {
  readonly name: string;
  readonly strategy: string;
  readonly data: readonly { readonly file: string; readonly symbol: string }[];
  readonly ranges: Readonly<Record<string, string>>;
  readonly constraints?: readonly string[];
  readonly fees?: string;
  readonly walkForward?: string;
}

/** What the demo runs: the catalog's backtests, and its portfolios and optimisations when it has any. */
export interface ExampleCatalog {
  readonly runs: readonly ExampleCatalogRun[];
  readonly portfolios: readonly ExampleCatalogPortfolio[];
  readonly optimizations: readonly ExampleCatalogOptimization[];
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

const isData = (data: unknown): boolean =>
  Array.isArray(data) &&
  data.length > 0 &&
  data.every((d) => isObject(d) && typeof d.file === 'string' && typeof d.symbol === 'string');

function checkRun(value: unknown, index: number, file: string): ExampleCatalogRun {
  const problem = (what: string): AlphintraError =>
    new AlphintraError('INVALID_ARGUMENT', `expected EXAMPLE_RUNS[${index}] to have ${what}`, { file });
  if (!isObject(value)) throw problem('the shape { name, strategy, data, config }');
  if (typeof value.name !== 'string' || value.name === '') throw problem('a name');
  if (typeof value.strategy !== 'string') throw problem('a strategy file name');
  if (!isData(value.data)) throw problem('data: [{ file, symbol }, …]');
  if (!isObject(value.config)) throw problem('a config object');
  if (value.parameters !== undefined && !isObject(value.parameters)) throw problem('parameters as an object');
  return value as unknown as ExampleCatalogRun;
}

function checkPortfolio(value: unknown, index: number, file: string): ExampleCatalogPortfolio {
  const problem = (what: string): AlphintraError =>
    new AlphintraError('INVALID_ARGUMENT', `expected EXAMPLE_PORTFOLIOS[${index}] to have ${what}`, { file });
  if (!isObject(value)) throw problem('the shape { name, portfolio, data, config }');
  if (typeof value.name !== 'string' || value.name === '') throw problem('a name');
  if (typeof value.portfolio !== 'string') throw problem('a portfolio file name');
  if (!isData(value.data)) throw problem('data: [{ file, symbol }, …]');
  if (!isObject(value.config)) throw problem('a config object');
  return value as unknown as ExampleCatalogPortfolio;
}

function checkOptimization(value: unknown, index: number, file: string): ExampleCatalogOptimization {
  const problem = (what: string): AlphintraError =>
    new AlphintraError('INVALID_ARGUMENT', `expected EXAMPLE_OPTIMIZATIONS[${index}] to have ${what}`, { file });
  if (!isObject(value)) throw problem('the shape { name, strategy, data, ranges }');
  if (typeof value.name !== 'string' || value.name === '') throw problem('a name');
  if (typeof value.strategy !== 'string') throw problem('a strategy file name');
  if (!isData(value.data)) throw problem('data: [{ file, symbol }, …]');
  if (!isObject(value.ranges) || !Object.values(value.ranges).every((r) => typeof r === 'string')) {
    throw problem('ranges: { name: "from:to:step", … }');
  }
  const constraints = value.constraints;
  if (constraints !== undefined && !(Array.isArray(constraints) && constraints.every((c) => typeof c === 'string'))) {
    throw problem('constraints as an array of expressions');
  }
  for (const key of ['fees', 'walkForward'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') throw problem(`${key} as a string`);
  }
  return value as unknown as ExampleCatalogOptimization;
}

/** Checks an optional list export of the catalog (absent: none). */
function optionalList<T>(
  value: unknown,
  name: string,
  file: string,
  check: (item: unknown, index: number, file: string) => T,
): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new AlphintraError('INVALID_ARGUMENT', `expected ${name} to be an array`, { file });
  return value.map((item, i) => check(item, i, file));
}

/**
 * Reads the example runs CI checks (`EXAMPLE_RUNS` of examples/catalog.ts, and its optional
 * `EXAMPLE_PORTFOLIOS` and `EXAMPLE_OPTIMIZATIONS`), compiled like a strategy file, and checks
 * their shape.
 */
export async function loadExampleCatalog(examplesDir: string): Promise<ExampleCatalog> {
  const file = join(examplesDir, 'catalog.ts');
  const { module } = await importSourceModule(file, 'example catalog');
  const runs = module.EXAMPLE_RUNS;
  if (!Array.isArray(runs)) {
    throw new AlphintraError('INVALID_ARGUMENT', 'expected the catalog to export EXAMPLE_RUNS, an array of runs', {
      file,
    });
  }
  return {
    runs: runs.map((run, i) => checkRun(run, i, file)),
    portfolios: optionalList(module.EXAMPLE_PORTFOLIOS, 'EXAMPLE_PORTFOLIOS', file, checkPortfolio),
    optimizations: optionalList(module.EXAMPLE_OPTIMIZATIONS, 'EXAMPLE_OPTIMIZATIONS', file, checkOptimization),
  };
}
