import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];

describe('limit orders', () => {
  it('buy at the limit when the bar trades down through it, as maker', () => {
    // Bar 1: open 100, high 101 (1 away), low 97 (3 away); flat book → nearest first: 100 → 101 → 97 → 99.
    const r = scenario({
      rows: [FLAT, [100, 101, 97, 99]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 98 })),
    });
    expect(r.fills[0]).toMatchObject({ side: 'buy', quantity: 10, price: 98, liquidity: 'maker' });
    // 100,000 − 980 + 10 × 99 = 100,010.
    expect(r.summary.finalEquity).toBe(100_010);
  });

  it('sell at the limit when the bar trades up through it, as maker', () => {
    const r = scenario({
      rows: [FLAT, [100, 100, 100, 100], [100, 104, 99, 103]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'limit', limitPrice: 102.5 });
      },
    });
    expect(r.fills[1]).toMatchObject({ side: 'sell', price: 102.5, liquidity: 'maker' });
    // Bought 10 at 100, sold at 102.5: +25.
    expect(r.summary.finalEquity).toBe(100_025);
  });

  it('buy at the open when the open gaps below the limit, taking liquidity', () => {
    const r = scenario({
      rows: [FLAT, [96, 99, 95, 97]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 98 })),
    });
    // The order meets the market at its first open (96), better than its limit.
    expect(r.fills[0]).toMatchObject({ price: 96, liquidity: 'taker' });
  });

  it('sell at the open when the open gaps above the limit', () => {
    const r = scenario({
      rows: [FLAT, FLAT, [105, 106, 104, 105]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'limit', limitPrice: 102 });
      },
    });
    expect(r.fills[1]).toMatchObject({ side: 'sell', price: 105, liquidity: 'taker' });
  });

  it('fill as maker at the open when they rested through earlier bars', () => {
    // Bar 1 stays above 98; bar 2 gaps to 96: the order was already in the book.
    const r = scenario({
      rows: [FLAT, [100, 101, 99, 100], [96, 97, 95, 96]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 98 })),
    });
    expect(r.fills[0]).toMatchObject({ price: 96, liquidity: 'maker' });
  });

  it('fill on a touch by default, and only when traded through with limitFillOnTouch false', () => {
    const rows = [FLAT, [100, 101, 98, 100]];
    const onBar = (ctx: Parameters<NonNullable<Parameters<typeof scenario>[0]['onBar']>>[0], bar: { index: number }) =>
      void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 98 }));
    expect(scenario({ rows, onBar }).fills[0]?.price).toBe(98);
    expect(scenario({ rows, onBar, limitFillOnTouch: false }).fills).toHaveLength(0);
    // Traded through (low 97.99) it fills at the limit either way.
    const through = scenario({ rows: [FLAT, [100, 101, 97.99, 100]], onBar, limitFillOnTouch: false });
    expect(through.fills[0]?.price).toBe(98);
  });

  it('round limit prices away from the market onto the tick grid', () => {
    const r = scenario({
      rows: [FLAT, [100, 101, 97, 99]],
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(1, { kind: 'limit', limitPrice: 98.567 });
        ctx.sell(1, { kind: 'limit', limitPrice: 100.001 });
      },
    });
    // Buy limit 98.567 → 98.56 (down); sell limit 100.001 → 100.01 (up).
    expect(r.orders.map((o) => o.limitPrice)).toEqual([98.56, 100.01]);
  });

  it('reject a post-only limit that would take liquidity at the open', () => {
    const r = scenario({
      rows: [FLAT, [96, 99, 95, 97]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 98, postOnly: true })),
    });
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]).toMatchObject({ status: 'rejected', reason: 'POST_ONLY_WOULD_TAKE' });
    expect(r.updates.map((u) => u.status)).toEqual(['accepted', 'rejected']);
  });

  it('fill a post-only limit as maker when it rests until the market comes to it', () => {
    const r = scenario({
      rows: [FLAT, [100, 101, 97, 99]],
      fees: { kind: 'maker-taker', maker: -0.0001, taker: 0.0005 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 98, postOnly: true })),
    });
    // Maker rebate: 10 × 98 × 0.0001 = 0.098 received.
    expect(r.fills[0]).toMatchObject({ price: 98, liquidity: 'maker' });
    expect(r.fills[0]?.fee).toBeCloseTo(-0.098, 12);
    expect(r.positions[0]?.fees).toBeCloseTo(-0.098, 12);
  });

  it('reject post-only on anything but a limit as a malformed request', () => {
    const r = scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { postOnly: true })),
    });
    expect(r.orders[0]).toMatchObject({ status: 'rejected', reason: 'INVALID_POST_ONLY' });
  });
});
