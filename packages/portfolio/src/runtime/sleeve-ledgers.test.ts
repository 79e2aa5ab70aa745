import { defineStrategy } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { definePortfolio } from '../define-portfolio.js';
import { runPortfolio } from '../results/run-portfolio.js';
import { equityData } from '../testing/two-instruments.js';

const A = equityData('AAA', [
  [100, 100, 100, 100],
  [100, 112, 98, 110],
  [111, 111, 104, 105],
  [104, 104, 100, 100],
  [100, 100, 100, 100],
]);
const B = equityData('BBB', [
  [50, 50, 50, 50],
  [50, 52, 49, 51],
  [52, 53, 51, 52],
  [52, 52, 52, 52],
  [52, 52, 52, 52],
]);

// Sleeve x trades both instruments, sleeve y only AAA: AAA is shared, BBB is x's alone.
const x = defineStrategy({
  name: 'x',
  parameters: {},
  create(ctx) {
    return {
      onBar(bar) {
        if (bar.instrument === 'AAA.SIM' && bar.index === 0) ctx.buy(100);
        if (bar.instrument === 'BBB.SIM' && bar.index === 0) ctx.targetPercent(0.05);
        if (bar.instrument === 'AAA.SIM' && bar.index === 2) ctx.closePosition();
      },
    };
  },
});
const seen: { equity: number; cash: number; quantity: number }[] = [];
const y = defineStrategy({
  name: 'y',
  parameters: {},
  create(ctx) {
    return {
      onBar(bar) {
        seen.push({ equity: ctx.equity, cash: ctx.cash, quantity: ctx.quantity() });
        if (bar.index === 0) ctx.buy(200);
        if (bar.index === 1) ctx.targetPercent(0.5);
      },
    };
  },
});

describe('sleeve ledgers', () => {
  const result = runPortfolio({
    portfolio: definePortfolio({
      sleeves: [
        { name: 'x', strategy: x },
        { name: 'y', strategy: y, instruments: ['AAA'] },
      ],
      allocation: { method: 'fixed', weights: { x: 0.6, y: 0.4 } },
    }),
    data: [A, B],
    cash: 100_000,
    fees: { kind: 'per-share', perShare: 0.01, minimum: 1 },
  });
  const [sx, sy] = result.sleeves;

  it('book each fill to the sleeve that placed the order, fees included, by hand', () => {
    // Bar 1 opens: x buys 100 AAA @ 100 (fee 1) and 59 BBB @ 50 (fee 1); y buys 200 AAA @ 100 (fee 2).
    //   x's 5 % of BBB (x alone trades it): the account is sent targetPercent 0.05 × 60,000 / 100,000
    //   = 0.03, resolved at the fill against the account's equity then. AAA, first in the run, has
    //   already filled (fees 3) but every bar is matched before any is marked, so AAA still counts
    //   at 100: 100,000 − 3 = 99,997, and ⌊0.03 × 99,997 / 50⌋ = 59.
    // Bar 1 closes (AAA 110, BBB 51): x = 60,000 − 10,001 − 2,951 + 11,000 + 3,009 = 61,057;
    //   y = 40,000 − 20,002 + 22,000 = 41,998.
    // y then targets 50 %: AAA is shared, so it sends a notional 0.5 × 41,998 − 200 × 110 = −1,001,
    //   sold at bar 2's open 111: ⌊1,001 / 111⌋ = 9 shares (fee 1).
    // Bar 2 closes (105, 52): x = 47,048 + 10,500 + 3,068 = 60,616; y = 19,998 + 999 − 1 + 191 × 105 = 41,051.
    // x closes its 100 AAA (not the account's 291) at bar 3's open 104 (fee 1).
    // Bar 3 closes (100, 52): x = 47,048 + 10,400 − 1 + 3,068 = 60,515; y = 20,996 + 19,100 = 40,096.
    expect(Array.from(sx?.equity ?? [])).toEqual([60_000, 61_057, 60_616, 60_515, 60_515]);
    expect(Array.from(sy?.equity ?? [])).toEqual([40_000, 41_998, 41_051, 40_096, 40_096]);
    expect(sx?.positions).toEqual([
      {
        instrument: 'AAA.SIM',
        currency: 'USD',
        quantity: 0,
        averagePrice: null,
        lastPrice: 100,
        realizedPnl: 400,
        fees: 2,
        carry: 0,
      },
      {
        instrument: 'BBB.SIM',
        currency: 'USD',
        quantity: 59,
        averagePrice: 50,
        lastPrice: 52,
        realizedPnl: 0,
        fees: 1,
        carry: 0,
      },
    ]);
    expect(sy?.positions).toEqual([
      {
        instrument: 'AAA.SIM',
        currency: 'USD',
        quantity: 191,
        averagePrice: 100,
        lastPrice: 100,
        realizedPnl: 99,
        fees: 3,
        carry: 0,
      },
    ]);
    expect(sx?.fees).toBe(3);
    expect(sy?.fees).toBe(3);
    expect([sx?.fills, sy?.fills, sx?.orders, sy?.orders]).toEqual([3, 2, 3, 2]);
  });

  it('add up to the account on every row', () => {
    const account = result.backtest.equity.equity;
    for (let i = 0; i < account.length; i++) expect((sx?.equity[i] ?? 0) + (sy?.equity[i] ?? 0)).toBe(account[i]);
    expect(result.backtest.positions.map((p) => p.quantity)).toEqual([191, 59]);
  });

  it("give each sleeve its own round trips, not the account's", () => {
    // x's AAA: in at 100, out at 104, 100 shares, 1 + 1 in fees → 398. The account's AAA trade is still open.
    expect(sx?.trades).toHaveLength(1);
    expect(sx?.trades[0]).toMatchObject({
      instrument: 'AAA.SIM',
      side: 'long',
      entryPrice: 100,
      exitPrice: 104,
      quantity: 100,
      pnl: 398,
      fees: 2,
    });
    expect(sy?.trades).toHaveLength(0);
    expect(result.backtest.trades).toHaveLength(0);
  });

  it("show a sleeve's strategy its own equity, cash and position", () => {
    // y's view at bar 0 (before any fill) and at bar 1's close (after its purchase).
    expect(seen[0]).toEqual({ equity: 40_000, cash: 40_000, quantity: 0 });
    expect(seen[1]).toEqual({ equity: 41_998, cash: 19_998, quantity: 200 });
  });

  it("record the sleeves' flow-free returns, weights and time-weighted values", () => {
    expect(sx?.returns[1]).toBeCloseTo(61_057 / 60_000 - 1, 15);
    expect(sy?.weight[1]).toBeCloseTo(41_998 / 103_055, 15);
    expect(sx?.value[1]).toBeCloseTo(100_000 * (61_057 / 60_000), 9);
    expect(Array.from(sx?.targetWeight ?? [])).toEqual([0.6, 0.6, 0.6, 0.6, 0.6]);
  });
});
