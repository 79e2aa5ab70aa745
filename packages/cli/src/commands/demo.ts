import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from '../support/table.js';
import { type DemoRun, runExample } from './demo-backtests.js';
import { loadExampleCatalog } from './demo-catalog.js';
import { type DemoOptimization, runExampleOptimization, runExamplePortfolio } from './demo-research.js';
import { sampleDataTour } from './demo-samples.js';

/** Flags of `alphintra demo`. */
export interface DemoFlags {
  samples?: string;
  examples?: string;
  out?: string;
}

/** Returns the folder of sample data shipped with the repository. */
export function defaultSamplesDir(): string {
  return fileURLToPath(new URL('../../../../data/samples/', import.meta.url));
}

/** Returns the folder of example strategies shipped with the repository. */
export function defaultExamplesDir(): string {
  return fileURLToPath(new URL('../../../../examples/', import.meta.url));
}

const percent = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(2)}%`);
const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Runs shorter than this many days show no annualised figures in the table: a CAGR or Sharpe
 * ratio extrapolated to a year from minutes of ticks says nothing (the reports keep them).
 */
export const ANNUALISE_MIN_DAYS = 30;

/** Prints the demo's summary table: one row per example run. */
export function printDemoTable(runs: readonly DemoRun[], out: (line: string) => void): void {
  const short = (r: DemoRun): boolean => r.days < ANNUALISE_MIN_DAYS;
  printTable(
    ['strategy', 'instruments', 'trades', 'total return', 'CAGR', 'Sharpe', 'max drawdown', 'final equity'],
    runs.map((r) => [
      r.name,
      r.instruments.join(', '),
      r.trades.toLocaleString('en-US'),
      percent(r.totalReturn),
      short(r) ? 'n/a*' : percent(r.cagr),
      short(r) ? 'n/a*' : r.sharpe === null ? '-' : r.sharpe.toFixed(2),
      percent(r.maxDrawdown),
      money(r.finalEquity),
    ]),
    out,
  );
  if (runs.some(short)) {
    out(
      `* spans less than ${ANNUALISE_MIN_DAYS} days: CAGR and Sharpe would annualise minutes or days (see the report)`,
    );
  }
}

/**
 * Runs the embedded demo, which needs no servers: a tour of the sample data, then backtests of
 * every example strategy of examples/catalog.ts on it, a summary table, and each run's HTML
 * report written to `--out` (default: a new folder under the system's temporary folder).
 */
export async function demoCommand(flags: DemoFlags, out: (line: string) => void): Promise<DemoRun[]> {
  const samples = flags.samples ?? defaultSamplesDir();
  const examples = flags.examples ?? defaultExamplesDir();
  const { runs: catalog, portfolios, optimizations } = await loadExampleCatalog(examples);
  const reports = flags.out === undefined ? await mkdtemp(join(tmpdir(), 'alphintra-demo-')) : resolve(flags.out);
  out('Alphintra demo');
  out('');
  await sampleDataTour(samples, out);
  out('');
  out(`Backtests of the ${catalog.length} example strategies (${join(examples, 'catalog.ts')}) on the sample data:`);
  out('');
  const folders = { examples, samples, reports };
  const runs: DemoRun[] = [];
  for (const run of catalog) runs.push(await runExample(run, folders));
  for (const run of portfolios) runs.push(await runExamplePortfolio(run, folders));
  printDemoTable(runs, out);
  const searches: DemoOptimization[] = [];
  for (const run of optimizations) searches.push(await runExampleOptimization(run, folders));
  for (const search of searches) {
    out('');
    out(`Optimisation ${search.name}: ${search.summary}`);
  }
  out('');
  out(`HTML reports (they open offline in any browser) in ${reports}:`);
  const written = [...runs, ...searches];
  const width = Math.max(...written.map((r) => r.name.length));
  for (const run of written) out(`  ${run.name.padEnd(width)}  ${run.report}`);
  out('');
  out('Next: alphintra backtest examples/sma-crossover.ts --data data/samples/orcl-1995-2014.txt --report report.html');
  out(
    "      alphintra optimize examples/sma-crossover.ts --data data/samples/orcl-1995-2014.txt --param fast=5:50:5 --param slow=20:200:10 --constraint 'fast < slow' --report optimisation.html",
  );
  out('      alphintra data inspect <file>, alphintra --help');
  return runs;
}
