import type { BacktestResult } from '../backtest/results.js';
import { runBacktest } from '../backtest/run-backtest.js';
import type { ParameterSpecs } from '../strategy/parameters.js';
import { COMPARED_TRADE_FIGURES, type ComparedTradeFigure, engineTradeFigures } from './compare-trades.js';
import { runSweep } from './run-sweep.js';
import type { SweepOptions } from './sweep-options.js';
import type { SweepParameters, SweepResult } from './sweep-result.js';

/** The figures compared between the engine and the sweep: the curve's, the trade count and the trade figures. */
export type SweepMetric = 'trades' | 'finalEquity' | 'totalReturn' | 'sharpe' | 'maxDrawdown' | ComparedTradeFigure;

const METRICS: readonly SweepMetric[] = [
  'trades',
  'finalEquity',
  'totalReturn',
  'sharpe',
  'maxDrawdown',
  ...COMPARED_TRADE_FIGURES,
];

/** Figures that are counts: they must be equal, whatever the tolerance. */
const COUNTS: ReadonlySet<SweepMetric> = new Set([
  'trades',
  'winners',
  'losers',
  'longestWinStreak',
  'longestLossStreak',
]);

/** One figure of one run on which the sweep and the event-driven engine disagree. */
export interface SweepDivergence {
  readonly run: number;
  readonly parameters: SweepParameters;
  readonly metric: SweepMetric;
  readonly engine: number;
  readonly sweep: number;
  /** `sweep − engine`. */
  readonly difference: number;
}

/** What {@link compareSweepToEngine} found. */
export interface SweepComparison {
  readonly sweep: SweepResult;
  /** The engine's figures, in the sweep result's layout. */
  readonly engine: Readonly<Record<SweepMetric, Float64Array>>;
  /** Empty when every run agrees. */
  readonly divergences: readonly SweepDivergence[];
}

/**
 * Returns the Sharpe ratio of an equity curve the straightforward way — period returns, their
 * mean, then the sample standard deviation around it — as docs/analytics/metrics.md defines
 * it (risk-free rate 0; NaN for fewer than two returns or a spread below 1e-12).
 */
export function curveSharpe(equity: Float64Array, periodsPerYear: number): number {
  const count = equity.length - 1;
  if (count < 2) return Number.NaN;
  let sum = 0;
  for (let i = 1; i <= count; i++) sum += (equity[i] as number) / (equity[i - 1] as number) - 1;
  const mean = sum / count;
  let squares = 0;
  for (let i = 1; i <= count; i++) {
    const d = (equity[i] as number) / (equity[i - 1] as number) - 1 - mean;
    squares += d * d;
  }
  const std = Math.sqrt(squares / (count - 1));
  return std > 1e-12 ? (mean / std) * Math.sqrt(periodsPerYear) : Number.NaN;
}

function agrees(metric: SweepMetric, a: number, b: number, tolerance: number): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (COUNTS.has(metric)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function engineFigure(
  metric: SweepMetric,
  result: BacktestResult,
  periodsPerYear: number,
  trades: Readonly<Record<ComparedTradeFigure, number>>,
): number {
  switch (metric) {
    case 'trades':
      return result.summary.trades;
    case 'finalEquity':
      return result.summary.finalEquity;
    case 'totalReturn':
      return result.summary.totalReturn;
    case 'sharpe':
      return curveSharpe(result.equity.equity, periodsPerYear);
    case 'maxDrawdown':
      return result.summary.maxDrawdown;
    default:
      return trades[metric];
  }
}

/**
 * Runs every parameter set through both `runSweep` and the event-driven `runBacktest` (the
 * source of truth) and returns the table of figures that differ by more than `tolerance`
 * (relative; default 1e-9; counts — trades, winners, losers, streaks — must be equal): the
 * equity curve's figures and the trade figures of {@link COMPARED_TRADE_FIGURES}, the engine's
 * computed from its closed trades. An empty table means the sweep face
 * reproduces the strategy's `create` on this data and configuration.
 *
 * @example
 * const { divergences } = compareSweepToEngine({ strategy, data, parameterSets, fees: { kind: 'percent', rate: 0.001 } });
 * if (divergences.length > 0) console.log(formatDivergences(divergences));
 */
export function compareSweepToEngine<P extends ParameterSpecs, K extends string>(
  options: SweepOptions<P, K> & { readonly tolerance?: number },
): SweepComparison {
  const tolerance = options.tolerance ?? 1e-9;
  const sweep = runSweep(options);
  const {
    parameterSets,
    periodsPerYear: _periods,
    barReturns: _returns,
    returnBlocks: _blocks,
    onProgress: _progress,
    progressInterval: _interval,
    tolerance: _tolerance,
    ...backtest
  } = options;
  const engine = Object.fromEntries(METRICS.map((m) => [m, new Float64Array(sweep.runs)])) as Record<
    SweepMetric,
    Float64Array
  >;
  const divergences: SweepDivergence[] = [];
  for (let run = 0; run < sweep.runs; run++) {
    const result = runBacktest({ ...backtest, parameters: parameterSets[run] as SweepParameters });
    const trades = engineTradeFigures(result.trades);
    for (const metric of METRICS) {
      const e = engineFigure(metric, result, sweep.periodsPerYear, trades);
      const s = sweep[metric][run] as number;
      (engine[metric] as Float64Array)[run] = e;
      if (!agrees(metric, e, s, tolerance)) {
        const parameters = sweep.parameters[run] as SweepParameters;
        divergences.push({ run, parameters, metric, engine: e, sweep: s, difference: s - e });
      }
    }
  }
  return { sweep, engine, divergences };
}

/** Formats a divergence table as aligned text, one row per divergence (for test output and logs). */
export function formatDivergences(divergences: readonly SweepDivergence[]): string {
  const rows = divergences.map((d) => [
    String(d.run),
    JSON.stringify(d.parameters),
    d.metric,
    String(d.engine),
    String(d.sweep),
    d.difference.toExponential(3),
  ]);
  const header = ['run', 'parameters', 'metric', 'engine', 'sweep', 'difference'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => cell.padEnd(widths[c] as number)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
