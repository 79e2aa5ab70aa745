import { runBacktest } from '@alphintra/engine';
import { definePortfolio, runPortfolio } from '@alphintra/portfolio';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_RUNS, exampleOptions } from './example-support.js';

// Every example (bars and trade ticks), run alone and as the only sleeve of a portfolio (weight 1, all instruments).
const RUNS = EXAMPLE_RUNS;

describe('a one-sleeve portfolio with weight 1 equals its strategy run alone', () => {
  for (const run of RUNS) {
    it(`${run.name}: same orders, fills and equity curve`, async () => {
      const options = await exampleOptions(run);
      const alone = runBacktest(options);
      const portfolio = definePortfolio({
        name: `${run.name}-portfolio`,
        sleeves: [{ name: 'only', strategy: options.strategy, parameters: options.parameters ?? {} }],
        allocation: { method: 'fixed', weights: [1] },
        rebalance: { schedule: 'monthly' },
      });
      const { strategy: _, parameters: __, ...rest } = options;
      const result = runPortfolio({ ...rest, portfolio });
      const together = result.backtest;
      expect(together.summary.orderListHash).toBe(alone.summary.orderListHash);
      expect(together.fills).toEqual(alone.fills);
      expect(Array.from(together.equity.equity)).toEqual(Array.from(alone.equity.equity));
      const sleeve = result.sleeves[0];
      // The sleeve's ledger is the account's: its capital row by row (to the last bit, or to
      // 1e-12 when the account books borrow costs the ledger receives as a residual), its trades.
      const carries = (options.borrowRate ?? 0) > 0;
      const equity = sleeve?.equity ?? new Float64Array(0);
      expect(equity.length).toBe(alone.equity.equity.length);
      if (carries) {
        for (const [i, e] of alone.equity.equity.entries())
          expect(Math.abs((equity[i] as number) / e - 1)).toBeLessThan(1e-12);
      } else expect(Array.from(equity)).toEqual(Array.from(alone.equity.equity));
      // Trades equal field for field, excursions included: the sleeve's ledger learns where on
      // the bar's path each fill happened (ctx.fillPath), as the engine's trade tracker does.
      if (!carries) expect(sleeve?.trades).toEqual(alone.trades);
      else {
        // Carry reaches the sleeve's trades as shares of a residual: P&L agrees to a millionth of a cent.
        const trades = sleeve?.trades ?? [];
        expect(trades.length).toBe(alone.trades.length);
        for (const [i, t] of alone.trades.entries()) {
          const mine = trades[i] as (typeof trades)[number];
          expect({ ...mine, pnl: 0, returnFraction: 0 }).toEqual({ ...t, pnl: 0, returnFraction: 0 });
          expect(Math.abs(mine.pnl - t.pnl)).toBeLessThan(1e-8);
        }
      }
      expect(sleeve?.fills).toBe(alone.fills.length);
      expect(result.rebalances.every((r) => r.transfers.every((t) => t === 0 || r.reason === 'start'))).toBe(true);
    });
  }
});
