import type { PortfolioResult } from '@alphintra/portfolio';
import type { ReportBenchmark } from '../backtest/report-input.js';
import { PALETTE } from '../charts/colors.js';
import { renderHeatMap } from '../charts/heat-map.js';
import { type TimeSeriesChart, timeSeriesChart, type ValueSeriesInput } from '../charts/time-series.js';
import type { Html } from '../html/html.js';

/** Colours of the sleeves, in sleeve order (Okabe–Ito: distinct for readers with colour blindness). */
export const SLEEVE_COLORS = [
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#0072b2',
  '#f0e442',
  '#000000',
] as const;

/** The colour of sleeve `i` (colours repeat after eight sleeves). */
export function sleeveColor(i: number): string {
  return SLEEVE_COLORS[i % SLEEVE_COLORS.length] as string;
}

/** Returns the portfolio's equity with each sleeve's capital (they add up to it) and the benchmark. */
export function portfolioEquityChart(result: PortfolioResult, benchmark: ReportBenchmark | undefined): TimeSeriesChart {
  const series: ValueSeriesInput[] = [
    { kind: 'line', name: 'portfolio', color: PALETTE.strategy, values: result.backtest.equity.equity },
    ...result.sleeves.map((s, i) => ({ kind: 'line' as const, name: s.name, color: sleeveColor(i), values: s.equity })),
  ];
  if (benchmark !== undefined)
    series.push({ kind: 'line', name: benchmark.name, color: PALETTE.benchmark, values: benchmark.equity });
  return timeSeriesChart({
    id: 'equity-chart',
    title: 'Portfolio and sleeves',
    note:
      "Account equity after each bar, and each sleeve's capital (its ledger's cash and positions at the close, after any " +
      'rebalance that bar): the sleeves add up to the portfolio. Rebalancing moves capital between the sleeve lines.',
    time: result.backtest.equity.time,
    series,
    valueFormat: 'money',
    logScaleToggle: true,
    height: 380,
  });
}

/** Returns each sleeve's time-weighted value: its returns compounded from the portfolio's start, flows excluded. */
export function sleeveValueChart(result: PortfolioResult): TimeSeriesChart {
  return timeSeriesChart({
    id: 'sleeve-value-chart',
    title: 'Sleeve performance (time-weighted)',
    note:
      "Each sleeve's returns with rebalancing flows taken out, compounded from the portfolio's starting equity: how " +
      'each strategy did with the capital it had. Sleeve metrics measure these curves.',
    time: result.backtest.equity.time,
    series: result.sleeves.map((s, i) => ({
      kind: 'line' as const,
      name: s.name,
      color: sleeveColor(i),
      values: s.value,
    })),
    valueFormat: 'money',
    logScaleToggle: true,
    height: 300,
  });
}

/**
 * Returns the sleeves' weights over time, stacked: the band of each sleeve spans its share of
 * the portfolio's capital, so the top edge is always 1.
 */
export function weightsChart(result: PortfolioResult): TimeSeriesChart {
  const n = result.backtest.equity.time.length;
  const cumulative = result.sleeves.map(() => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    let total = 0;
    for (const [i, s] of result.sleeves.entries()) {
      total += s.weight[r] as number;
      (cumulative[i] as Float64Array)[r] = total;
    }
  }
  // Drawn from the top band down, so each band's lower edge is the next one's area.
  const series: ValueSeriesInput[] = result.sleeves
    .map((s, i) => ({
      kind: 'area' as const,
      name: s.name,
      color: sleeveColor(i),
      values: cumulative[i] as Float64Array,
    }))
    .reverse();
  return timeSeriesChart({
    id: 'weights-chart',
    title: 'Weights over time (stacked)',
    note:
      "Each band is a sleeve's capital over the sum of the sleeves' capital after each bar; rebalances bring the bands " +
      'back to the target weights, and they drift with performance in between.',
    time: result.backtest.equity.time,
    series,
    valueFormat: 'percent',
    height: 280,
  });
}

/** Returns the heat map of the correlations of the sleeves' returns. */
export function correlationHeatMap(result: PortfolioResult): Html {
  const { names, matrix } = result.correlation;
  return renderHeatMap({
    id: 'correlation-heat-map',
    title: 'Correlation of sleeve returns',
    note:
      "Pearson correlation of the sleeves' period returns (flows excluded) over the run: blue together, red opposite. " +
      'Empty: a sleeve that never varied.',
    rowLabels: names,
    columnLabels: names,
    values: matrix,
    format: (v) => v.toFixed(2),
    scale: 1,
    labelWidth: Math.max(52, 12 + 7 * Math.max(0, ...names.map((n) => n.length))),
  });
}
