import { basename } from 'node:path';
import { buyAndHoldEquity, type PriceSeries } from '@alphintra/analytics';
import type { BacktestResult } from '@alphintra/engine';
import { type InputFlags, loadBars } from '../support/bars-io.js';
import { createProgress } from '../support/progress.js';
import type { BacktestSource } from './backtest-data.js';
import { symbolFromFileName } from './backtest-data.js';

/** Where the benchmark's prices come from, before the run. */
export interface BenchmarkSource {
  /** "buy and hold ORCL.SIM", "buy and hold SPY". */
  readonly name: string;
  /** The `--benchmark` input as given; null for the default (the run's first instrument). */
  readonly input: string | null;
  readonly prices: PriceSeries;
}

/** The benchmark of a finished run: its equity at each of the run's equity rows. */
export interface RunBenchmark {
  readonly name: string;
  readonly input: string | null;
  readonly equity: Float64Array;
}

/**
 * Returns the benchmark's prices: those of `--benchmark <file|dataset>` (read like `--data`),
 * or, without it, those of the run's first instrument.
 */
export async function loadBenchmarkSource(
  input: string | undefined,
  sources: readonly BacktestSource[],
  read: Omit<InputFlags, 'symbol'>,
  quiet: boolean,
): Promise<BenchmarkSource> {
  if (input === undefined) {
    const first = sources[0] as BacktestSource;
    return { name: `buy and hold ${first.data.instrument.id}`, input: null, prices: pricesOf(first) };
  }
  const loaded = await loadBars(input, read, createProgress(`reading ${basename(input)}`, 'bytes', quiet));
  const symbol = loaded.series.meta.symbol ?? loaded.dataset?.metadata.symbol;
  const label = symbol !== undefined && symbol.trim() !== '' ? symbol : symbolFromFileName(input);
  return { name: `buy and hold ${label}`, input, prices: loaded.series };
}

/** An input's prices over time: its closes, trade prices, or quote mids. */
function pricesOf(source: BacktestSource): PriceSeries {
  const { series, trades, quotes } = source.data;
  if (series !== undefined) return series;
  if (trades !== undefined) return { time: trades.time, close: trades.price };
  const q = quotes as NonNullable<typeof quotes>;
  return { time: q.time, close: q.bid.map((bid, i) => (bid + (q.ask[i] as number)) / 2) };
}

/**
 * Returns the benchmark curve of a run: buy and hold from the run's starting equity, sampled at
 * each equity row by an as-of join (see `buyAndHoldEquity` of @alphintra/analytics).
 */
export function benchmarkOf(source: BenchmarkSource, result: BacktestResult): RunBenchmark {
  return {
    name: source.name,
    input: source.input,
    equity: buyAndHoldEquity(result.equity.time, source.prices, result.summary.startEquity),
  };
}
