import { readFile } from 'node:fs/promises';
import { type BarSeries, defineInstrument, type EquityInstrument, tradeTicksFromBars } from '@alphintra/core';
import { readBars } from '@alphintra/data';
import type { BacktestData, BacktestOptions, StrategyDefinition } from '@alphintra/engine';
import { type PortfolioRunOptions, portfolioFromDocument, readPortfolioDocument } from '@alphintra/portfolio';
import { EXAMPLE_PORTFOLIOS, EXAMPLE_RUNS, type ExamplePortfolioRun, type ExampleRun } from '../examples/catalog.js';

export { EXAMPLE_PORTFOLIOS, EXAMPLE_RUNS, type ExamplePortfolioRun, type ExampleRun };

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

/** Builds the options of an example portfolio run: its file, the strategies it names, its data. */
export async function examplePortfolioOptions(run: ExamplePortfolioRun): Promise<PortfolioRunOptions> {
  const text = await readFile(new URL(`../examples/${run.portfolio}`, import.meta.url), 'utf8');
  const document = readPortfolioDocument(JSON.parse(text));
  const strategies = new Map<string, StrategyDefinition>();
  for (const sleeve of document.sleeves) {
    if (typeof sleeve.strategy !== 'string') continue;
    const module = (await import(/* @vite-ignore */ `../examples/${sleeve.strategy}`)) as {
      default: StrategyDefinition;
    };
    strategies.set(sleeve.strategy, module.default);
  }
  const portfolio = portfolioFromDocument(document, (path) => strategies.get(path) as StrategyDefinition);
  const data = await Promise.all(run.data.map((d) => loadData(d.file, d.symbol)));
  return { ...run.config, portfolio, data };
}

/** The bars of a run's data (runs without trade ticks run on bars). */
export function barsOf(d: BacktestOptions['data'][number]): BarSeries {
  if (d.series === undefined) throw new Error(`${d.instrument.id} has no bars`);
  return d.series;
}

/** The same data cut after time `cut` (bars, or trade ticks, with time ≤ cut kept). */
export function cutData(data: BacktestOptions['data'], cut: number): BacktestOptions['data'] {
  return data.map((d) => {
    if (d.trades !== undefined) {
      let end = 0;
      while (end < d.trades.time.length && (d.trades.time[end] as number) <= cut) end++;
      const { time, price, size } = d.trades;
      return { ...d, trades: { time: time.slice(0, end), price: price.slice(0, end), size: size.slice(0, end) } };
    }
    const series = barsOf(d);
    const end = series.indexAtOrBefore(cut) + 1;
    return { ...d, series: series.slice(0, end) };
  });
}

/** Every distinct timestamp of a run's data, ascending. */
export function timeline(data: BacktestOptions['data']): number[] {
  const all = new Set<number>();
  for (const d of data) for (const t of d.trades?.time ?? barsOf(d).time) all.add(t);
  return [...all].sort((a, b) => a - b);
}
