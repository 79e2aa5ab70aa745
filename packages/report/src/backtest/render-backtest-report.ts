import type { MetricsReport } from '@alphintra/analytics';
import { AlphintraError } from '@alphintra/core';
import type { BacktestResult } from '@alphintra/engine';
import type { TimeSeriesChartSpec } from '../charts/chart-spec.js';
import { formatCount, formatNumber, formatPercent, formatRatio, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { type PageSection, renderPage } from '../html/page.js';
import { manifestSection } from './manifest-section.js';
import { metricTables } from './metric-tables.js';
import { drawdownChart, equityChart, rollingCharts } from './performance-charts.js';
import { priceCharts } from './price-charts.js';
import type { BacktestReportInput, BacktestReportOptions } from './report-input.js';
import { monthlyHeatMap, returnsHistogram } from './return-charts.js';
import { tradesTable } from './trades-table.js';

function checkInput({ result, metrics, options }: BacktestReportInput): void {
  const rows = result.equity.time.length;
  if (metrics.sample.bars !== rows) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected metrics of the run's ${rows} equity rows, got metrics of ${metrics.sample.bars}`,
    );
  }
  const benchmark = options.benchmark;
  if (benchmark !== undefined && benchmark.equity.length !== rows) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected a benchmark of ${rows} values (one per equity row), got ${benchmark.equity.length}`,
    );
  }
}

function headline(result: BacktestResult, metrics: MetricsReport): { label: string; value: string }[] {
  const tiles = [
    { label: 'total return', value: formatPercent(metrics.returns.totalReturn) },
    { label: 'CAGR', value: formatPercent(metrics.returns.cagr) },
    { label: 'Sharpe ratio', value: formatRatio(metrics.risk.sharpe, 2) },
    { label: 'max drawdown', value: formatPercent(metrics.drawdown.maxDrawdown) },
    { label: 'trades', value: formatCount(metrics.trades.count) },
    { label: 'final equity', value: formatNumber(result.summary.finalEquity, 2) },
  ];
  if (metrics.benchmark !== null) {
    tiles.push({ label: 'benchmark return', value: formatPercent(metrics.benchmark.benchmarkTotalReturn) });
  }
  return tiles;
}

/**
 * Returns a backtest report as one self-contained HTML page (no network needed to open it):
 * equity against the benchmark (log-scale option), drawdown, a price chart per instrument with
 * trade entries and exits, monthly-returns heat map, return distribution, rolling Sharpe ratio
 * and volatility, the trades table, every metric grouped as `computeMetrics` groups them, and
 * the run manifest. Everything from user data is escaped. Same inputs, same bytes.
 *
 * @example
 * const metrics = computeMetrics({ ...result.equity, trades: result.trades, benchmark: { equity: bench } },
 *   { includeSeries: true });
 * const page = renderBacktestReport(result, metrics, {
 *   prices: [{ instrument: 'ORCL.SIM', bars: series }],
 *   benchmark: { name: 'buy and hold ORCL.SIM', equity: bench },
 * });
 * await writeFile('report.html', page);
 */
export function renderBacktestReport(
  result: BacktestResult,
  metrics: MetricsReport,
  options: BacktestReportOptions,
): string {
  const input: BacktestReportInput = { result, metrics, options };
  checkInput(input);
  const { manifest } = result;
  const charts: TimeSeriesChartSpec[] = [];
  const place = (chart: { markup: Html; spec: TimeSeriesChartSpec }): Html => {
    charts.push(chart.spec);
    return chart.markup;
  };
  // Charts are placed in page order, so the page's chart list reads top to bottom.
  const performance = html`${place(equityChart(input))}${place(drawdownChart(input))}`;
  const prices = priceCharts(input).map((p) =>
    p.kind === 'chart' ? place(p.chart) : html`<p class="empty">No prices were given for ${p.instrument}.</p>`,
  );
  const returns = html`${monthlyHeatMap(input)}${returnsHistogram(input)}`;
  const rolling = rollingCharts(input).map(place);
  const sections: PageSection[] = [
    { id: 'performance', title: 'Performance', body: performance },
    { id: 'prices', title: 'Prices and trades', body: html`${prices}` },
    { id: 'returns', title: 'Returns', body: returns },
    {
      id: 'rolling',
      title: 'Rolling figures',
      body: rolling.length > 0 ? html`${rolling}` : html`<p class="empty">Too few bars for rolling figures.</p>`,
    },
    { id: 'trades', title: `Trades (${formatCount(result.trades.length)})`, body: tradesTable(result) },
    { id: 'metrics', title: 'Metrics', body: metricTables(metrics) },
    { id: 'manifest', title: 'Run manifest', body: manifestSection(manifest, options) },
  ];
  const version = manifest.strategy.version === '' ? '' : ` ${manifest.strategy.version}`;
  const instruments = manifest.data.map((d) => d.instrument).join(', ');
  return renderPage({
    title: options.title ?? `Backtest: ${manifest.strategy.name}${version}`,
    subtitle:
      `${instruments} · ${formatTime(metrics.sample.startTime)} → ${formatTime(metrics.sample.endTime)} · ` +
      `${formatCount(metrics.sample.bars)} bars` +
      (options.benchmark === undefined ? '' : ` · benchmark: ${options.benchmark.name}`),
    headline: headline(result, metrics),
    sections,
    data: { charts },
  });
}
