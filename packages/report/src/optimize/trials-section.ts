import type { MetricsReport } from '@alphintra/analytics';
import type { EquityPoints, SearchReport, TrialRecord } from '@alphintra/optimize';
import { PALETTE } from '../charts/colors.js';
import { type TimeSeriesChart, timeSeriesChart } from '../charts/time-series.js';
import { formatCount, formatPercent, formatRatio } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { renderTable, type TableColumn } from '../html/table.js';
import type { OptimizationDocument } from './report-input.js';
import { formatValue, parameterSetText, parameterText, searchedParameters } from './values.js';

/** Headline metrics of a trial record shown in the tables, with how each is printed. */
const HEADLINE: readonly [key: string, header: string, format: (x: number | null) => string][] = [
  ['sharpe', 'Sharpe', (x) => formatRatio(x, 2)],
  ['cagr', 'CAGR', (x) => formatPercent(x)],
  ['maxDrawdown', 'max drawdown', (x) => formatPercent(x)],
  ['annualisedVolatility', 'volatility', (x) => formatPercent(x)],
  ['count', 'trades', (x) => (x === null ? '–' : formatCount(x))],
  ['winRate', 'win rate', (x) => formatPercent(x, 1)],
  ['profitFactor', 'profit factor', (x) => formatRatio(x, 2)],
];

/** Returns the columns of a trials table: rank, trial, parameters, objectives, front, headline metrics. */
function trialColumns(result: OptimizationDocument, search: SearchReport): TableColumn<TrialRecord>[] {
  const rank = new Map(search.ranking.map((id, i) => [id, i + 1]));
  const objectives = result.objectives.map((o) => o.name);
  const columns: TableColumn<TrialRecord>[] = [
    { header: 'rank', cell: (t) => String(rank.get(t.id) ?? '–'), align: 'right' },
    { header: 'trial', cell: (t) => String(t.id), align: 'right' },
    ...searchedParameters(result.space).map(
      (p): TableColumn<TrialRecord> => ({ header: p, cell: (t) => parameterText(t.parameters[p]), align: 'right' }),
    ),
    ...result.objectives.map(
      (o, k): TableColumn<TrialRecord> => ({
        header: o.name,
        cell: (t) => ({ text: formatValue(t.values[k]), title: String(t.values[k] ?? 'undefined') }),
        align: 'right',
      }),
    ),
  ];
  if (result.objectives.length > 1)
    columns.push({ header: 'Pareto front', cell: (t) => String(t.paretoRank ?? '–'), align: 'right' });
  for (const [key, header, format] of HEADLINE) {
    if (objectives.includes(key)) continue;
    columns.push({ header, cell: (t) => format(t.metrics[key] ?? null), align: 'right' });
  }
  if (search.trials.some((t) => t.failure !== undefined))
    columns.push({ header: 'failure', cell: (t) => t.failure ?? '' });
  return columns;
}

function bestMetrics(metrics: MetricsReport): Html {
  const rows: [string, string][] = [
    ['total return', formatPercent(metrics.returns.totalReturn)],
    ['CAGR', formatPercent(metrics.returns.cagr)],
    ['annualised volatility', formatPercent(metrics.returns.annualisedVolatility)],
    ['Sharpe ratio', formatRatio(metrics.risk.sharpe, 2)],
    ['Sortino ratio', formatRatio(metrics.risk.sortino, 2)],
    ['Calmar ratio', formatRatio(metrics.risk.calmar, 2)],
    ['max drawdown', formatPercent(metrics.drawdown.maxDrawdown)],
    ['trades', formatCount(metrics.trades.count)],
    ['win rate', formatPercent(metrics.trades.winRate, 1)],
    ['profit factor', formatRatio(metrics.trades.profitFactor, 2)],
  ];
  return renderTable(
    [
      { header: 'metric', cell: (r: [string, string]) => r[0] },
      { header: 'value', cell: (r: [string, string]) => r[1], align: 'right' },
    ],
    rows,
    { id: 'best-metrics-table' },
  );
}

/** Returns the equity chart of the best trial. */
export function bestEquityChart(equity: EquityPoints, parameters: string): TimeSeriesChart {
  return timeSeriesChart({
    id: 'best-equity-chart',
    title: `Equity of the best trial (${parameters})`,
    note: 'The best parameter set re-run over the whole search window: equity after each bar.',
    time: equity.time,
    series: [{ kind: 'line', name: 'best trial', color: PALETTE.strategy, values: equity.equity }],
    valueFormat: 'money',
    logScaleToggle: true,
  });
}

/**
 * Returns the best-trial part: its parameters, objective values and key metrics of its re-run
 * (with several objectives, every trial of the Pareto front too), and where `chart` is given,
 * its equity curve.
 */
export function bestSection(result: OptimizationDocument, search: SearchReport, chart: Html | null): Html {
  const best = search.best;
  if (best === null) return html`<p class="empty">No trial finished.</p>`;
  const facts: [string, string][] = [
    ['trial', String(best.id)],
    ['parameters', parameterSetText(best.parameters)],
    ...result.objectives.map((o, k): [string, string] => [o.name, formatValue(best.values[k])]),
    ['order-list hash', best.orderListHash ?? '–'],
  ];
  const metrics =
    best.metrics === null
      ? html`<p class="empty">The re-run of the best trial was cut off by the stop: no full metrics.</p>`
      : bestMetrics(best.metrics);
  const front =
    search.paretoFront === null
      ? null
      : html`<h3>Pareto front (${formatCount(search.paretoFront.length)} trials no other trial beats on every objective)</h3>${renderTable(
          trialColumns(result, search),
          search.trials.filter((t) => search.paretoFront?.includes(t.id)),
          { id: 'pareto-table', className: 'sortable' },
        )}`;
  return html`<dl class="facts" id="best-facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>${metrics}${front}${chart ?? html`<p class="empty">No equity curve of the best trial.</p>`}`;
}

/** Returns the table of the `top` best trials, best first. */
export function topTrialsTable(result: OptimizationDocument, search: SearchReport, top: number): Html {
  const byId = new Map(search.trials.map((t) => [t.id, t]));
  const rows = search.ranking.slice(0, top).map((id) => byId.get(id) as TrialRecord);
  const shown =
    rows.length < search.trials.length
      ? `The ${formatCount(rows.length)} best of ${formatCount(search.trials.length)} trials`
      : `All ${formatCount(rows.length)} trials`;
  const order =
    result.objectives.length > 1 ? 'by Pareto front, then crowding distance' : `by ${result.objectives[0]?.name}`;
  const sweep =
    result.evaluator?.used === 'sweep'
      ? ' The one-pass sweep evaluated these trials, with the engine’s figures (trade statistics included; “–” where a figure is undefined, as the profit factor of a run without a losing trade); the best trial above was re-run through the engine in full.'
      : '';
  return html`<p class="note">${shown}, ${order}; every trial is in trials.csv. Hover an objective for its exact value.${sweep}</p><div class="scroll">${renderTable(
    trialColumns(result, search),
    rows,
    { id: 'top-trials-table', className: 'sortable' },
  )}</div>`;
}
