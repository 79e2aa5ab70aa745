import { mean, normalCdf, periodReturns, sampleStd } from '@alphintra/analytics';
import { PALETTE } from '../charts/colors.js';
import { renderHeatMap } from '../charts/heat-map.js';
import { type HistogramMarker, histogramBins, renderHistogram } from '../charts/histogram.js';
import { formatPercent } from '../html/format.js';
import type { Html } from '../html/html.js';
import type { BacktestReportInput } from './report-input.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Returns the years × months grid of the metrics' monthly returns, with the yearly return last. */
export function monthlyGrid(input: BacktestReportInput): { years: number[]; values: (number | null)[][] } {
  const { monthly, yearly } = input.metrics.returns;
  const years = [...new Set([...monthly.map((m) => m.year), ...yearly.map((y) => y.year)])].sort((a, b) => a - b);
  const values = years.map((year) => {
    const row: (number | null)[] = new Array<number | null>(13).fill(null);
    for (const m of monthly) if (m.year === year) row[m.month - 1] = m.return;
    row[12] = yearly.find((y) => y.year === year)?.return ?? null;
    return row;
  });
  return { years, values };
}

/** Returns the monthly-returns heat map (years × months, plus each year's return). */
export function monthlyHeatMap(input: BacktestReportInput): Html {
  const { years, values } = monthlyGrid(input);
  // Colours scale with the largest monthly move, so one big year does not wash the months out.
  const scale = input.metrics.returns.monthly.reduce((m, r) => Math.max(m, Math.abs(r.return)), 0);
  return renderHeatMap({
    id: 'monthly-returns',
    title: 'Monthly returns',
    note:
      'Each cell compounds the month from the last equity before it to the last equity in it (UTC calendar months), ' +
      'so a row compounds to its year and the years to the total return. Empty: no bar that month.',
    rowLabels: years.map(String),
    columnLabels: [...MONTHS, 'Year'],
    values,
    format: (v) => formatPercent(v, 1).replace(' %', '%'),
    scale,
    separatedColumns: 1,
  });
}

/**
 * Returns expected bin counts of n values drawn from a normal distribution with the given mean
 * and standard deviation: n · (Φ((b − μ)/σ) − Φ((a − μ)/σ)) for each bin [a, b).
 */
export function normalBinCounts(edges: readonly number[], n: number, mu: number, sigma: number): number[] {
  const cdf = (x: number): number => normalCdf((x - mu) / sigma);
  return edges.slice(1).map((b, i) => n * (cdf(b) - cdf(edges[i] as number)));
}

/** Returns the histogram of the run's period returns with a fitted normal curve, zero and the 95 % VaR. */
export function returnsHistogram(input: BacktestReportInput): Html {
  const returns = periodReturns(input.result.equity.equity);
  const bins = histogramBins(returns);
  const sigma = sampleStd(returns);
  const var95 = input.metrics.tail.levels.find((l) => l.confidence === 0.95)?.historicalVar ?? null;
  const markers: HistogramMarker[] = [{ value: 0, label: '0', color: PALETTE.axis }];
  if (var95 !== null) markers.push({ value: -var95, label: 'VaR 95 %', color: PALETTE.drawdown });
  return renderHistogram({
    id: 'return-distribution',
    title: 'Distribution of period returns',
    note:
      `${returns.length} returns Eᵢ / Eᵢ₋₁ − 1 in equal-width bins (Freedman–Diaconis). ` +
      'Orange: the counts a normal distribution with the same mean and standard deviation would give. ' +
      'VaR 95 %: the historical one-period value at risk.',
    bins,
    format: (v) => formatPercent(v, 2),
    ...(Number.isFinite(sigma) && sigma > 0
      ? { expected: normalBinCounts(bins.edges, returns.length, mean(returns), sigma), expectedLabel: 'normal fit' }
      : {}),
    markers,
  });
}
