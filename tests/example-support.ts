import { defineInstrument, type EquityInstrument } from '@alphintra/core';
import { readBars } from '@alphintra/data';
import type { BacktestData, BacktestOptions, StrategyDefinition } from '@alphintra/engine';
import { EXAMPLE_RUNS, type ExampleRun } from '../examples/catalog.js';

export { EXAMPLE_RUNS, type ExampleRun };

const cache = new Map<string, Promise<BacktestData>>();

/** Loads one sample file as backtest data (cached across tests). */
export function loadData(file: string, symbol: string): Promise<BacktestData> {
  const key = `${file}|${symbol}`;
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = readBars(new URL(`../${file}`, import.meta.url).pathname).then((read) => ({
      instrument: defineInstrument<EquityInstrument>({ kind: 'equity', symbol, venue: 'SAMPLE', currency: 'USD' }),
      series: read.series,
    }));
    cache.set(key, pending);
  }
  return pending;
}

/** Builds the backtest options of an example run. */
export async function exampleOptions(run: ExampleRun): Promise<BacktestOptions> {
  const module = (await import(/* @vite-ignore */ `../examples/${run.strategy}`)) as { default: StrategyDefinition };
  const data = await Promise.all(run.data.map((d) => loadData(d.file, d.symbol)));
  return { ...run.config, strategy: module.default, data, ...(run.parameters ? { parameters: run.parameters } : {}) };
}
