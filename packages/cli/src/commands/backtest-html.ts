import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { renderBacktestReport } from '@alphintra/report';
import type { BacktestRun } from './backtest.js';
import { metricsOf } from './backtest-report.js';

/** Returns the run's self-contained HTML report (see docs/reports.md). */
export function backtestReportHtml(run: BacktestRun): string {
  return renderBacktestReport(run.result, metricsOf(run), {
    prices: run.sources.map((s) => ({ instrument: s.data.instrument.id, bars: s.data.series })),
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
