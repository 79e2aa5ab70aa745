import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatParameters } from '@alphintra/engine';
import { runPortfolio } from '@alphintra/portfolio';
import { NO_FX_RATES } from './backtest.js';
import { benchmarkOf, loadBenchmarkSource } from './backtest-benchmark.js';
import { loadBacktestData } from './backtest-data.js';
import { type DemoFolders, type DemoRun, demoRow, reportFileName } from './demo-backtests.js';
import type { ExampleCatalogOptimization, ExampleCatalogPortfolio } from './demo-catalog.js';
import { optimizeCommand } from './optimize.js';
import { writeOptimizationReport } from './optimize-html.js';
import type { PortfolioRun } from './portfolio.js';
import { portfolioMetricsOf } from './portfolio.js';
import { writePortfolioReport } from './portfolio-html.js';
import { loadPortfolio } from './portfolio-load.js';

const sampleFiles = (data: ExampleCatalogPortfolio['data'], folders: DemoFolders): string[] =>
  data.map((d) => join(folders.samples, basename(d.file)));

/**
 * Runs one example portfolio of the catalog on the sample data, as `alphintra portfolio` would
 * (same loading, engine, metrics and benchmark), and writes its HTML report.
 */
export async function runExamplePortfolio(run: ExampleCatalogPortfolio, folders: DemoFolders): Promise<DemoRun> {
  const portfolio = await loadPortfolio(join(folders.examples, run.portfolio));
  const sources = await loadBacktestData(sampleFiles(run.data, folders), {
    read: {},
    symbols: run.data.map((d) => d.symbol),
    venue: 'SIM',
    currency: 'USD',
    quiet: true,
  });
  const benchmark = await loadBenchmarkSource(undefined, sources, {}, true);
  const result = runPortfolio({
    ...run.config,
    portfolio: portfolio.definition,
    data: sources.map((s) => s.data),
    strategyCodeHash: portfolio.codeHash,
  });
  const portfolioRun: PortfolioRun = {
    portfolio,
    sources,
    fxRates: NO_FX_RATES,
    result,
    benchmark: benchmarkOf(benchmark, result.backtest),
    rollingWindow: undefined,
  };
  await mkdir(folders.reports, { recursive: true });
  const report = await writePortfolioReport(join(folders.reports, reportFileName(run.name)), portfolioRun);
  return demoRow(
    `${run.name} (portfolio)`,
    run.data.map((d) => d.symbol),
    result.backtest,
    portfolioMetricsOf(portfolioRun).portfolio,
    report,
  );
}

/** What the demo prints of an example optimisation. */
export interface DemoOptimization {
  readonly name: string;
  /** One line: what was searched and what came out. */
  readonly summary: string;
  readonly report: string;
}

const pct = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(2)}%`;
const fixed = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);

/**
 * Runs one example optimisation of the catalog on the sample data through `alphintra optimize`'s
 * own code (evaluator chosen as `auto` chooses it, one worker), and writes its HTML report.
 */
export async function runExampleOptimization(
  run: ExampleCatalogOptimization,
  folders: DemoFolders,
): Promise<DemoOptimization> {
  const command = await optimizeCommand(join(folders.examples, run.strategy), {
    data: sampleFiles(run.data, folders),
    symbol: run.data.map((d) => d.symbol),
    param: Object.entries(run.ranges).map(([name, range]) => `${name}=${range}`),
    ...(run.constraints === undefined ? {} : { constraint: [...run.constraints] }),
    ...(run.fees === undefined ? {} : { fees: run.fees }),
    ...(run.walkForward === undefined ? {} : { walkForward: run.walkForward }),
    workers: '1',
    quiet: true,
  });
  await mkdir(folders.reports, { recursive: true });
  const report = await writeOptimizationReport(join(folders.reports, reportFileName(run.name)), command);
  const result = command.run.result;
  const wf = result.walkForward;
  const trials = result.search?.evaluated ?? wf?.folds.reduce((n, f) => n + f.search.evaluated, 0) ?? 0;
  const search = result.search;
  const stitched = wf?.stitched?.metrics;
  const summary =
    wf === null
      ? `${trials} trials; best ${formatParameters(search?.best?.parameters ?? {})}, deflated Sharpe ${fixed(search?.diagnostics.deflatedSharpe?.deflatedSharpe, 3)}, ` +
        `PBO ${fixed(search?.diagnostics.pbo?.pbo, 3)}`
      : `${wf.folds.length} walk-forward folds, ${trials} trials; out of sample (stitched): total return ` +
        `${pct(stitched?.returns.totalReturn)}, Sharpe ${fixed(stitched?.risk.sharpe)}; ` +
        `walk-forward efficiency ${fixed(wf.efficiency?.return)}`;
  return { name: run.name, summary, report };
}
