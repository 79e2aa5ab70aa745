import { describe, expect, it } from 'vitest';
import { DAY_MICROS, FIRST_BAR, scenario } from '../../testing/scenario.js';

// Three daily bars; the strategy sees bar j at its close, which is bar j+1's open time.
const ROWS = [
  [100, 101, 99, 100],
  [102, 104, 101, 103],
  [105, 106, 104, 105],
];

describe('market orders', () => {
  it('fill at the next bar open by default', () => {
    const r = scenario({ rows: ROWS, onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10)) });
    expect(r.fills).toHaveLength(1);
    expect(r.fills[0]).toMatchObject({ side: 'buy', quantity: 10, price: 102, liquidity: 'taker' });
    expect(r.fills[0]?.time).toBe(FIRST_BAR + DAY_MICROS);
    // Cash 100,000 − 10 × 102 = 98,980; equity = cash + 10 × close.
    expect(Array.from(r.equity.cash)).toEqual([100_000, 98_980, 98_980]);
    expect(Array.from(r.equity.equity)).toEqual([100_000, 98_980 + 1_030, 98_980 + 1_050]);
    expect(r.orders[0]).toMatchObject({ status: 'filled', filledQuantity: 10, averagePrice: 102 });
  });

  it('fill at the close of the bar they were placed on in close timing, after the strategy returns', () => {
    const seen: number[] = [];
    const r = scenario({
      rows: ROWS,
      fillTiming: 'close',
      onBar: (ctx, bar) => {
        seen.push(ctx.quantity());
        if (bar.index === 0) {
          ctx.buy(10);
          // The order is working, not yet filled, while onBar runs.
          seen.push(ctx.quantity());
        }
      },
    });
    expect(seen).toEqual([0, 0, 10, 10]);
    expect(r.fills[0]).toMatchObject({ price: 100, quantity: 10 });
    // Fill time is bar 0's close time.
    expect(r.fills[0]?.time).toBe(FIRST_BAR + DAY_MICROS);
    // Bar 0: 99,000 cash + 10 × 100; bar 1: + 10 × 103; bar 2: + 10 × 105.
    expect(Array.from(r.equity.equity)).toEqual([100_000, 100_030, 100_050]);
  });

  it('in close timing, leave limit orders for the next bar', () => {
    // A buy limit at 101 sits above the 100 close: it must not fill at bar 0's close.
    const r = scenario({
      rows: ROWS,
      fillTiming: 'close',
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 101 })),
    });
    // Bar 1 opens at 102 (above the limit) and trades down to its low of 101: filled at 101 as maker.
    expect(r.fills[0]).toMatchObject({ price: 101, liquidity: 'maker' });
    expect(r.fills[0]?.time).toBe(FIRST_BAR + DAY_MICROS);
  });

  it('fill in submission order when several are placed on one bar', () => {
    const r = scenario({
      rows: ROWS,
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(10, { tag: 'a' });
        ctx.sell(4, { tag: 'b' });
      },
    });
    expect(r.fills.map((f) => [f.orderId, f.side, f.quantity, f.price])).toEqual([
      [1, 'buy', 10, 102],
      [2, 'sell', 4, 102],
    ]);
    expect(r.positions[0]?.quantity).toBe(6);
  });

  it('fill a bar later when latency makes them arrive after the next open', () => {
    const r = scenario({
      rows: ROWS,
      latency: { fixed: 1_000 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10)),
    });
    // Submitted at bar 1's open time, it arrives 1 ms later: bar 1's open has passed, so bar 2's open (105).
    expect(r.fills[0]).toMatchObject({ price: 105 });
    expect(r.fills[0]?.time).toBe(FIRST_BAR + 2 * DAY_MICROS);
  });

  it('fill at the next open when latency is zero, as without a latency model', () => {
    const r = scenario({
      rows: ROWS,
      latency: { fixed: 0 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10)),
    });
    expect(r.fills[0]?.price).toBe(102);
  });

  it('that arrive after the last bar stay working and never fill', () => {
    const r = scenario({ rows: ROWS, onBar: (ctx, bar) => void (bar.index === 2 && ctx.buy(10)) });
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]?.status).toBe('accepted');
  });

  it('market-on-open fills at the next session open and market-on-close at the next session close', () => {
    const r = scenario({
      rows: ROWS,
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(10, { kind: 'market-on-open' });
        ctx.buy(5, { kind: 'market-on-close' });
      },
    });
    // MOO: bar 1's open 102, at its open time; MOC: bar 1's close 103, at its close time.
    expect(r.fills.map((f) => [f.orderId, f.price, f.time])).toEqual([
      [1, 102, FIRST_BAR + DAY_MICROS],
      [2, 103, FIRST_BAR + 2 * DAY_MICROS],
    ]);
  });
});
