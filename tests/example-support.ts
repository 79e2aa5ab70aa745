import { defineInstrument, type EquityInstrument, tradeTicksFromBars } from '@alphintra/core';
import { readBars } from '@alphintra/data';
import type { BacktestData, BacktestOptions, StrategyDefinition } from '@alphintra/engine';
import { EXAMPLE_RUNS, type ExampleRun } from '../examples/catalog.js';

export { EXAMPLE_RUNS, type ExampleRun };

const cache = new Map<string, Promise<BacktestData>>();

/** Loads one sample file as backtest data, bars or trade ticks (cached across tests). */
export function loadData(file: string, symbol: string, ticks?: 'trades'): Promise<BacktestData> {
  const key = `${file}|${symbol}|${ticks ?? 'bars'}`;
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = readBars(new URL(`../${file}`, import.meta.url).pathname).then((read) => {
      const instrument = defineInstrument<EquityInstrument>({
        kind: 'equity',
        symbol,
        venue: 'SAMPLE',
        currency: 'USD',
      });
      return ticks === 'trades'
        ? { instrument, trades: tradeTicksFromBars(read.series) }
        : { instrument, series: read.series };
    });
    cache.set(key, pending);
  }
  return pending;
}

/** Builds the backtest options of an example run. */
export async function exampleOptions(run: ExampleRun): Promise<BacktestOptions> {
  const module = (await import(/* @vite-ignore */ `../examples/${run.strategy}`)) as { default: StrategyDefinition };
  const data = await Promise.all(run.data.map((d) => loadData(d.file, d.symbol, d.ticks)));
  return { ...run.config, strategy: module.default, data, ...(run.parameters ? { parameters: run.parameters } : {}) };
}
