import { describe, expect, it } from 'vitest';
import type { ReportData } from '../charts/chart-spec.js';
import { sampleRun } from '../testing/sample-run.js';
import { renderBacktestReport } from './render-backtest-report.js';

const run = sampleRun(400, 2);
const page = renderBacktestReport(run.result, run.metrics, run.options);

function chartData(text: string): ReportData {
  const start = text.indexOf('<script type="application/json" id="report-data">');
  const body = text.slice(text.indexOf('>', start) + 1, text.indexOf('</script>', start));
  return JSON.parse(body) as ReportData;
}

/** Every scalar field of a value, as the dotted JSON path the report prints (arrays left out). */
function scalarPaths(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') return [path];
  if (Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => scalarPaths(v, path === '' ? k : `${path}.${k}`));
}

const seconds = (micros: number): number => Math.floor(micros / 1_000_000);
const rounded = (x: number): number => Number(x.toPrecision(8));

describe('renderBacktestReport', () => {
  const data = chartData(page);
  const chart = (id: string) => data.charts.find((c) => c.id === id)!;

  it('places every time-series chart of the page in page order, each with an element to draw in', () => {
    expect(data.charts.map((c) => c.id)).toEqual([
      'equity-chart',
      'drawdown-chart',
      'price-chart-0',
      'price-chart-1',
      'rolling-sharpe-chart',
      'rolling-volatility-chart',
    ]);
    for (const c of data.charts) expect(page.includes(`<div id="${c.id}" class="chart"`)).toBe(true);
  });

  it('draws the equity against the benchmark, with a log-scale checkbox', () => {
    const equity = chart('equity-chart');
    expect(equity.time).toEqual(Array.from(run.result.equity.time, seconds));
    expect(equity.series.map((s) => s.name)).toEqual(['strategy', 'buy and hold S0.SIM']);
    const [strategy, benchmark] = equity.series as unknown as [{ values: number[] }, { values: number[] }];
    expect(strategy.values).toEqual(Array.from(run.result.equity.equity, rounded));
    expect(benchmark.values).toEqual(Array.from(run.options.benchmark!.equity, rounded));
    expect(equity.logScaleToggle).toBe(true);
    expect(page.includes('data-log-scale-for="equity-chart"')).toBe(true);
  });

  it('draws the underwater curve: equity over its running peak, minus one', () => {
    const values = (chart('drawdown-chart').series[0] as unknown as { values: number[] }).values;
    let peak = 0;
    const expected = Array.from(run.result.equity.equity, (e) => {
      peak = Math.max(peak, e);
      return rounded(e / peak - 1);
    });
    expect(values).toEqual(expected);
    expect(Math.min(...values)).toBeCloseTo(-run.metrics.drawdown.maxDrawdown, 6);
  });

  it('marks each trade entry and exit on its instrument at a bar of the chart', () => {
    for (const [k, instrument] of ['S0.SIM', 'S1.SIM'].entries()) {
      const price = chart(`price-chart-${k}`);
      const trades = run.result.trades.filter((t) => t.instrument === instrument);
      expect(trades.length).toBeGreaterThan(5);
      expect(price.markers).toHaveLength(2 * trades.length);
      const times = new Set(price.time);
      for (const m of price.markers) expect(times.has(m.time)).toBe(true);
      const entries = price.markers.filter((m) => m.shape !== 'circle').map((m) => m.time);
      expect(entries).toEqual(trades.map((t) => seconds(t.entryTime)).sort((a, b) => a - b));
      expect(new Set(trades.map((t) => t.side))).toEqual(new Set(['long', 'short']));
    }
  });

  it('offers the metrics window and the usual ones that fit, each computed like a fresh rolling figure', () => {
    const sharpe = chart('rolling-sharpe-chart');
    expect(run.metrics.rolling?.window).toBe(126);
    expect(sharpe.variants.map((v) => v.label)).toEqual(['126 bars', '63 bars', '252 bars']);
    // A second, straightforward implementation for the 63-bar window at bar 300.
    const e = run.result.equity.equity;
    const r = Array.from({ length: 63 }, (_, j) => (e[238 + j] as number) / (e[237 + j] as number) - 1);
    const mean = r.reduce((a, b) => a + b, 0) / 63;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / 62);
    expect(sharpe.variants[1]?.values[0]?.[300]).toBeCloseTo((mean / sd) * Math.sqrt(252), 5);
    expect(sharpe.variants[1]?.values[0]?.slice(0, 63).every((v) => v === null)).toBe(true);
    // The first variant is what the metrics report.
    expect(sharpe.variants[0]?.values[0]).toEqual(
      run.metrics.rolling?.sharpe.map((v) => (v === null ? null : rounded(v))),
    );
  });

  it('lists every trade and every scalar metric under its JSON name', () => {
    const start = page.indexOf('id="trades-table"');
    const table = page.slice(start, page.indexOf('</table>', start));
    expect(table.match(/<tr>/g)).toHaveLength(run.result.trades.length + 1);
    const paths = scalarPaths({ ...run.metrics, tail: {} }, '');
    expect(paths.length).toBeGreaterThan(90);
    for (const path of paths) expect(page.includes(`<code>${path}</code>`), path).toBe(true);
    for (const key of Object.keys(run.metrics.tail.levels[0]!).filter((k) => k !== 'confidence'))
      expect(page.includes(`<code>tail.levels[].${key}</code>`)).toBe(true);
  });

  it('draws a heat-map cell per month and year and states the manifest', () => {
    const cells = page.slice(page.indexOf('id="monthly-returns"'), page.indexOf('id="return-distribution"'));
    expect(cells.match(/<g><title>/g)).toHaveLength(
      run.metrics.returns.monthly.length + run.metrics.returns.yearly.length,
    );
    expect(page.includes(run.result.manifest.strategy.codeHash)).toBe(true);
    for (const d of run.result.manifest.data) expect(page.includes(d.hash)).toBe(true);
    expect(page.includes('<td>hold</td><td>5</td>')).toBe(true);
  });

  it('writes the same bytes for the same run', () => {
    expect(renderBacktestReport(run.result, run.metrics, run.options)).toBe(page);
  });

  it('says so when an instrument has no prices, and rejects a benchmark or metrics of another length', () => {
    const partial = renderBacktestReport(run.result, run.metrics, {
      ...run.options,
      prices: run.options.prices.slice(0, 1),
    });
    expect(partial.includes('No prices were given for S1.SIM.')).toBe(true);
    expect(() =>
      renderBacktestReport(run.result, run.metrics, {
        ...run.options,
        benchmark: { name: 'b', equity: new Float64Array(3) },
      }),
    ).toThrow('expected a benchmark of 400 values (one per equity row), got 3');
    const other = sampleRun(100);
    expect(() => renderBacktestReport(run.result, other.metrics, run.options)).toThrow(
      "expected metrics of the run's 400 equity rows, got metrics of 100",
    );
  });

  it('reports a run too short for rolling figures and without trades', () => {
    const short = sampleRun(2);
    const text = renderBacktestReport(short.result, short.metrics, short.options);
    expect(text.includes('The run closed no trades.')).toBe(true);
    expect(chartData(text).charts.map((c) => c.id)).toEqual(['equity-chart', 'drawdown-chart', 'price-chart-0']);
    expect(text.includes('Too few bars for rolling figures.')).toBe(true);
  });
});
