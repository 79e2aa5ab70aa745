import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { renderPortfolioReport } from '@alphintra/report';
import { barsOf } from './backtest-html.js';
import { type PortfolioRun, portfolioMetricsOf } from './portfolio.js';

/** Returns the portfolio run's self-contained HTML report (see docs/reports.md). */
export function portfolioReportHtml(run: PortfolioRun): string {
  const metrics = portfolioMetricsOf(run);
  return renderPortfolioReport(run.result, metrics.portfolio, metrics.sleeves, {
    prices: run.sources.map((s) => ({ instrument: s.data.instrument.id, bars: barsOf(s.data) })),
    benchmark: run.benchmark,
    sources: { strategy: run.portfolio.file, data: run.sources.map((s) => s.input) },
  });
}

/** Writes the portfolio run's HTML report to `path` (its folder is created if missing) and returns the path. */
export async function writePortfolioReport(path: string, run: PortfolioRun): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, portfolioReportHtml(run));
  return path;
}
