import type { MetricsReport } from '@alphintra/analytics';

/** Scalar metrics of a run by qualified name (`risk.sharpe`, `drawdown.maxDrawdown` …); null where undefined. */
export type FlatMetrics = Readonly<Record<string, number | null>>;

/** Sections of `computeMetrics`' report whose numbers can be objectives. */
const SECTIONS = ['returns', 'risk', 'drawdown', 'trades', 'significance'] as const;

/** Fields that are times, flags, nested objects or echoes of the input rather than performance figures. */
const EXCLUDED = new Set([
  'returns.bestPeriodTime',
  'returns.worstPeriodTime',
  'drawdown.peakTime',
  'drawdown.troughTime',
  'drawdown.recoveryTime',
  'drawdown.recovered',
  'significance.trials',
  'significance.sharpeInterval',
  'significance.tradeOrderDrawdown',
]);

/** Metrics where lower is better; every other metric is maximised unless an objective says otherwise. */
const LOWER_IS_BETTER = new Set([
  'returns.annualisedVolatility',
  'risk.downsideDeviation',
  'risk.ulcerIndex',
  'drawdown.maxDrawdown',
  'drawdown.durationBars',
  'drawdown.durationMicros',
  'drawdown.averageDrawdown',
  'drawdown.averageDurationBars',
  'drawdown.longestDurationBars',
  'drawdown.longestDurationMicros',
  'drawdown.currentDrawdown',
  'trades.losers',
  'trades.longestLossStreak',
  'trades.totalFees',
]);

/**
 * Returns every scalar metric of a report under a qualified name: the numbers of its returns,
 * risk, drawdown, trades and significance sections (times and booleans left out), plus
 * `tail.<measure><level>` for each VaR/CVaR confidence level (`tail.historicalVar95`).
 */
export function flattenMetrics(report: MetricsReport): FlatMetrics {
  const out: Record<string, number | null> = {};
  for (const section of SECTIONS) {
    for (const [name, value] of Object.entries(report[section])) {
      const key = `${section}.${name}`;
      if (EXCLUDED.has(key)) continue;
      if (typeof value === 'number') out[key] = Number.isFinite(value) ? value : null;
      else if (value === null) out[key] = null;
    }
  }
  for (const level of report.tail.levels) {
    const suffix = String(Math.round(level.confidence * 1000) / 10).replace('.', '_');
    for (const [name, value] of Object.entries(level)) {
      if (name === 'confidence') continue;
      out[`tail.${name}${suffix}`] = typeof value === 'number' && Number.isFinite(value) ? value : null;
    }
  }
  return out;
}

/** Returns whether a lower value of a qualified metric is better by default (drawdowns, volatility, losses). */
export function lowerIsBetter(qualifiedName: string): boolean {
  return LOWER_IS_BETTER.has(qualifiedName) || /^tail\.\w*(Var|Cvar)\d/.test(qualifiedName);
}

/** Returns `kebab-case` or `snake_case` text as camelCase (`max-drawdown` → `maxDrawdown`). */
export function camelCase(text: string): string {
  return text.replace(/[-_]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}
