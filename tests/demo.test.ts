// End to end: `alphintra demo` (the README's "run Alphintra" command) backtests every example
// of examples/catalog.ts on the sample data, prints one table and writes one HTML report each.
// Every figure in its table is checked against an independent run of the same example and
// formulas written out here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BacktestResult, runBacktest } from '@alphintra/engine';
import { runPortfolio } from '@alphintra/portfolio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPTIMIZATIONS } from '../examples/catalog.js';
import { EXAMPLE_PORTFOLIOS, EXAMPLE_RUNS, exampleOptions, examplePortfolioOptions } from './example-support.js';

/** Every report the demo writes: one per example run, portfolio and optimisation. */
const REPORTS = [
  ...EXAMPLE_RUNS.map((r) => r.name),
  ...EXAMPLE_PORTFOLIOS.map((r) => r.name),
  ...EXAMPLE_OPTIMIZATIONS.map((r) => r.name),
].map((name) => `${name}.html`);

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'node_modules/.bin/alphintra');
const DAY = 86_400_000_000;

function demo(...args: string[]) {
  if (!existsSync(join(root, 'packages/cli/dist/main.js'))) {
    throw new Error('the CLI is not built: run `npm ci` or `npm run build` first');
  }
  return spawnSync(bin, ['demo', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
}

/** The rows of the backtest table, as cells, keyed by strategy. */
function tableRows(stdout: string): Map<string, string[]> {
  const lines = stdout.split('\n');
  const header = lines.findIndex((l) => l.startsWith('strategy ') && l.includes('final equity'));
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(header + 2)) {
    if (line.trim() === '' || line.startsWith('* ')) break;
    const cells = line.trim().split(/\s{2,}/);
    rows.set(cells[0] as string, cells);
  }
  return rows;
}

/** Headline figures written out from the equity curve, independently of @alphintra/analytics. */
function figures(result: BacktestResult) {
  const { time, equity } = result.equity;
  const n = equity.length;
  const returns = Array.from({ length: n - 1 }, (_, i) => (equity[i + 1] as number) / (equity[i] as number) - 1);
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const sd = Math.sqrt(returns.reduce((a, b) => a + (b - mean) ** 2, 0) / (returns.length - 1));
  let peak = 0;
  let maxDrawdown = 0;
  for (const e of equity) {
    peak = Math.max(peak, e);
    maxDrawdown = Math.max(maxDrawdown, 1 - e / peak);
  }
  const years = ((time[n - 1] as number) - (time[0] as number)) / (365.25 * DAY);
  const growth = (equity[n - 1] as number) / (equity[0] as number);
  // Periods a year from the median spacing of the rows (docs/analytics/metrics.md): 252 for
  // daily bars; intraday rows (the tick example) 252 × 6.5 h ÷ spacing.
  const gaps = Array.from({ length: n - 1 }, (_, i) => (time[i + 1] as number) - (time[i] as number)).sort(
    (a, b) => a - b,
  );
  const middle = gaps.length >> 1;
  const spacing =
    gaps.length % 2 === 1 ? (gaps[middle] as number) : ((gaps[middle - 1] as number) + (gaps[middle] as number)) / 2;
  const periods = spacing < DAY ? 252 * Math.max(1, (6.5 * DAY) / 24 / spacing) : 252 / (spacing / DAY);
  return {
    totalReturn: growth - 1,
    cagr: growth ** (1 / years) - 1,
    sharpe: (mean / sd) * Math.sqrt(periods),
    maxDrawdown,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('alphintra demo --out', () => {
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'alphintra-demo-test-'));
    const r = demo('--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    stdout = r.stdout;
  }, 120_000);
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('still tours every sample file', () => {
    for (const file of [
      'orcl-1995-2014.txt',
      'nvda-1999-2014.txt',
      'yhoo-1996-2014.txt',
      'ticksample.csv',
      '2006-min-005.txt',
    ])
      expect(stdout).toContain(file);
    expect(stdout).toContain('5,036');
    expect(stdout).toContain('Resampled 30,889 one-minute bars');
  });

  it('prints one row per example whose figures match an independent run of it', async () => {
    const rows = tableRows(stdout);
    expect([...rows.keys()]).toEqual([
      ...EXAMPLE_RUNS.map((r) => r.name),
      ...EXAMPLE_PORTFOLIOS.map((r) => `${r.name} (portfolio)`),
    ]);
    expect(stdout).toMatch(/^\* spans less than 30 days: CAGR and Sharpe/m);
    for (const run of EXAMPLE_RUNS) {
      const result = runBacktest(await exampleOptions(run));
      const f = figures(result);
      // Runs spanning under 30 days (the tick sample: minutes) show no annualised figures.
      const { time } = result.equity;
      const short = ((time[time.length - 1] as number) - (time[0] as number)) / 86_400e6 < 30;
      expect(rows.get(run.name), run.name).toEqual([
        run.name,
        run.data.map((d) => d.symbol).join(', '),
        result.summary.trades.toLocaleString('en-US'),
        pct(f.totalReturn),
        short ? 'n/a*' : pct(f.cagr),
        short ? 'n/a*' : f.sharpe.toFixed(2),
        pct(f.maxDrawdown),
        money(result.summary.finalEquity),
      ]);
    }
    for (const run of EXAMPLE_PORTFOLIOS) {
      const result = runPortfolio(await examplePortfolioOptions(run)).backtest;
      const f = figures(result);
      expect(rows.get(`${run.name} (portfolio)`), run.name).toEqual([
        `${run.name} (portfolio)`,
        run.data.map((d) => d.symbol).join(', '),
        result.summary.trades.toLocaleString('en-US'),
        pct(f.totalReturn),
        pct(f.cagr),
        f.sharpe.toFixed(2),
        pct(f.maxDrawdown),
        money(result.summary.finalEquity),
      ]);
    }
  });

  it('runs every example optimisation and names what it found', () => {
    for (const run of EXAMPLE_OPTIMIZATIONS) {
      expect(stdout).toMatch(
        new RegExp(
          `^Optimisation ${run.name}: \\d+ walk-forward folds, \\d+ trials; out of sample \\(stitched\\): total return -?[\\d.]+%, Sharpe -?[\\d.]+; walk-forward efficiency -?[\\d.]+$`,
          'm',
        ),
      );
    }
  });

  it('writes one report per example into the folder it names, each listing the run’s trades', async () => {
    expect(stdout).toContain(`HTML reports (they open offline in any browser) in ${out}:`);
    expect((await readdir(out)).sort()).toEqual([...REPORTS].sort());
    const rows = tableRows(stdout);
    for (const run of EXAMPLE_RUNS) {
      const path = join(out, `${run.name}.html`);
      expect(stdout).toMatch(new RegExp(`^ {2}${run.name} +${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      const page = await readFile(path, 'utf8');
      const start = page.indexOf('id="trades-table"');
      const table = page.slice(start, page.indexOf('</table>', start));
      expect((table.match(/<tr>/g) ?? []).length - 1, run.name).toBe(
        Number(rows.get(run.name)?.[2]?.replace(/,/g, '')),
      );
      for (const d of run.data)
        expect(page.includes(`${d.symbol}.SIM`) && page.includes(d.file.split('/').at(-1)!)).toBe(true);
    }
  });
});

describe('alphintra demo without --out', () => {
  it('writes the reports to a new folder under the temporary folder and names it', { timeout: 120_000 }, async () => {
    const r = demo();
    expect(r.status).toBe(0);
    const folder = /HTML reports \(they open offline in any browser\) in (.+):$/m.exec(r.stdout)?.[1];
    expect(folder).toBeDefined();
    try {
      expect(folder?.startsWith(join(tmpdir(), 'alphintra-demo-'))).toBe(true);
      expect((await readdir(folder as string)).sort()).toEqual([...REPORTS].sort());
    } finally {
      if (folder !== undefined) await rm(folder, { recursive: true, force: true });
    }
  });
});
