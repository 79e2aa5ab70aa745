import { computeMetrics, type MetricsOptions, type MetricsReport } from '@alphintra/analytics';
import type { PortfolioResult } from './run-portfolio.js';

/**
 * Returns the performance metrics of every sleeve, as `computeMetrics` computes them for a run:
 * over the sleeve's time-weighted value (its returns with rebalancing flows taken out, so moving
 * capital in or out is neither gain nor loss) and its own round trips, on the account's rows;
 * against the benchmark when one is given (one equity value per row).
 *
 * @example
 * const bySleeve = sleeveMetrics(result, { benchmark: benchmarkEquity });
 * bySleeve.trend.risk.sharpe;
 */
export function sleeveMetrics(
  result: PortfolioResult,
  options: MetricsOptions & { readonly benchmark?: Float64Array } = {},
): Record<string, MetricsReport> {
  const { benchmark, ...rest } = options;
  const time = result.backtest.equity.time;
  const out: Record<string, MetricsReport> = {};
  for (const sleeve of result.sleeves) {
    out[sleeve.name] = computeMetrics(
      {
        time,
        equity: sleeve.value,
        trades: sleeve.trades,
        ...(benchmark !== undefined && time.length > 0 ? { benchmark: { equity: benchmark } } : {}),
      },
      rest,
    );
  }
  return out;
}
