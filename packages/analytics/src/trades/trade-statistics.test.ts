import { describe, expect, it } from 'vitest';
import type { TradeInput } from '../inputs.js';
import { tradeFigures } from './trade-statistics.js';

function trade(pnl: number, entryTime: number, exitTime: number, extra: Partial<TradeInput> = {}): TradeInput {
  return {
    instrument: 'AAPL',
    side: 'long',
    entryTime,
    exitTime,
    pnl,
    returnFraction: pnl / 1000,
    bars: exitTime - entryTime,
    mae: -Math.abs(pnl) / 2,
    mfe: Math.abs(pnl),
    fees: 1,
    ...extra,
  };
}

// P&L in exit order: 10, 20, −5, −5, 0, 15 over intervals [0,10] [5,20] [30,40] [35,38] [90,120]
// and [95,98], on a curve spanning [0, 100].
const TRADES: TradeInput[] = [
  trade(10, 0, 10),
  trade(20, 5, 20, { side: 'short' }),
  trade(-5, 30, 40),
  trade(-5, 35, 41),
  trade(0, 90, 120),
  trade(15, 95, 121),
];

describe('trade statistics', () => {
  it('match a hand-computed list of six trades', () => {
    const f = tradeFigures(TRADES, [0, 100]);
    expect(f).toMatchObject({ count: 6, winners: 3, losers: 2, breakeven: 1, longCount: 5, shortCount: 1 });
    expect(f.winRate).toBe(0.5);
    expect(f.grossProfit).toBe(45);
    expect(f.grossLoss).toBe(-10);
    expect(f.profitFactor).toBe(4.5);
    expect(f.netProfit).toBe(35);
    expect(f.expectancy).toBeCloseTo(35 / 6, 14);
    expect(f.averageWin).toBe(15);
    expect(f.averageLoss).toBe(-5);
    expect(f.payoffRatio).toBe(3);
    // Kelly: 0.5 − 0.5 / 3.
    expect(f.kellyFraction).toBeCloseTo(1 / 3, 14);
    // SQN: √6 × mean / sample std; Σ(x − 35/6)² = 570.8333… over 5.
    expect(f.sqn).toBeCloseTo((Math.sqrt(6) * (35 / 6)) / Math.sqrt(570.8333333333334 / 5), 12);
    expect([f.largestWin, f.largestLoss, f.totalFees]).toEqual([20, -5, 6]);
    // Open time inside [0, 100]: [0, 20] ∪ [30, 41] ∪ [90, 100] = 41.
    expect(f.exposureTime).toBeCloseTo(0.41, 14);
    expect(f.maxDurationMicros).toBe(30);
    expect(f.averageDurationMicros).toBeCloseTo((10 + 15 + 10 + 6 + 30 + 26) / 6, 14);
    // Streaks: W W L L 0 W — the break-even trade ends the losing run.
    expect([f.longestWinStreak, f.longestLossStreak]).toEqual([2, 2]);
    expect(f.averageMfe).toBeCloseTo(55 / 6, 14);
  });

  it('leaves every ratio undefined without trades', () => {
    const f = tradeFigures([], [0, 100]);
    expect(f).toMatchObject({ count: 0, winners: 0, grossProfit: 0, longestWinStreak: 0, exposureTime: 0 });
    for (const key of ['winRate', 'profitFactor', 'expectancy', 'payoffRatio', 'sqn', 'kellyFraction'] as const) {
      expect(f[key]).toBeNaN();
    }
  });

  it('has no profit factor or payoff ratio when every trade wins, and a Kelly fraction of 1', () => {
    const f = tradeFigures([trade(5, 0, 1), trade(7, 2, 3)], [0, 10]);
    expect(f.profitFactor).toBeNaN();
    expect(f.payoffRatio).toBeNaN();
    expect(f.kellyFraction).toBe(1);
    expect(f.winRate).toBe(1);
  });

  it('has a profit factor of 0 when every trade loses', () => {
    const f = tradeFigures([trade(-5, 0, 1), trade(-7, 2, 3)], [0, 10]);
    expect(f.profitFactor).toBe(0);
    expect(f.longestLossStreak).toBe(2);
  });
});

describe('SQN in R-multiples', () => {
  it('measures R = pnl / initialRisk when every trade carries an initial risk, by hand', () => {
    // Risks 10, 20, 5: R = 2, −0.5, 3; mean 1.5, sample variance ((0.5)² + 2² + 1.5²) / 2 = 3.25.
    const trades = [
      trade(20, 0, 1, { initialRisk: 10 }),
      trade(-10, 1, 2, { initialRisk: 20 }),
      trade(15, 2, 3, { initialRisk: 5 }),
    ];
    const f = tradeFigures(trades, [0, 3]);
    expect(f.sqnBasis).toBe('r-multiple');
    expect(f.averageR).toBeCloseTo(1.5, 15);
    expect(f.sqn).toBeCloseTo((Math.sqrt(3) * 1.5) / Math.sqrt(3.25), 14);
  });

  it('falls back to P&L when a trade has no initial risk (or a non-positive one)', () => {
    const mixed = [trade(20, 0, 1, { initialRisk: 10 }), trade(-10, 1, 2)];
    const f = tradeFigures(mixed, [0, 2]);
    expect(f.sqnBasis).toBe('pnl');
    expect(f.averageR).toBeNaN();
    // P&L 20 and −10: mean 5, s = √450.
    expect(f.sqn).toBeCloseTo((Math.sqrt(2) * 5) / Math.sqrt(450), 14);
    expect(tradeFigures([trade(5, 0, 1, { initialRisk: 0 })], [0, 1]).sqnBasis).toBe('pnl');
  });
});
