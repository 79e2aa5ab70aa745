import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { MetricsReport } from '@alphintra/analytics';
import { MICROS_PER_DAY } from '@alphintra/core';
import type { BacktestResult } from '@alphintra/engine';
import { executeBacktest } from './backtest.js';
import { loadBenchmarkSource } from './backtest-benchmark.js';
import { loadBacktestData } from './backtest-data.js';
import { writeBacktestReport } from './backtest-html.js';
import { metricsOf } from './backtest-report.js';
import { loadStrategy } from './backtest-strategy.js';
import type { ExampleCatalogRun } from './demo-catalog.js';

/** What one example run of the demo produced. */
export interface DemoRun {
  readonly name: string;
  readonly instruments: readonly string[];
  readonly trades: number;
  readonly totalReturn: number | null;
  readonly cagr: number | null;
  readonly sharpe: number | null;
  readonly maxDrawdown: number;
  readonly finalEquity: number;
  /** Time from the first to the last equity row, in days. */
  readonly days: number;
  /** Path of the run's HTML report. */
  readonly report: string;
}

/** Where the demo finds its inputs and writes its reports. */
export interface DemoFolders {
  readonly examples: string;
  readonly samples: string;
  readonly reports: string;
}

/** Returns a file name made of the run's name (letters, digits, dots, dashes and underscores). */
export function reportFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.html`;
}

/**
 * Backtests one example of the catalog on the sample data, exactly as `alphintra backtest`
 * would (same loading, engine, metrics and benchmark), and writes its HTML report.
 */
export async function runExample(run: ExampleCatalogRun, folders: DemoFolders): Promise<DemoRun> {
  const strategy = await loadStrategy(join(folders.examples, run.strategy));
  const sources = await loadBacktestData(
    run.data.map((d) => join(folders.samples, basename(d.file))),
    { read: {}, symbols: run.data.map((d) => d.symbol), venue: 'SIM', currency: 'USD', quiet: true },
  );
  const benchmark = await loadBenchmarkSource(undefined, sources, {}, true);
  const backtest = executeBacktest({
    strategy,
    sources,
    config: run.config,
    parameters: run.parameters ?? {},
    benchmark,
    quiet: true,
  });
  await mkdir(folders.reports, { recursive: true });
  const report = await writeBacktestReport(join(folders.reports, reportFileName(run.name)), backtest);
  return demoRow(
    run.name,
    run.data.map((d) => d.symbol),
    backtest.result,
    metricsOf(backtest),
    report,
  );
}

/** The demo table's row of a finished run (a backtest, or a portfolio's account). */
export function demoRow(
  name: string,
  instruments: readonly string[],
  result: BacktestResult,
  metrics: MetricsReport,
  report: string,
): DemoRun {
  const time = result.equity.time;
  const days = time.length === 0 ? 0 : ((time[time.length - 1] as number) - (time[0] as number)) / MICROS_PER_DAY;
  return {
    name,
    instruments,
    trades: result.summary.trades,
    totalReturn: metrics.returns.totalReturn,
    cagr: metrics.returns.cagr,
    sharpe: metrics.risk.sharpe,
    maxDrawdown: metrics.drawdown.maxDrawdown,
    finalEquity: result.summary.finalEquity,
    days,
    report,
  };
}
