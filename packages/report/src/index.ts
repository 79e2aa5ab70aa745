/**
 * @alphintra/report — self-contained HTML reports. `renderBacktestReport` turns a backtest's
 * result and metrics into one page that opens with no network, `renderPortfolioReport` a
 * portfolio's and `renderOptimizationReport` an optimisation's; the building blocks they are
 * made of (page, time-series chart, heat map, histogram, x–y chart, table, escaping) are
 * exported for other reports to reuse. What each chart shows: docs/reports.md.
 */

export { renderBacktestReport } from './backtest/render-backtest-report.js';
export type { BacktestReportOptions, PriceBars, ReportBenchmark } from './backtest/report-input.js';
export type {
  CandlestickSeriesSpec,
  MarkerSpec,
  ReportData,
  SeriesSpec,
  TimeSeriesChartSpec,
  ValueFormat,
  ValueSeriesSpec,
  VariantSpec,
} from './charts/chart-spec.js';
export { divergingColor, PALETTE, textColorOn } from './charts/colors.js';
export type { HeatMapInput } from './charts/heat-map.js';
export { renderHeatMap } from './charts/heat-map.js';
export type { HistogramBins, HistogramInput, HistogramMarker } from './charts/histogram.js';
export { histogramBins, renderHistogram } from './charts/histogram.js';
export type {
  CandlestickSeriesInput,
  MarkerInput,
  TimeSeriesChart,
  TimeSeriesInput,
  ValueSeriesInput,
} from './charts/time-series.js';
export { chartTimes, compactValue, timeSeriesChart } from './charts/time-series.js';
export type { XyChartInput, XyPoint, XySeries } from './charts/xy-chart.js';
export { renderXyChart } from './charts/xy-chart.js';
export { escapeHtml, jsonForScript } from './html/escape.js';
export {
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatRatio,
  formatTime,
} from './html/format.js';
export type { HtmlValue } from './html/html.js';
export { Html, html, trustedHtml } from './html/html.js';
export type { PageInput, PageSection } from './html/page.js';
export { renderPage } from './html/page.js';
export type { TableCell, TableColumn, TableOptions } from './html/table.js';
export { renderTable } from './html/table.js';
export { renderOptimizationReport } from './optimize/render-optimization-report.js';
export type {
  OptimizationDocument,
  OptimizationReportInput,
  OptimizationRunManifest,
} from './optimize/report-input.js';
export { SLEEVE_COLORS, sleeveColor } from './portfolio/portfolio-charts.js';
export { renderPortfolioReport } from './portfolio/render-portfolio-report.js';
