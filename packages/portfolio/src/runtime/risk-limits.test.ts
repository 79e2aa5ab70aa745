import { defineStrategy, type Order, type StrategyContext } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { definePortfolio } from '../define-portfolio.js';
import { runPortfolio } from '../results/run-portfolio.js';
import { equityData } from '../testing/two-instruments.js';

/** A strategy that runs `act` on each bar and keeps what its orders came back as. */
function scripted(act: (ctx: StrategyContext, index: number, orders: Readonly<Order>[]) => void) {
  const orders: Readonly<Order>[] = [];
  const updates: Readonly<Order>[] = [];
  const strategy = defineStrategy({
    name: 'scripted',
    parameters: {},
    create(ctx) {
      return {
        onBar(bar) {
          act(ctx, bar.index, orders);
        },
        onOrderUpdate(order) {
          updates.push(order);
        },
      };
    },
  });
  return { strategy, orders, updates };
}

describe('the drawdown limit', () => {
  // AAA falls 100 → 80 → 60: a sleeve fully in it loses 20 % of the account, then 40 %.
  const A = equityData('AAA', [
    [100, 100, 100, 100],
    [100, 100, 80, 80],
    [80, 80, 60, 60],
    [60, 60, 60, 60],
    [60, 60, 60, 60],
  ]);
  const states: string[] = [];
  const { strategy, orders, updates } = scripted((ctx, i, out) => {
    states.push(ctx.tradingState);
    if (i === 0) out.push(ctx.buy(1000));
    if (i === 2) {
      out.push(ctx.buy(10));
      out.push(ctx.sell(400));
    }
  });
  const result = runPortfolio({
    portfolio: definePortfolio({ sleeves: [{ name: 'a', strategy }], risk: { maxDrawdown: 0.15 } }),
    data: [A],
    cash: 100_000,
  });

  it('halts new exposure once the account falls that far from its peak, letting reductions through', () => {
    // Row 1: equity 100,000 − 100,000 + 80,000 = 80,000, 20 % below the peak of 100,000: halted.
    expect(result.riskEvents[0]).toEqual({
      kind: 'drawdown-halt',
      time: A.series?.time[1],
      drawdown: 0.2,
      equity: 80_000,
    });
    const [, buy, sell] = orders;
    expect(buy?.status).toBe('denied');
    expect(buy?.reason).toBe('PORTFOLIO_DRAWDOWN_HALT');
    expect(buy?.id).toBeLessThan(0);
    expect(updates).toContain(buy);
    expect(sell?.status).toBe('filled');
    expect(result.backtest.positions[0]?.quantity).toBe(600);
    expect(result.riskEvents[1]).toMatchObject({
      kind: 'order-denied',
      sleeve: 'a',
      instrument: 'AAA.SIM',
      code: 'PORTFOLIO_DRAWDOWN_HALT',
      side: 'buy',
    });
  });

  it("shows the sleeves the halt as the kill switch's reducing state", () => {
    expect(states).toEqual(['active', 'active', 'reducing', 'reducing', 'reducing']);
  });
});

describe('the gross leverage limit', () => {
  const flat = (symbol: string, price: number) =>
    equityData(
      symbol,
      Array.from({ length: 4 }, () => [price, price, price, price] as [number, number, number, number]),
    );
  const first = scripted((ctx, i) => {
    if (i === 0) ctx.buy(500);
  });
  const second = scripted((ctx, i, out) => {
    if (i === 1) out.push(ctx.buy(1500));
    if (i === 2) out.push(ctx.buy(1000));
  });
  const result = runPortfolio({
    portfolio: definePortfolio({
      sleeves: [
        { name: 'a', strategy: first.strategy, instruments: ['AAA'] },
        { name: 'b', strategy: second.strategy, instruments: ['BBB'] },
      ],
      risk: { maxGrossLeverage: 1.2 },
    }),
    data: [flat('AAA', 100), flat('BBB', 50)],
    cash: 100_000,
    leverage: 3,
  });

  it('denies an order that would take gross exposure over equity above the limit, by hand', () => {
    // a holds 500 × 100 = 50,000. b's 1,500 × 50 = 75,000 would make 125,000 / 100,000 = 1.25 > 1.2;
    // its 1,000 × 50 = 50,000 makes 1.0.
    const [big, small] = second.orders;
    expect(big?.reason).toBe('PORTFOLIO_MAX_LEVERAGE_EXCEEDED');
    expect(small?.status).toBe('filled');
    expect(result.backtest.positions.map((p) => p.quantity)).toEqual([500, 1000]);
  });
});
