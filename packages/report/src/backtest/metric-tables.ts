import type { MetricsReport } from '@alphintra/analytics';
import { formatCount, formatDuration, formatNumber, formatPercent, formatRatio, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { renderTable } from '../html/table.js';

/** Titles of computeMetrics' groups, in its order (docs/analytics/metrics.md). */
const GROUP_TITLES: Readonly<Record<keyof MetricsReport, string>> = {
  sample: 'Sample',
  returns: 'Returns',
  risk: 'Risk-adjusted',
  drawdown: 'Drawdown',
  tail: 'Tail risk (one period)',
  benchmark: 'Against the benchmark',
  trades: 'Trades',
  significance: 'Significance',
  rolling: 'Rolling',
};

const PERCENT = new Set([
  'riskFreeRate',
  'totalReturn',
  'cagr',
  'annualisedReturn',
  'meanReturn',
  'annualisedVolatility',
  'bestPeriod',
  'worstPeriod',
  'downsideDeviation',
  'ulcerIndex',
  'maxDrawdown',
  'averageDrawdown',
  'currentDrawdown',
  'confidence',
  'historicalVar',
  'historicalCvar',
  'parametricVar',
  'parametricCvar',
  'cornishFisherVar',
  'cornishFisherCvar',
  'alpha',
  'trackingError',
  'benchmarkTotalReturn',
  'winRate',
  'averageReturn',
  'kellyFraction',
  'exposureTime',
  'probabilisticSharpe',
  'deflatedSharpe',
  'actual',
  'mean',
  'median',
  'p95',
  'p99',
  'worst',
]);

const MONEY = new Set([
  'startEquity',
  'endEquity',
  'grossProfit',
  'grossLoss',
  'netProfit',
  'expectancy',
  'averageWin',
  'averageLoss',
  'largestWin',
  'largestLoss',
  'totalFees',
  'averageMae',
  'averageMfe',
]);

const WORDS: Readonly<Record<string, string>> = {
  cagr: 'CAGR',
  sqn: 'SQN',
  r: 'R-multiple',
  var: 'VaR',
  cvar: 'CVaR',
  mae: 'MAE',
  mfe: 'MFE',
  p95: '95th percentile',
  p99: '99th percentile',
  cornish: 'Cornish–Fisher',
  sharpe: 'Sharpe',
  sortino: 'Sortino',
  calmar: 'Calmar',
  omega: 'Omega',
  treynor: 'Treynor',
  kelly: 'Kelly',
  fisher: '',
  micros: '',
};

/**
 * Returns a metric's label from its field name: "maxDrawdown" → "Max drawdown",
 * "cornishFisherCvar" → "Cornish–Fisher CVaR", "durationMicros" → "Duration",
 * "durationBars" → "Duration (bars)", "tStatistic" → "t-statistic".
 */
export function metricLabel(key: string): string {
  if (key === 'tStatistic') return 't-statistic';
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((w) => WORDS[w] ?? w)
    .filter((w) => w !== '');
  if (words.length > 1 && words[words.length - 1] === 'bars' && words[words.length - 2] === 'duration') {
    words[words.length - 1] = '(bars)';
  }
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Returns a metric's value as the report prints it, by the kind its field name says it is. */
export function formatMetric(key: string, value: number | boolean | string | null): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (PERCENT.has(key)) return formatPercent(value);
  if (key.endsWith('Time')) return formatTime(value);
  if (key.endsWith('Micros')) return formatDuration(value);
  if (MONEY.has(key)) return formatNumber(value, 2);
  if (Number.isInteger(value)) return formatCount(value);
  return formatRatio(value);
}

type Row = { readonly path: string; readonly key: string; readonly value: number | boolean | string | null };

function scalarRows(object: object, path: string): { rows: Row[]; nested: [string, object][]; series: string[] } {
  const rows: Row[] = [];
  const nested: [string, object][] = [];
  const series: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (Array.isArray(value)) series.push(key);
    else if (value !== null && typeof value === 'object') nested.push([`${path}.${key}`, value]);
    else rows.push({ path: `${path}.${key}`, key, value: value as number | boolean | string | null });
  }
  return { rows, nested, series };
}

function metricTable(rows: readonly Row[], caption?: string): Html {
  return renderTable(
    [
      { header: 'metric', cell: (r: Row) => metricLabel(r.key) },
      {
        header: 'value',
        cell: (r: Row) => ({ text: formatMetric(r.key, r.value), title: JSON.stringify(r.value) }),
        align: 'right',
      },
      { header: 'JSON name', cell: (r: Row) => html`<code>${r.path}</code>` },
    ],
    rows,
    caption === undefined ? { className: 'metrics' } : { className: 'metrics', caption },
  );
}

const SERIES_NOTES: Readonly<Record<string, string>> = {
  monthly: 'monthly: the heat map',
  yearly: 'yearly: the heat map',
  underwater: 'underwater: the drawdown chart',
  sharpe: 'sharpe: the rolling Sharpe chart',
  volatility: 'volatility: the rolling volatility chart',
};

type TailLevel = MetricsReport['tail']['levels'][number];

/** VaR and CVaR with one row per measure and one column per confidence level. */
function tailTable(levels: readonly TailLevel[]): Html {
  const measures = Object.keys(levels[0] ?? {}).filter((k) => k !== 'confidence') as (keyof TailLevel)[];
  return renderTable(
    [
      { header: 'metric', cell: (key: keyof TailLevel) => metricLabel(key) },
      ...levels.map((level) => ({
        header: `at ${formatPercent(level.confidence, 0).replace(' %', '%')}`,
        cell: (key: keyof TailLevel) => ({ text: formatMetric(key, level[key]), title: JSON.stringify(level[key]) }),
        align: 'right' as const,
      })),
      { header: 'JSON name', cell: (key: keyof TailLevel) => html`<code>tail.levels[].${key}</code>` },
    ],
    measures,
    { className: 'metrics', caption: 'One-period losses, as positive fractions' },
  );
}

function groupBody(group: string, value: object | null): Html {
  if (value === null) return html`<p class="empty">No benchmark was given.</p>`;
  if (group === 'tail') return tailTable((value as MetricsReport['tail']).levels);
  const { rows, nested, series } = scalarRows(value, group);
  const parts: Html[] = [metricTable(rows)];
  // Nested groups (trades by side, by instrument …) get a table each, however deep.
  const pending = [...nested];
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const inner = scalarRows(next[1], next[0]);
    if (inner.rows.length > 0) parts.push(metricTable(inner.rows, next[0]));
    pending.unshift(...inner.nested);
  }
  if (series.length > 0) {
    parts.push(html`<p class="note">Series drawn above: ${series.map((s) => SERIES_NOTES[s] ?? s).join('; ')}.</p>`);
  }
  return html`${parts}`;
}

/**
 * Returns every metric of a report in tables, one per group in computeMetrics' order, each
 * row with its label, formatted value (exact value as tooltip) and JSON name. Groups and
 * fields are walked, not listed, so a metric added to analytics shows up here by itself.
 */
export function metricTables(metrics: MetricsReport): Html {
  const groups = Object.entries(metrics).map(([group, value]) => {
    const title = GROUP_TITLES[group as keyof MetricsReport] ?? group;
    return html`<div class="metric-group"><h3>${title}</h3>${groupBody(group, value as object | null)}</div>`;
  });
  return html`<div class="metric-groups">${groups}</div>`;
}
