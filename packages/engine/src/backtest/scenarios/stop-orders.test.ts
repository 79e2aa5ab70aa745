import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];

describe('stop orders', () => {
  it('sell at the stop when a long position trades down through it', () => {
    // Long from bar 1's open at 100; bar 2 (long → pessimistic: low first) trades 100 → 94.
    const r = scenario({
      rows: [FLAT, FLAT, [100, 101, 94, 96]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'stop', stopPrice: 95 });
      },
    });
    expect(r.fills[1]).toMatchObject({ side: 'sell', price: 95, liquidity: 'taker' });
    // −5 × 10 = −50.
    expect(r.summary.finalEquity).toBe(99_950);
  });

  it('fill at the open when the open gaps through the stop', () => {
    const r = scenario({
      rows: [FLAT, FLAT, [93, 94, 90, 92]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'stop', stopPrice: 95 });
      },
    });
    // Gap to 93: worse than the stop, as a stop order gives no price protection.
    expect(r.fills[1]?.price).toBe(93);
    expect(r.summary.finalEquity).toBe(99_930);
  });

  it('buy at the stop when price rises through it', () => {
    // Flat book; bar 1: high 103 is 3 away, low 99 is 1 away → 100 → 99 → 103 → 101.
    const r = scenario({
      rows: [FLAT, [100, 103, 99, 101]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10, { kind: 'stop', stopPrice: 102 })),
    });
    expect(r.fills[0]).toMatchObject({ price: 102, liquidity: 'taker' });
  });

  it('round stop prices beyond the market onto the tick grid', () => {
    const r = scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(1, { kind: 'stop', stopPrice: 102.001 });
        ctx.sell(1, { kind: 'stop', stopPrice: 97.999 });
      },
    });
    expect(r.orders.map((o) => o.stopPrice)).toEqual([102.01, 97.99]);
  });
});

describe('stop-limit orders', () => {
  it('fill at the stop when triggered inside the bar with the limit allowing it', () => {
    const r = scenario({
      rows: [FLAT, [100, 103, 99, 101]],
      onBar: (ctx, bar) =>
        void (bar.index === 0 && ctx.buy(10, { kind: 'stop-limit', stopPrice: 102, limitPrice: 102.5 })),
    });
    expect(r.fills[0]).toMatchObject({ price: 102, liquidity: 'taker' });
    expect(r.events.filter((e) => e.orderId === 1).map((e) => e.transition)).toEqual(['accept', 'trigger', 'fill']);
  });

  it('rest as a limit after a gap triggers them beyond the limit, then fill at the limit as maker', () => {
    // Bar 1 gaps to 104 (≥ stop 102: triggered) but stays above the 102 limit (low 103).
    // Bar 2: open 103, high 104 (1 away), low 101.5 (1.5 away) → high first, then down through 102.
    const r = scenario({
      rows: [FLAT, [104, 105, 103, 104], [103, 104, 101.5, 102]],
      onBar: (ctx, bar) =>
        void (bar.index === 0 && ctx.buy(10, { kind: 'stop-limit', stopPrice: 102, limitPrice: 102 })),
    });
    expect(r.fills).toHaveLength(1);
    expect(r.fills[0]).toMatchObject({ price: 102, liquidity: 'maker' });
    expect(r.fills[0]?.time).toBe(r.equity.time[2]);
    expect(r.events.filter((e) => e.orderId === 1).map((e) => e.transition)).toEqual(['accept', 'trigger', 'fill']);
  });

  it('stay untriggered while price stays below the stop', () => {
    const r = scenario({
      rows: [FLAT, [100, 101.99, 99, 101]],
      onBar: (ctx, bar) =>
        void (bar.index === 0 && ctx.buy(10, { kind: 'stop-limit', stopPrice: 102, limitPrice: 103 })),
    });
    expect(r.fills).toHaveLength(0);
    expect(r.events.map((e) => e.transition)).toEqual(['accept']);
  });
});

describe('trailing stops', () => {
  it('trail the high by an amount and sell when price falls back by it', () => {
    // Long 10 at 100 from bar 1. The stop starts 2 under the last close (100): 98.
    // Bar 2: open 101 → watermark 101; long → low first 101 → 100 (stop 99, not hit) → 105 (watermark 105,
    // stop 103) → close 104. Bar 3: open 104, low first → 102 crosses the 103 stop. The 106 high comes
    // after, under the pessimistic path, and never raises the stop.
    const r = scenario({
      rows: [FLAT, FLAT, [101, 105, 100, 104], [104, 106, 102, 103]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'trailing-stop', trailAmount: 2 });
      },
    });
    expect(r.fills[1]).toMatchObject({ side: 'sell', price: 103 });
    expect(r.fills[1]?.time).toBe(r.equity.time[3]);
    expect(r.trades[0]?.pnl).toBe(30);
  });

  it('trail the high by a percent', () => {
    // Watermark 100 → stop 95. Bar 2 peaks at 110 → stop 104.5. Bar 3 opens 107, falls to 104.
    const r = scenario({
      rows: [FLAT, FLAT, [101, 110, 100, 108], [107, 108, 104, 105]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'trailing-stop', trailPercent: 0.05 });
      },
    });
    expect(r.fills[1]?.price).toBe(104.5);
  });

  it('round a percent trail onto the tick grid, below the market for a sell', () => {
    // Watermark 101.37 (bar 1's close) × 0.95 = 96.3015, off the 0.01 grid → 96.30.
    const r = scenario({
      rows: [FLAT, [100, 101.37, 100, 101.37], [101, 101.2, 96, 97]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'trailing-stop', trailPercent: 0.05 });
      },
    });
    expect(r.fills[1]?.price).toBe(96.3);
    expect(r.orders[1]?.stopPrice).toBe(96.3);
  });

  it('trail the low of a short by an amount and buy when price rises back by it', () => {
    // Short 10 at 100. Watermark 100 → stop 103. Bar 2: open 99 (stop 102); short → high first
    // 99 → 100 (no) → 95 (watermark 95, stop 98) → 96. Bar 3: open 97, high first → 99 crosses 98.
    const r = scenario({
      rows: [FLAT, FLAT, [99, 100, 95, 96], [97, 99, 96, 98]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.sell(10);
        if (bar.index === 1) ctx.buy(10, { kind: 'trailing-stop', trailAmount: 3 });
      },
    });
    expect(r.fills[1]).toMatchObject({ side: 'buy', price: 98 });
    expect(r.trades[0]).toMatchObject({ side: 'short', entryPrice: 100, exitPrice: 98, pnl: 20 });
  });

  it('fill at the open when the open gaps below the trailed level', () => {
    // Watermark 100 → stop 98; bar 2 opens at 95.
    const r = scenario({
      rows: [FLAT, FLAT, [95, 96, 94, 95]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'trailing-stop', trailAmount: 2 });
      },
    });
    expect(r.fills[1]?.price).toBe(95);
  });

  it('reject a trailing stop given both or neither trail, or a percent of 1 or more', () => {
    const r = scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.sell(1, { kind: 'trailing-stop' });
        ctx.sell(1, { kind: 'trailing-stop', trailAmount: 1, trailPercent: 0.1 });
        ctx.sell(1, { kind: 'trailing-stop', trailPercent: 1 });
      },
    });
    expect(r.orders.map((o) => o.reason)).toEqual(['INVALID_TRAIL', 'INVALID_TRAIL', 'INVALID_TRAIL']);
  });
});
