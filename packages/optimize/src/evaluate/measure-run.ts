import {
  type AnnualisationOptions,
  blockSummary,
  computeMetrics,
  type MetricsOptions,
  periodReturns,
} from '@alphintra/analytics';
import type { BacktestResult } from '@alphintra/engine';
import { type FlatMetrics, flattenMetrics } from '../objectives/metric-catalog.js';
import { metricNames } from '../objectives/objective.js';
import type { EvaluationBatch, TrialOutcome } from './trial-evaluator.js';

/** How runs are measured: annualisation, risk-free rate and the CSCV block count. */
export interface MeasureOptions extends AnnualisationOptions {
  /** Annual risk-free rate for Sharpe-like ratios; 0 by default. */
  readonly riskFreeRate?: number;
  /** CSCV blocks; 16 by default. */
  readonly blocks?: number;
}

/** Returns the `computeMetrics` options (annualisation and risk-free rate) of measure options. */
export function metricsOptionsOf(options: MeasureOptions): MetricsOptions {
  return {
    ...(options.periodsPerYear === undefined ? {} : { periodsPerYear: options.periodsPerYear }),
    ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
    ...(options.tradingDaysPerYear === undefined ? {} : { tradingDaysPerYear: options.tradingDaysPerYear }),
    ...(options.tradingDayMicros === undefined ? {} : { tradingDayMicros: options.tradingDayMicros }),
    riskFreeRate: options.riskFreeRate ?? 0,
  };
}

/** Returns the index of the first entry ≥ x in an ascending array. */
export function lowerBound(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function failedMetrics(equity: Float64Array): FlatMetrics {
  const out: Record<string, number | null> = {};
  for (const name of metricNames()) out[name] = null;
  let peak = Number.NEGATIVE_INFINITY;
  let worst = 0;
  for (const e of equity) {
    peak = Math.max(peak, e);
    if (peak > 0) worst = Math.max(worst, (peak - Math.max(e, 0)) / peak);
  }
  out['returns.totalReturn'] =
    equity.length > 0 ? Math.max(-1, (equity[equity.length - 1] as number) / (equity[0] as number) - 1) : null;
  out['drawdown.maxDrawdown'] = worst;
  return out;
}

/**
 * Measures a finished run over its window: the equity curve from the last warm-up row (equity
 * before the window's first bar) to the end, its metrics (`computeMetrics`, without the
 * resampling statistics unless `detail` asks for the full report) and the block statistics of
 * its period returns. A run whose equity reaches zero cannot be measured by ratios: it gets
 * null metrics except total return and max drawdown, so it ranks last.
 */
export function measureRun(
  result: BacktestResult,
  windowStart: number,
  batch: Pick<EvaluationBatch, 'detail'>,
  options: MeasureOptions,
): TrialOutcome {
  const curve = result.equity;
  const first = Math.max(0, lowerBound(curve.time, windowStart) - 1);
  const time = curve.time.subarray(first);
  const equity = curve.equity.subarray(first);
  const blocks = options.blocks ?? 16;
  if (!equity.every((e) => e > 0 && Number.isFinite(e))) {
    return { metrics: failedMetrics(equity), blocks: null, failure: 'equity reached zero' };
  }
  const base = metricsOptionsOf(options);
  const input = { time, equity, trades: result.trades };
  const detail = batch.detail;
  const report = computeMetrics(
    input,
    detail === undefined
      ? { ...base, bootstrap: false, monteCarlo: false }
      : { ...base, ...(detail.trials === undefined ? {} : { trials: detail.trials }) },
  );
  const returns = periodReturns(equity);
  const summary = returns.length >= blocks ? blockSummary(returns, blocks) : null;
  return {
    metrics: flattenMetrics(report),
    blocks:
      summary === null
        ? null
        : {
            count: Array.from(summary.count),
            sum: Array.from(summary.sum),
            sumSquares: Array.from(summary.sumSquares),
          },
    ...(detail === undefined
      ? {}
      : {
          detail: {
            report,
            equity: { time: Array.from(time), equity: Array.from(equity) },
            trades: result.trades.map((t) => ({
              instrument: t.instrument,
              side: t.side,
              entryTime: t.entryTime,
              exitTime: t.exitTime,
              pnl: t.pnl,
              returnFraction: t.returnFraction,
              bars: t.bars,
              mae: t.mae,
              mfe: t.mfe,
              fees: t.fees,
            })),
            orderListHash: result.summary.orderListHash,
          },
        }),
  };
}
