import { describe, expect, it } from 'vitest';
import { DAY_MICROS, FIRST_BAR, scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];

describe('trades', () => {
  it('record a round trip with its entry, exit, fees, P&L and excursions', () => {
    // Long 10 at bar 1's open (100), sold at bar 3's open (106). Fees: 0.01 a share, minimum 1.
    // Bars held: 1 (high 104, low 97) and 2 (high 108, low 101).
    // MFE = (108 − 100) × 10 = 80; MAE = (97 − 100) × 10 = −30. P&L = 60 − 1 − 1 = 58.
    const r = scenario({
      rows: [FLAT, [100, 104, 97, 102], [102, 108, 101, 107], [106, 107, 105, 106]],
      fees: { kind: 'per-share', perShare: 0.01, minimum: 1 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 2) ctx.closePosition();
      },
    });
    expect(r.trades).toHaveLength(1);
    expect(r.trades[0]).toEqual({
      id: 1,
      instrument: 'TEST.SIM',
      side: 'long',
      entryTime: FIRST_BAR + DAY_MICROS,
      entryPrice: 100,
      quantity: 10,
      exitTime: FIRST_BAR + 3 * DAY_MICROS,
      exitPrice: 106,
      pnl: 58,
      returnFraction: 58 / 1_000,
      fees: 2,
      bars: 2,
      duration: 2 * DAY_MICROS,
      mae: -30,
      mfe: 80,
    });
    expect(r.fills.map((f) => f.tradeId)).toEqual([1, 1]);
    expect(r.summary).toMatchObject({ trades: 1, winningTrades: 1, fills: 2, orders: 2, fees: 2 });
  });

  it('average the entry of a position built in steps and the exit of one sold in steps', () => {
    // Buy 10 at 100 and 10 at 110 → entry 105; sell 5 at 120 and 15 at 90 → exit (600 + 1,350) / 20 = 97.5.
    const r = scenario({
      rows: [FLAT, FLAT, [110, 110, 110, 110], [120, 120, 120, 120], [90, 90, 90, 90]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.buy(10);
        if (bar.index === 2) ctx.sell(5);
        if (bar.index === 3) ctx.sell(15);
      },
    });
    // P&L: 5 × (120 − 105) + 15 × (90 − 105) = 75 − 225 = −150.
    expect(r.trades[0]).toMatchObject({ entryPrice: 105, exitPrice: 97.5, quantity: 20, pnl: -150 });
    expect(r.summary.winningTrades).toBe(0);
  });

  it('close one trade and open the next on a reversal, splitting the fee between them', () => {
    // Long 10 at 100, then sell 20 at 110 with a 0.1 % fee: 2.20 split 1.10 / 1.10.
    const r = scenario({
      rows: [FLAT, FLAT, [110, 110, 110, 110], [105, 105, 105, 105]],
      fees: { kind: 'percent', rate: 0.001 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(20);
      },
    });
    expect(r.trades).toHaveLength(1);
    // Trade 1: 10 × 10 − entry fee 1.00 − exit share 1.10 = 97.90.
    expect(r.trades[0]?.side).toBe('long');
    expect(r.trades[0]?.pnl).toBeCloseTo(97.9, 10);
    expect(r.trades[0]?.fees).toBeCloseTo(2.1, 10);
    expect(r.positions[0]?.quantity).toBe(-10);
    // The reversal fill opened trade 2 (the short of 10).
    expect(r.fills.map((f) => f.tradeId)).toEqual([1, 2]);
  });
});

describe('equity curve', () => {
  it('has one row per bar at the bar open time, valued at its close', () => {
    const rows = [FLAT, [100, 100, 90, 95], [95, 121, 95, 120], [120, 120, 108, 110]];
    const r = scenario({
      rows,
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(500)),
    });
    expect(Array.from(r.equity.time)).toEqual([0, 1, 2, 3].map((i) => FIRST_BAR + i * DAY_MICROS));
    // Cash 100,000 − 50,000 = 50,000; equity 50,000 + 500 × close.
    expect(Array.from(r.equity.cash)).toEqual([100_000, 50_000, 50_000, 50_000]);
    expect(Array.from(r.equity.equity)).toEqual([100_000, 97_500, 110_000, 105_000]);
    // Net exposure 500 × 95 / 97,500; gross equals net for a single long.
    expect(r.equity.netExposure[1]).toBeCloseTo(47_500 / 97_500, 12);
    expect(r.equity.grossExposure[2]).toBeCloseTo(60_000 / 110_000, 12);
    // Peak 110,000 → 105,000: drawdown 5,000 / 110,000 (deeper than 100,000 → 97,500 = 2.5 %).
    expect(r.summary.maxDrawdown).toBeCloseTo(5_000 / 110_000, 12);
    expect(r.summary.totalReturn).toBeCloseTo(0.05, 12);
  });

  it('shows a short as negative net exposure and positive gross exposure', () => {
    const r = scenario({
      rows: [FLAT, FLAT, [80, 80, 80, 80]],
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.sell(100)),
    });
    // Cash 110,000; equity 110,000 − 100 × 80 = 102,000.
    expect(r.equity.equity[2]).toBe(102_000);
    expect(r.equity.netExposure[2]).toBeCloseTo(-8_000 / 102_000, 12);
    expect(r.equity.grossExposure[2]).toBeCloseTo(8_000 / 102_000, 12);
  });
});
