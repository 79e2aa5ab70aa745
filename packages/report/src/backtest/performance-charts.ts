import {
  defaultRollingWindow,
  periodReturns,
  perPeriodRate,
  rollingFigures,
  underwaterCurve,
} from '@alphintra/analytics';
import { PALETTE } from '../charts/colors.js';
import { type TimeSeriesChart, timeSeriesChart, type ValueSeriesInput } from '../charts/time-series.js';
import type { BacktestReportInput } from './report-input.js';

/** Returns the equity curve against the benchmark, with a log-scale checkbox. */
export function equityChart({ result, options }: BacktestReportInput): TimeSeriesChart {
  const series: ValueSeriesInput[] = [
    { kind: 'line', name: 'strategy', color: PALETTE.strategy, values: result.equity.equity },
  ];
  if (options.benchmark !== undefined) {
    series.push({
      kind: 'line',
      name: options.benchmark.name,
      color: PALETTE.benchmark,
      values: options.benchmark.equity,
    });
  }
  return timeSeriesChart({
    id: 'equity-chart',
    title: 'Equity',
    note: 'Account equity after each bar (cash plus positions marked at the close), in account currency.',
    time: result.equity.time,
    series,
    valueFormat: 'money',
    logScaleToggle: true,
    height: 360,
  });
}

/** Returns the underwater curves (equity over its running peak, minus 1) of the run and its benchmark. */
export function drawdownChart({ result, options }: BacktestReportInput): TimeSeriesChart {
  const series: ValueSeriesInput[] = [
    { kind: 'baseline', name: 'strategy', color: PALETTE.drawdown, values: underwaterCurve(result.equity.equity) },
  ];
  if (options.benchmark !== undefined) {
    series.push({
      kind: 'line',
      name: options.benchmark.name,
      color: PALETTE.benchmark,
      values: underwaterCurve(Float64Array.from(options.benchmark.equity)),
    });
  }
  return timeSeriesChart({
    id: 'drawdown-chart',
    title: 'Drawdown (underwater)',
    note: 'Equity over its highest value so far, minus 1: 0 at a new high, −0.25 when 25 % below it.',
    time: result.equity.time,
    series,
    valueFormat: 'percent',
    height: 220,
  });
}

/** Windows of the rolling chart: the metrics' window first, then the others that fit the run, ascending. */
export function rollingWindowsOf({ metrics, options }: BacktestReportInput): number[] {
  const periods = metrics.sample.periods;
  const main = metrics.rolling?.window ?? defaultRollingWindow(metrics.sample.periodsPerYear ?? Number.NaN, periods);
  const others = (options.rollingWindows ?? [63, 126, 252]).filter((w) => w !== main && w >= 2 && w <= periods);
  return [main, ...[...new Set(others)].sort((a, b) => a - b)];
}

/**
 * Returns the rolling Sharpe ratio and the rolling volatility charts (annualised, by bar), each
 * with a drop-down of windows; none when the run is shorter than the window or too short to
 * annualise.
 */
export function rollingCharts(input: BacktestReportInput): TimeSeriesChart[] {
  const { result, metrics } = input;
  const periodsPerYear = metrics.sample.periodsPerYear;
  if (periodsPerYear === null) return [];
  const returns = periodReturns(result.equity.equity);
  const rf = perPeriodRate(metrics.sample.riskFreeRate, periodsPerYear);
  const figures = rollingWindowsOf(input).map((w) => rollingFigures(returns, w, periodsPerYear, rf));
  const first = figures[0];
  if (first === undefined || first.window > returns.length) return [];
  const over = `Over the last N period returns at each bar (N chosen above), annualised with P = ${periodsPerYear} periods a year`;
  return [
    timeSeriesChart({
      id: 'rolling-sharpe-chart',
      title: 'Rolling Sharpe ratio',
      note: `${over}: mean excess return / sample standard deviation × √P.`,
      time: result.equity.time,
      series: [{ kind: 'baseline', name: 'Sharpe ratio', color: PALETTE.sharpe, values: first.sharpe }],
      valueFormat: 'ratio',
      variants: figures.map((f) => ({ label: `${f.window} bars`, values: [f.sharpe] })),
      height: 240,
    }),
    timeSeriesChart({
      id: 'rolling-volatility-chart',
      title: 'Rolling volatility',
      note: `${over}: sample standard deviation × √P.`,
      time: result.equity.time,
      series: [{ kind: 'area', name: 'volatility', color: PALETTE.volatility, values: first.volatility }],
      valueFormat: 'percent',
      variants: figures.map((f) => ({ label: `${f.window} bars`, values: [f.volatility] })),
      height: 240,
    }),
  ];
}
