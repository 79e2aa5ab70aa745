import { describe, expect, it } from 'vitest';
import type { OrderSize } from '../../orders/order.js';
import { dailyBars, TEST_EQUITY } from '../../testing/fixtures.js';
import { FIRST_BAR, scenario, scenarioMany } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];
const NEXT = [102, 103, 101, 102];

const sized = (size: OrderSize, cash = 100_000) =>
  scenario({
    rows: [FLAT, NEXT],
    cash,
    onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(size)),
  });

describe('relative sizes', () => {
  it('resolve at the fill price into whole lots', () => {
    // Fill at bar 1's open, 102. notional 1,000 / 102 = 9.80 → 9.
    expect(sized({ notional: 1_000 }).fills[0]?.quantity).toBe(9);
    // Half of 100,000 equity / 102 = 490.2 → 490.
    expect(sized({ equityFraction: 0.5 }).fills[0]?.quantity).toBe(490);
    // A quarter of 100,000 cash / 102 = 245.1 → 245.
    expect(sized({ cashFraction: 0.25 }).fills[0]?.quantity).toBe(245);
  });

  it('trade to a target quantity or percent from the current position', () => {
    const r = scenario({
      rows: [FLAT, FLAT, NEXT, NEXT],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.targetQuantity(30);
        if (bar.index === 2) ctx.targetPercent(-0.5);
      },
    });
    // +10 at 100; +20 to reach 30 at 102; then equity at 102 = 100,000 + 10 × 2 = 100,020,
    // target −0.5 × 100,020 / 102 = −490.3 → −490, so sell 520.
    expect(r.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([
      ['buy', 10, 100],
      ['buy', 20, 102],
      ['sell', 520, 102],
    ]);
    expect(r.positions[0]?.quantity).toBe(-490);
  });

  it('reserve fees when buying with all equity', () => {
    // 10,000 / 50 = 200 units cost 10,000 + a 10 fee: too much. 199 units: 9,950 + 9.95 fits.
    const r = scenario({
      rows: [FLAT, [50, 51, 49, 50]],
      cash: 10_000,
      fees: { kind: 'percent', rate: 0.001 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.targetPercent(1)),
    });
    expect(r.fills[0]).toMatchObject({ quantity: 199, price: 50 });
    expect(r.fills[0]?.fee).toBeCloseTo(9.95, 10);
    // 10,000 − 9,950 − 9.95 = 40.05.
    expect(r.positions[0]?.quantity).toBe(199);
    expect(r.equity.cash[1]).toBeCloseTo(40.05, 9);
  });

  it('close then reverse in one bar, each sized after the one before, with no buying-power refusal', () => {
    const r = scenario({
      rows: [FLAT, FLAT, [110, 111, 109, 110]],
      cash: 10_000,
      fees: { kind: 'percent', rate: 0.001 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.targetPercent(1);
        if (bar.index === 1) {
          ctx.closePosition();
          ctx.targetPercent(-1);
        }
      },
    });
    // Entry: 99 at 100 (100 units + 10 fee would not fit), fee 9.90, cash 10,000 − 9,900 − 9.90 = 90.10.
    // Close: sell 99 at 110 = 10,890, fee 10.89 → cash 10,969.21 = equity.
    // Reverse: −10,969.21 / 110 = −99.72 → −99 units; margin 10,890 ≤ 10,969.21 − 10.89.
    expect(r.fills.map((f) => [f.orderId, f.side, f.quantity, f.price])).toEqual([
      [1, 'buy', 99, 100],
      [2, 'sell', 99, 110],
      [3, 'sell', 99, 110],
    ]);
    expect(r.orders.every((o) => o.reason === '')).toBe(true);
    expect(r.orders.map((o) => o.status)).toEqual(['filled', 'filled', 'filled']);
    // 10,969.21 + 10,890 − 10.89 = 21,848.32 cash; equity = cash − 99 × 110 = 10,958.32.
    expect(r.equity.cash[2]).toBeCloseTo(21_848.32, 8);
    expect(r.equity.equity[2]).toBeCloseTo(10_958.32, 8);
  });

  it('cancel a relative order that resolves to nothing', () => {
    // 50 of notional buys no whole unit at 102.
    const r = sized({ notional: 50 });
    expect(r.orders[0]).toMatchObject({ status: 'cancelled', reason: 'NOTHING_TO_TRADE' });
  });
});

describe('buying power', () => {
  it('rejects a quantity order the account cannot pay for', () => {
    // 2,000 × 102 = 204,000 > 100,000 cash at leverage 1.
    const r = sized(2_000);
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]).toMatchObject({ status: 'rejected', reason: 'INSUFFICIENT_BUYING_POWER' });
    expect(r.updates.map((u) => [u.status, u.reason])).toEqual([
      ['accepted', ''],
      ['rejected', 'INSUFFICIENT_BUYING_POWER'],
    ]);
  });

  it('lets leverage carry a larger position', () => {
    // At leverage 2, 1,900 × 102 = 193,800 needs 96,900 of equity.
    const r = scenario({
      rows: [FLAT, NEXT],
      leverage: 2,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(1_900)),
    });
    expect(r.fills[0]?.quantity).toBe(1_900);
    expect(r.equity.cash[1]).toBe(100_000 - 193_800);
  });
});

describe('partial fills', () => {
  it('fill across bars under a volume limit, keeping the order working between them', () => {
    // 1,000 volume × 0.1 = 100 units per bar: 100 at 101, 100 at 102, 50 at 103.
    const rows = [
      [100, 100, 100, 100, 1_000],
      [101, 101, 101, 101, 1_000],
      [102, 102, 102, 102, 1_000],
      [103, 103, 103, 103, 1_000],
    ];
    const r = scenario({ rows, volumeLimit: 0.1, onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(250)) });
    expect(r.fills.map((f) => [f.quantity, f.price])).toEqual([
      [100, 101],
      [100, 102],
      [50, 103],
    ]);
    expect(r.updates.map((u) => u.status)).toEqual(['accepted', 'partially-filled', 'partially-filled', 'filled']);
    // (100 × 101 + 100 × 102 + 50 × 103) / 250 = 25,450 / 250 = 101.8.
    expect(r.orders[0]?.averagePrice).toBeCloseTo(101.8, 12);
  });

  it('share one bar budget between orders in submission order', () => {
    const rows = [
      [100, 100, 100, 100, 1_000],
      [101, 101, 101, 101, 1_000],
      [102, 102, 102, 102, 1_000],
    ];
    const r = scenario({
      rows,
      volumeLimit: 0.1,
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(80);
        ctx.buy(80);
      },
    });
    // Bar 1: order 1 takes 80, order 2 the last 20; bar 2: order 2 the remaining 60.
    expect(r.fills.map((f) => [f.orderId, f.quantity, f.price])).toEqual([
      [1, 80, 101],
      [2, 20, 101],
      [2, 60, 102],
    ]);
  });
});

describe('sizing across instruments at one timestamp', () => {
  it("sizes an order at one instrument's open without the close of another's bar at that time", () => {
    const a = { ...TEST_EQUITY, symbol: 'A', id: 'A.SIM' };
    const b = { ...TEST_EQUITY, symbol: 'B', id: 'B.SIM' };
    const r = scenarioMany({
      data: [
        // A is listed first: its bar 1 closes at 200, after opening at 100.
        {
          instrument: a,
          series: dailyBars([
            [100, 100, 100, 100],
            [100, 200, 100, 200],
          ]),
        },
        {
          instrument: b,
          series: dailyBars([
            [50, 50, 50, 50],
            [50, 50, 50, 50],
          ]),
        },
      ],
      onSlice: (ctx, time) => {
        if (time !== FIRST_BAR) return;
        ctx.buy(100, { instrument: 'A.SIM' });
        // All of equity in B at the next open: with A bought at 100, equity there is 100,000.
        ctx.submit({ instrument: 'B.SIM', size: { targetPercent: 0.5 } });
      },
      leverage: 2,
    });
    // Both fill at bar 1's opens. B's size: 0.5 × 100,000 / 50 = 1,000 units — not
    // 0.5 × (100,000 + 100 × 100 gained at A's close) / 50 = 1,100.
    expect(r.fills.map((f) => [f.instrument, f.quantity, f.price])).toEqual([
      ['A.SIM', 100, 100],
      ['B.SIM', 1_000, 50],
    ]);
  });
});
