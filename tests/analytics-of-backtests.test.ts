import { computeMetrics, type TradeInput } from '@alphintra/analytics';
import { runBacktest, type Trade } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_RUNS, exampleOptions } from './example-support.js';

// The engine's trades are accepted as analytics inputs without conversion.
const accepts = (trade: Trade): TradeInput => trade;

describe('analytics of the example backtests', () => {
  it('computes the metrics of every example run from its results as they are', async () => {
    for (const run of EXAMPLE_RUNS) {
      const result = runBacktest(await exampleOptions(run));
      const metrics = computeMetrics(
        { time: result.equity.time, equity: result.equity.equity, trades: result.trades.map(accepts) },
        { bootstrap: { samples: 100 }, monteCarlo: { simulations: 100 } },
      );
      expect(metrics.trades.count).toBe(result.summary.trades);
      expect(metrics.trades.winners).toBe(result.summary.winningTrades);
      expect(metrics.returns.totalReturn).toBeCloseTo(result.summary.totalReturn, 12);
      expect(metrics.drawdown.maxDrawdown).toBeCloseTo(result.summary.maxDrawdown, 12);
      expect(JSON.stringify(metrics)).not.toMatch(/NaN|Infinity/);
    }
  });
});
