import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBacktestWorkspace, waveCsv } from '../testing/backtest-fixtures.js';
import { runCli as run } from '../testing/run-cli.js';

const workspace = useBacktestWorkspace('alphintra-report-');
let work: string;
let strategy: string;
let wave: string;
beforeAll(() => {
  ({ dir: work, strategy, wave } = workspace);
});

/** Closing prices of a CSV written by waveCsv (column 5). */
async function closesOf(file: string): Promise<number[]> {
  const lines = (await readFile(file, 'utf8')).trim().split('\n').slice(1);
  return lines.map((line) => Number(line.split(',')[4]));
}

describe('alphintra backtest --benchmark and the rolling metrics', () => {
  it('compares with buying and holding the first instrument by default', async () => {
    const r = await run('backtest', strategy, '--data', wave, '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const closes = await closesOf(wave);
    expect(doc.manifest.benchmark).toEqual({ name: 'buy and hold WAVE.SIM', input: null });
    expect(doc.metrics.benchmark.benchmarkTotalReturn).toBeCloseTo(closes[299]! / closes[0]! - 1, 12);
    expect(doc.metrics.benchmark.beta).toEqual(expect.any(Number));
  });

  it('reads --benchmark like --data and joins it to the run by time', async () => {
    // Every other day of another wave: the run's days in between carry the last close over.
    const other = waveCsv(300, 2).trim().split('\n');
    const sparse = join(work, 'spy.csv');
    await writeFile(sparse, `${[other[0], ...other.slice(1).filter((_, i) => i % 2 === 0)].join('\n')}\n`);
    const r = await run('backtest', strategy, '--data', wave, '--benchmark', sparse, '--json');
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.manifest.benchmark).toEqual({ name: 'buy and hold SPY', input: sparse });
    const closes = await closesOf(sparse);
    // The run's last day (299) is odd: the benchmark's last bar is day 298, its last close.
    expect(doc.metrics.benchmark.benchmarkTotalReturn).toBeCloseTo(closes.at(-1)! / closes[0]! - 1, 12);
    const summary = await run('backtest', strategy, '--data', wave, '--benchmark', sparse);
    expect(summary.stdout).toMatch(/benchmark\s+-?[\d.]+% buy and hold SPY {2}\(alpha -?[\d.]+%, beta -?[\d.]+\)/);
  });

  it('puts the underwater curve and rolling Sharpe ratio and volatility by bar into the metrics', async () => {
    const dir = join(work, 'rolling');
    const r = await run('backtest', strategy, '--data', wave, '--rolling-window', '20', '--out', dir);
    expect(r.status).toBe(0);
    const metrics = JSON.parse(await readFile(join(dir, 'metrics.json'), 'utf8'));
    const equity = (await readFile(join(dir, 'equity.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(',')[1]));
    expect(metrics.drawdown.underwater).toHaveLength(300);
    expect(metrics.rolling.window).toBe(20);
    expect(metrics.rolling.sharpe).toHaveLength(300);
    expect(metrics.rolling.volatility.slice(0, 20).every((v: unknown) => v === null)).toBe(true);
    // Bar 250: the 20 returns ending there, by hand (252 periods a year for daily bars).
    const returns = Array.from({ length: 20 }, (_, k) => equity[231 + k]! / equity[230 + k]! - 1);
    const mean = returns.reduce((a, b) => a + b, 0) / 20;
    const sd = Math.sqrt(returns.reduce((a, b) => a + (b - mean) ** 2, 0) / 19);
    expect(metrics.rolling.volatility[250]).toBeCloseTo(sd * Math.sqrt(252), 12);
    if (sd > 0) expect(metrics.rolling.sharpe[250]).toBeCloseTo((mean / sd) * Math.sqrt(252), 10);
  });

  it('refuses a rolling window below two bars as a usage mistake', async () => {
    const r = await run('backtest', strategy, '--data', wave, '--rolling-window', '1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected a whole number ≥ 2 for --rolling-window, got "1"');
  });

  it('fails on a benchmark that does not exist before running anything', async () => {
    const r = await run('backtest', strategy, '--data', wave, '--benchmark', join(work, 'missing.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.csv');
  });
});

describe('alphintra backtest --report', () => {
  it('writes one self-contained HTML file with a table row per trade', async () => {
    const file = join(work, 'out', 'report.html');
    const r = await run('backtest', strategy, '--data', wave, '--report', file, '--json');
    expect(r.status).toBe(0);
    const trades = JSON.parse(r.stdout).summary.trades;
    expect(trades).toBeGreaterThan(3);
    const page = await readFile(file, 'utf8');
    // Booleans, not the page itself, in the assertions: a failure should not print 1 MB of HTML.
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.includes(`content="default-src 'none'; script-src 'sha256-`)).toBe(true);
    expect(/<link|<script[^>]+src=|<img[^>]+src=|@import|url\(\s*["']?(https?:)?\/\//i.test(page)).toBe(false);
    expect(/\s(src|href|action)=["']?(https?:)?\/\//i.test(page)).toBe(false);
    const start = page.indexOf('id="trades-table"');
    const table = page.slice(start, page.indexOf('</table>', start));
    expect(table.match(/<tr>/g)).toHaveLength(trades + 1);
    for (const id of ['equity-chart', 'drawdown-chart', 'price-chart-0', 'monthly-returns', 'return-distribution'])
      expect(page.includes(`id="${id}"`)).toBe(true);
  });

  it('writes byte-identical reports for two runs of the same command', async () => {
    const a = join(work, 'same-a.html');
    const b = join(work, 'same-b.html');
    expect((await run('backtest', strategy, '--data', wave, '--report', a, '--quiet')).status).toBe(0);
    expect((await run('backtest', strategy, '--data', wave, '--report', b, '--quiet')).status).toBe(0);
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
  });

  it('escapes a strategy name, tag and parameter that look like markup', async () => {
    const hostile = join(work, 'hostile.ts');
    await writeFile(
      hostile,
      `import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({
  name: '<script>alert(1)</script>',
  version: '"><img src=x onerror=alert(2)>',
  parameters: { label: { type: 'choice', default: '</script><script>alert(3)</script>', choices: ['</script><script>alert(3)</script>'] } },
  create: (ctx) => ({
    onBar: (bar) => {
      if (ctx.quantity() === 0) ctx.targetPercent(0.5, { tag: '<b onmouseover=alert(4)>' });
      else if (bar.index % 7 === 0) ctx.closePosition();
    },
  }),
});
`,
    );
    const file = join(work, 'hostile.html');
    const r = await run('backtest', hostile, '--data', wave, '--report', file, '--quiet');
    expect(r.stderr).toBe('');
    const page = await readFile(file, 'utf8');
    // Exactly the page's own three scripts: the data, the chart library and the report script.
    expect(page.match(/<script/g)).toHaveLength(3);
    expect(/<img|<b |alert\(\d\)<\/script>/.test(page)).toBe(false);
    expect(page.includes('<title>Backtest: &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img')).toBe(true);
    expect(page.includes('<td>&lt;b onmouseover=alert(4)&gt;</td>')).toBe(true);
    expect(page.includes('<td>&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;</td>')).toBe(true);
  });
});
