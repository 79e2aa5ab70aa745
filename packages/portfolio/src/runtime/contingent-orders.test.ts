import { defineStrategy, runBacktest } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { definePortfolio } from '../define-portfolio.js';
import { runPortfolio } from '../results/run-portfolio.js';
import { equityData } from '../testing/two-instruments.js';

const A = equityData('AAA', [
  [100, 100, 100, 100],
  [100, 101, 99, 100],
  [100, 106, 100, 105],
  [105, 105, 105, 105],
]);

/** Buys `units` at bar 0; once filled, a limit order takes the position to a target at 104. */
const entryWithExit = (units: number, exit: { targetQuantity: number } | { targetPercent: number }) =>
  defineStrategy({
    name: 'entry-with-exit',
    parameters: {},
    create(ctx) {
      return {
        onBar(bar) {
          if (bar.index === 0) {
            ctx.buy(units, { triggers: { orders: [{ kind: 'limit', limitPrice: 104, size: exit, tag: 'exit' }] } });
          }
        },
      };
    },
  });

describe('one-triggers-other orders of a sleeve', () => {
  it("are sized against the sleeve's position where another sleeve trades the instrument", () => {
    // a's exit "target 0 units" would, placed by the engine, sell the account's 150 shares;
    // placed by the portfolio it sells a's 100 and leaves b's 50.
    const b = defineStrategy({
      name: 'b',
      parameters: {},
      create: (ctx) => ({
        onBar(bar) {
          if (bar.index === 0) ctx.buy(50);
        },
      }),
    });
    const result = runPortfolio({
      portfolio: definePortfolio({
        sleeves: [
          { name: 'a', strategy: entryWithExit(100, { targetQuantity: 0 }) },
          { name: 'b', strategy: b },
        ],
      }),
      data: [A],
    });
    expect(result.sleeves.map((s) => s.positions[0]?.quantity)).toEqual([0, 50]);
    const exit = result.backtest.orders.find((o) => o.tag === 'exit');
    expect([exit?.side, exit?.filledQuantity, exit?.averagePrice]).toEqual(['sell', 100, 104]);
    expect(result.sleeves[0]?.trades[0]).toMatchObject({ entryPrice: 100, exitPrice: 104, quantity: 100 });
  });

  it('are left to the engine for the only sleeve, which then trades as its strategy alone', () => {
    const strategy = entryWithExit(100, { targetPercent: 0.5 });
    const alone = runBacktest({ strategy, data: [A] });
    const together = runPortfolio({ portfolio: definePortfolio({ sleeves: [{ name: 'only', strategy }] }), data: [A] });
    expect(together.backtest.summary.orderListHash).toBe(alone.summary.orderListHash);
    expect(together.backtest.orders.find((o) => o.tag === 'exit')?.parentId).toBe(1);
  });
});
