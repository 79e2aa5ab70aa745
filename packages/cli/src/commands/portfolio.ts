import type { MetricsReport } from '@alphintra/analytics';
import { type PortfolioResult, runPortfolio, sleeveMetrics } from '@alphintra/portfolio';
import { createProgress } from '../support/progress.js';
import { type BacktestFlags, type BacktestRun, loadRunInputs, progressInterval, type RunInputs } from './backtest.js';
import { benchmarkOf, type RunBenchmark } from './backtest-benchmark.js';
import type { BacktestSource } from './backtest-data.js';
import { metricsOf } from './backtest-report.js';
import { type LoadedPortfolio, loadPortfolio } from './portfolio-load.js';

/** A finished portfolio run with what produced it. */
export interface PortfolioRun {
  readonly portfolio: LoadedPortfolio;
  readonly sources: readonly BacktestSource[];
  /** The `--fx-rate` values, and the files read for them. */
  readonly fxRates: RunInputs['fxRates'];
  readonly result: PortfolioResult;
  readonly benchmark: RunBenchmark;
  readonly rollingWindow: number | undefined;
}

/**
 * The account of a portfolio run as a backtest run, so that everything `alphintra backtest`
 * prints and writes (summary, metrics, files) describes the portfolio as a whole.
 */
export function accountRun(run: PortfolioRun): BacktestRun {
  return {
    strategy: { definition: run.portfolio.definition, file: run.portfolio.file, codeHash: run.portfolio.codeHash },
    sources: run.sources,
    fxRates: run.fxRates,
    result: run.result.backtest,
    benchmark: run.benchmark,
    rollingWindow: run.rollingWindow,
  };
}

const accounts = new WeakMap<PortfolioRun, BacktestRun>();
const sleeves = new WeakMap<PortfolioRun, Record<string, MetricsReport>>();

/** The account view of a run, made once (so its metrics are computed once). */
export function accountOf(run: PortfolioRun): BacktestRun {
  let account = accounts.get(run);
  if (account === undefined) {
    account = accountRun(run);
    accounts.set(run, account);
  }
  return account;
}

/** The portfolio's metrics: the account's (as for a backtest) and each sleeve's, against the same benchmark. */
export function portfolioMetricsOf(run: PortfolioRun): {
  portfolio: MetricsReport;
  sleeves: Record<string, MetricsReport>;
} {
  let bySleeve = sleeves.get(run);
  if (bySleeve === undefined) {
    bySleeve = sleeveMetrics(run.result, {
      benchmark: run.benchmark.equity,
      includeSeries: true,
      ...(run.rollingWindow === undefined ? {} : { rollingWindow: run.rollingWindow }),
    });
    sleeves.set(run, bySleeve);
  }
  return { portfolio: metricsOf(accountOf(run)), sleeves: bySleeve };
}

/**
 * Runs `alphintra portfolio`: checks the options, loads the portfolio file and its strategies,
 * reads the data and the benchmark (as `alphintra backtest` does), and runs the portfolio with
 * a progress bar on a terminal.
 *
 * @example
 * const run = await portfolioCommand('three-sleeves.portfolio.json', { data: ['orcl.csv', 'yhoo.csv'] });
 * run.result.sleeves.map((s) => s.finalEquity);
 */
export async function portfolioCommand(file: string, flags: BacktestFlags): Promise<PortfolioRun> {
  const { loaded: portfolio, ...inputs } = await loadRunInputs(flags, () => loadPortfolio(file));
  const progress = createProgress('portfolio', 'bars', inputs.quiet);
  try {
    const result = runPortfolio({
      ...inputs.config,
      portfolio: portfolio.definition,
      parameters: inputs.parameters,
      data: inputs.sources.map((s) => s.data),
      fxRates: inputs.fxRates.table,
      strategyCodeHash: portfolio.codeHash,
      onProgress: (done, total) => progress.update(done, total),
      progressInterval: progressInterval(inputs.sources),
    });
    return {
      portfolio,
      sources: inputs.sources,
      fxRates: inputs.fxRates,
      result,
      benchmark: benchmarkOf(inputs.benchmark, result.backtest),
      rollingWindow: inputs.rollingWindow,
    };
  } finally {
    progress.stop();
  }
}
