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

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

function checkRun(value: unknown, index: number, file: string): ExampleCatalogRun {
  const problem = (what: string): AlphintraError =>
    new AlphintraError('INVALID_ARGUMENT', `expected EXAMPLE_RUNS[${index}] to have ${what}`, { file });
  if (!isObject(value)) throw problem('the shape { name, strategy, data, config }');
  if (typeof value.name !== 'string' || value.name === '') throw problem('a name');
  if (typeof value.strategy !== 'string') throw problem('a strategy file name');
  const data = value.data;
  if (
    !Array.isArray(data) ||
    data.length === 0 ||
    !data.every((d) => isObject(d) && typeof d.file === 'string' && typeof d.symbol === 'string')
  ) {
    throw problem('data: [{ file, symbol }, …]');
  }
  if (!isObject(value.config)) throw problem('a config object');
  if (value.parameters !== undefined && !isObject(value.parameters)) throw problem('parameters as an object');
  return value as unknown as ExampleCatalogRun;
}

/**
 * Reads the example runs CI checks (`EXAMPLE_RUNS` of examples/catalog.ts), compiled like a
 * strategy file, and checks their shape.
 */
export async function loadExampleCatalog(examplesDir: string): Promise<ExampleCatalogRun[]> {
  const file = join(examplesDir, 'catalog.ts');
  const { module } = await importSourceModule(file, 'example catalog');
  const runs = module.EXAMPLE_RUNS;
  if (!Array.isArray(runs)) {
    throw new AlphintraError('INVALID_ARGUMENT', 'expected the catalog to export EXAMPLE_RUNS, an array of runs', {
      file,
    });
  }
  return runs.map((run, i) => checkRun(run, i, file));
}
