import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];

describe('fees and slippage in a run', () => {
  it('slip taker fills against the trader by the full modelled amount, off the tick grid', () => {
    // 1.5 bp of 100 = 0.015: a buy pays 100.015, a sell gets 99.985 (not snapped to ticks).
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      slippage: { kind: 'fixed-bps', bps: 1.5 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(100);
        if (bar.index === 1) ctx.sell(100);
      },
    });
    expect(r.fills[0]?.price).toBeCloseTo(100.015, 12);
    expect(r.fills[1]?.price).toBeCloseTo(99.985, 12);
    // Round trip cost 100 × 0.03 = 3.
    expect(r.summary.finalEquity).toBeCloseTo(99_997, 9);
  });

  it('never slip a maker fill', () => {
    const r = scenario({
      rows: [FLAT, [100, 101, 97, 99]],
      slippage: { kind: 'fixed-bps', bps: 50 },
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'limit', limitPrice: 98 })),
    });
    expect(r.fills[0]).toMatchObject({ price: 98, liquidity: 'maker' });
  });

  it('charge each fill its fee and total them in the summary', () => {
    // Per share 0.01, minimum 1: 50 shares → 0.50 → 1; 300 shares → 3.
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      fees: { kind: 'per-share', perShare: 0.01, minimum: 1 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(50);
        if (bar.index === 1) ctx.buy(300);
      },
    });
    expect(r.fills.map((f) => f.fee)).toEqual([1, 3]);
    expect(r.summary.fees).toBe(4);
    expect(r.positions[0]?.fees).toBe(4);
    expect(r.summary.finalEquity).toBe(99_996);
    expect(r.orders.map((o) => o.fees)).toEqual([1, 3]);
  });

  it('move to the next fee tier once enough notional has traded', () => {
    // 600 × 100 = 60,000 at 0.2 % = 120; then 60,000 ≥ 50,000 traded → 0.1 % of 60,000 = 60.
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      leverage: 2,
      fees: {
        kind: 'tiered',
        tiers: [
          { upTo: 50_000, maker: 0, taker: 0.002 },
          { upTo: Number.POSITIVE_INFINITY, maker: 0, taker: 0.001 },
        ],
      },
      onBar: (ctx, bar) => void (bar.index <= 1 && ctx.buy(600)),
    });
    expect(r.fills.map((f) => f.fee)).toEqual([120, 60]);
  });
});

describe('borrow costs', () => {
  it('charge a short the annual borrow rate on its notional for each day held', () => {
    // Short 100 at 100 from bar 1's open to bar 5's open: 4 days × 100 × 100 × 5 % / 365.25.
    const r = scenario({
      rows: [FLAT, FLAT, FLAT, FLAT, FLAT, FLAT],
      borrowRate: 0.05,
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.sell(100);
        if (bar.index === 4) ctx.closePosition();
      },
    });
    const expected = -(4 * 10_000 * 0.05) / 365.25; // −5.4757…
    expect(r.positions[0]?.carry).toBeCloseTo(expected, 9);
    expect(r.trades[0]?.pnl).toBeCloseTo(expected, 9);
    expect(r.summary.finalEquity).toBeCloseTo(100_000 + expected, 9);
    // One day's charge shows in the equity of bar 2: 100,000 − 500 / 365.25.
    expect(r.equity.equity[2]).toBeCloseTo(100_000 - 500 / 365.25, 9);
  });

  it('charge longs nothing', () => {
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      borrowRate: 0.05,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(100)),
    });
    expect(r.positions[0]?.carry).toBe(0);
  });
});
