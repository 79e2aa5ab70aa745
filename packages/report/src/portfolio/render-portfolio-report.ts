import type { MetricsReport } from '@alphintra/analytics';
import { AlphintraError } from '@alphintra/core';
import type { PortfolioResult } from '@alphintra/portfolio';
import { manifestSection } from '../backtest/manifest-section.js';
import { metricTables } from '../backtest/metric-tables.js';
import { drawdownChart } from '../backtest/performance-charts.js';
import { priceCharts } from '../backtest/price-charts.js';
import type { BacktestReportInput, BacktestReportOptions } from '../backtest/report-input.js';
import { monthlyHeatMap } from '../backtest/return-charts.js';
import { tradesTable } from '../backtest/trades-table.js';
import type { TimeSeriesChartSpec } from '../charts/chart-spec.js';
import { formatCount, formatNumber, formatPercent, formatRatio, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { type PageSection, renderPage } from '../html/page.js';
import { correlationHeatMap, portfolioEquityChart, sleeveValueChart, weightsChart } from './portfolio-charts.js';
import { comparisonTable, rebalanceTable, riskEventTable } from './portfolio-tables.js';

function check(
  result: PortfolioResult,
  metrics: MetricsReport,
  sleeves: Readonly<Record<string, MetricsReport>>,
): void {
  const rows = result.backtest.equity.time.length;
  if (metrics.sample.bars !== rows) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected metrics of the run's ${rows} equity rows, got metrics of ${metrics.sample.bars}`,
    );
  }
  for (const s of result.sleeves) {
    if (sleeves[s.name] === undefined)
      throw new AlphintraError('INVALID_ARGUMENT', `expected metrics of sleeve ${s.name}`);
  }
}

/**
 * Returns a portfolio report as one self-contained HTML page (no network needed to open it):
 * the portfolio's equity with each sleeve's capital, drawdown, each sleeve's time-weighted
 * performance, weights over time (stacked) and the rebalance log, key metrics of the portfolio
 * and every sleeve side by side with each sleeve's full metrics, the correlation heat map of the
 * sleeves' returns, the portfolio limits' events, price charts with the account's trades,
 * monthly returns, the trades, every portfolio metric and the manifest. Built from the same
 * blocks as the backtest report; same inputs, same bytes.
 *
 * @example
 * const metrics = computeMetrics({ ...result.backtest.equity, trades: result.backtest.trades }, { includeSeries: true });
 * const page = renderPortfolioReport(result, metrics, sleeveMetrics(result), { prices });
 */
export function renderPortfolioReport(
  result: PortfolioResult,
  metrics: MetricsReport,
  sleeves: Readonly<Record<string, MetricsReport>>,
  options: BacktestReportOptions,
): string {
  check(result, metrics, sleeves);
  const input: BacktestReportInput = { result: result.backtest, metrics, options };
  const charts: TimeSeriesChartSpec[] = [];
  const place = (chart: { markup: Html; spec: TimeSeriesChartSpec }): Html => {
    charts.push(chart.spec);
    return chart.markup;
  };
  const performance = html`${place(portfolioEquityChart(result, options.benchmark))}${place(drawdownChart(input))}${place(sleeveValueChart(result))}`;
  const allocation = html`${place(weightsChart(result))}<h3>Rebalances (${formatCount(result.rebalances.length)})</h3>${rebalanceTable(result)}`;
  const perSleeve = result.sleeves.map(
    (s) =>
      html`<details class="sleeve-metrics" id="sleeve-${s.name}"><summary>${s.name}: ${s.strategy.name} on ${s.instruments.join(', ')}</summary>${metricTables(sleeves[s.name] as MetricsReport)}</details>`,
  );
  const sleeveSection = html`${comparisonTable(result, metrics, sleeves)}${correlationHeatMap(result)}<h3>Every metric of each sleeve</h3>${perSleeve}`;
  const prices = priceCharts(input).map((p) =>
    p.kind === 'chart' ? place(p.chart) : html`<p class="empty">No prices were given for ${p.instrument}.</p>`,
  );
  const spec = result.backtest.manifest;
  const sections: PageSection[] = [
    { id: 'performance', title: 'Performance', body: performance },
    { id: 'allocation', title: 'Allocation', body: allocation },
    { id: 'sleeves', title: 'Sleeves', body: sleeveSection },
    { id: 'risk', title: 'Portfolio limits', body: riskEventTable(result) },
    { id: 'prices', title: 'Prices and trades', body: html`${prices}` },
    { id: 'returns', title: 'Monthly returns', body: monthlyHeatMap(input) },
    {
      id: 'trades',
      title: `Trades of the account (${formatCount(result.backtest.trades.length)})`,
      body: tradesTable(result.backtest),
    },
    { id: 'metrics', title: 'Portfolio metrics', body: metricTables(metrics) },
    { id: 'manifest', title: 'Run manifest', body: manifestSection(spec, options) },
  ];
  const version = spec.strategy.version === '' ? '' : ` ${spec.strategy.version}`;
  return renderPage({
    title: options.title ?? `Portfolio: ${spec.strategy.name}${version}`,
    subtitle:
      `${result.sleeves.map((s) => s.name).join(', ')} · ${spec.data.map((d) => d.instrument).join(', ')} · ` +
      `${formatTime(metrics.sample.startTime)} → ${formatTime(metrics.sample.endTime)}` +
      (options.benchmark === undefined ? '' : ` · benchmark: ${options.benchmark.name}`),
    headline: [
      { label: 'total return', value: formatPercent(metrics.returns.totalReturn) },
      { label: 'CAGR', value: formatPercent(metrics.returns.cagr) },
      { label: 'Sharpe ratio', value: formatRatio(metrics.risk.sharpe, 2) },
      { label: 'max drawdown', value: formatPercent(metrics.drawdown.maxDrawdown) },
      { label: 'sleeves', value: formatCount(result.sleeves.length) },
      { label: 'rebalances', value: formatCount(result.rebalances.length - 1) },
      { label: 'final equity', value: formatNumber(result.backtest.summary.finalEquity, 2) },
    ],
    sections,
    data: { charts },
  });
}
