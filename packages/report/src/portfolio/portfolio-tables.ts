import type { MetricsReport } from '@alphintra/analytics';
import type { PortfolioResult, RebalanceEvent, RiskEvent } from '@alphintra/portfolio';
import { formatCount, formatNumber, formatPercent, formatRatio, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { renderTable, type TableCell } from '../html/table.js';

/** One row of the comparison table: a label, its JSON name, and how to read and print it. */
interface Figure {
  readonly label: string;
  readonly name: string;
  readonly read: (m: MetricsReport) => number | null;
  readonly format: (x: number | null) => string;
}

const percent = (x: number | null): string => formatPercent(x);
const ratio = (x: number | null): string => formatRatio(x, 2);
const count = (x: number | null): string => (x === null ? '–' : formatCount(x));

const FIGURES: readonly Figure[] = [
  { label: 'total return', name: 'returns.totalReturn', read: (m) => m.returns.totalReturn, format: percent },
  { label: 'CAGR', name: 'returns.cagr', read: (m) => m.returns.cagr, format: percent },
  {
    label: 'volatility (annualised)',
    name: 'returns.annualisedVolatility',
    read: (m) => m.returns.annualisedVolatility,
    format: percent,
  },
  { label: 'Sharpe ratio', name: 'risk.sharpe', read: (m) => m.risk.sharpe, format: ratio },
  { label: 'Sortino ratio', name: 'risk.sortino', read: (m) => m.risk.sortino, format: ratio },
  { label: 'Calmar ratio', name: 'risk.calmar', read: (m) => m.risk.calmar, format: ratio },
  { label: 'max drawdown', name: 'drawdown.maxDrawdown', read: (m) => m.drawdown.maxDrawdown, format: percent },
  { label: 'trades', name: 'trades.count', read: (m) => m.trades.count, format: count },
  { label: 'win rate', name: 'trades.winRate', read: (m) => m.trades.winRate, format: percent },
  { label: 'profit factor', name: 'trades.profitFactor', read: (m) => m.trades.profitFactor, format: ratio },
  { label: 'exposure time', name: 'trades.exposureTime', read: (m) => m.trades.exposureTime, format: percent },
];

/**
 * Returns the key metrics side by side: the portfolio (its account) and each sleeve (its
 * time-weighted value and its own trades), plus each sleeve's capital and weight at the end.
 */
export function comparisonTable(
  result: PortfolioResult,
  portfolio: MetricsReport,
  sleeves: Readonly<Record<string, MetricsReport>>,
): Html {
  const columns = [
    { name: 'portfolio', metrics: portfolio },
    ...result.sleeves.map((s) => ({ name: s.name, metrics: sleeves[s.name] })),
  ];
  const cell = (figure: Figure, m: MetricsReport | undefined): TableCell => {
    const value = m === undefined ? null : figure.read(m);
    return { text: figure.format(value), title: JSON.stringify(value) };
  };
  const last = (a: Float64Array): number => (a.length > 0 ? (a[a.length - 1] as number) : Number.NaN);
  const rows: { label: string; name: string; cells: TableCell[] }[] = [
    {
      label: 'final capital',
      name: 'finalEquity',
      cells: [
        formatNumber(result.backtest.summary.finalEquity, 2),
        ...result.sleeves.map((s) => formatNumber(s.finalEquity, 2)),
      ],
    },
    {
      label: 'final weight',
      name: 'weight',
      cells: ['100 %', ...result.sleeves.map((s) => formatPercent(last(s.weight)))],
    },
    ...FIGURES.map((f) => ({ label: f.label, name: f.name, cells: columns.map((c) => cell(f, c.metrics)) })),
  ];
  return renderTable(
    [
      { header: 'metric', cell: (r: (typeof rows)[number]) => r.label },
      ...columns.map((c, i) => ({
        header: c.name,
        cell: (r: (typeof rows)[number]) => r.cells[i] ?? '–',
        align: 'right' as const,
      })),
      { header: 'JSON name', cell: (r: (typeof rows)[number]) => html`<code>${r.name}</code>` },
    ],
    rows,
    { id: 'sleeve-comparison', className: 'metrics' },
  );
}

const weights = (w: readonly number[] | null): string =>
  w === null ? '–' : w.map((x) => formatPercent(x, 1).replace(' %', '%')).join(' / ');

/** Returns the rebalance log: when, why, the weights before and after, the capital moved and orders placed. */
export function rebalanceTable(result: PortfolioResult): Html {
  const names = result.sleeves.map((s) => s.name).join(' / ');
  return html`<p class="note">Weights and transfers in sleeve order: ${names}.</p><div class="scroll">${renderTable(
    [
      { header: 'time', cell: (r: RebalanceEvent) => formatTime(r.time) },
      { header: 'reason', cell: (r: RebalanceEvent) => r.reason },
      { header: 'weights before', cell: (r: RebalanceEvent) => weights(r.before) },
      { header: 'weights after', cell: (r: RebalanceEvent) => weights(r.after) },
      { header: 'capital moved', cell: (r: RebalanceEvent) => r.transfers.map((t) => formatNumber(t, 2)).join(' / ') },
      { header: 'orders', cell: (r: RebalanceEvent) => formatCount(r.orders), align: 'right' },
      { header: 'note', cell: (r: RebalanceEvent) => r.fallback },
    ],
    result.rebalances,
    { id: 'rebalance-table' },
  )}</div>`;
}

/** Returns the events of the portfolio's limits (a drawdown halt, denied orders), or a note that there were none. */
export function riskEventTable(result: PortfolioResult): Html {
  if (result.riskEvents.length === 0) return html`<p class="empty">No portfolio limit was reached.</p>`;
  const what = (e: RiskEvent): string =>
    e.kind === 'drawdown-halt'
      ? `drawdown ${formatPercent(e.drawdown)} at equity ${formatNumber(e.equity, 2)}: new exposure halted`
      : `${e.sleeve}: ${e.side} ${e.instrument}${e.tag === '' ? '' : ` (${e.tag})`} denied, ${e.code}`;
  return html`<div class="scroll">${renderTable(
    [
      { header: 'time', cell: (e: RiskEvent) => formatTime(e.time) },
      { header: 'event', cell: (e: RiskEvent) => e.kind },
      { header: 'what', cell: what },
    ],
    result.riskEvents,
    { id: 'risk-events-table' },
  )}</div>`;
}
