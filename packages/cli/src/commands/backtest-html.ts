import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type PriceBars, renderBacktestReport } from '@alphintra/report';
import type { BacktestRun } from './backtest.js';
import { metricsOf } from './backtest-report.js';

/** An input's price bars for the chart: its bars, or one row per trade (or quote, at the mid). */
export function barsOf(data: BacktestRun['sources'][number]['data']): PriceBars {
  if (data.series !== undefined) return data.series;
  if (data.trades !== undefined) {
    const price = data.trades.price;
    return { time: data.trades.time, open: price, high: price, low: price, close: price };
  }
  const q = data.quotes as NonNullable<typeof data.quotes>;
  const mid = q.bid.map((bid, i) => (bid + (q.ask[i] as number)) / 2);
  return { time: q.time, open: mid, high: q.ask, low: q.bid, close: mid };
}

/** Returns the run's self-contained HTML report (see docs/reports.md). */
export function backtestReportHtml(run: BacktestRun): string {
  return renderBacktestReport(run.result, metricsOf(run), {
    prices: run.sources.map((s) => ({ instrument: s.data.instrument.id, bars: barsOf(s.data) })),
    benchmark: run.benchmark,
    sources: { strategy: run.strategy.file, data: run.sources.map((s) => s.input) },
  });
}

/** Writes the run's HTML report to `path` (its folder is created if missing) and returns the path. */
export async function writeBacktestReport(path: string, run: BacktestRun): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, backtestReportHtml(run));
  return path;
}
