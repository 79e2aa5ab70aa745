import { describe, expect, it } from 'vitest';
import type { TradeInput } from '../inputs.js';
import { tradeSplits } from './trade-splits.js';

const trade = (instrument: string, side: 'long' | 'short', pnl: number, exit: number): TradeInput => ({
  instrument,
  side,
  entryTime: exit - 1,
  exitTime: exit,
  pnl,
  returnFraction: pnl / 100,
  bars: 1,
  mae: 0,
  mfe: 0,
  fees: 0.5,
});

// B long +10, A short −4, A long +6, B short +2, A long −2.
const TRADES = [
  trade('B', 'long', 10, 1),
  trade('A', 'short', -4, 2),
  trade('A', 'long', 6, 3),
  trade('B', 'short', 2, 4),
  trade('A', 'long', -2, 5),
];

describe('tradeSplits', () => {
  const s = tradeSplits(TRADES, [0, 10]);

  it('splits by side, by hand', () => {
    // Long: +10, +6, −2 → net 14, win rate 2/3, profit factor 16/2 = 8. Short: −4, +2 → net −2.
    expect(s.bySide.long).toMatchObject({
      count: 3,
      winners: 2,
      losers: 1,
      netProfit: 14,
      profitFactor: 8,
      totalFees: 1.5,
    });
    expect(s.bySide.long.winRate).toBeCloseTo(2 / 3, 15);
    expect(s.bySide.short).toMatchObject({
      count: 2,
      winners: 1,
      losers: 1,
      netProfit: -2,
      profitFactor: 0.5,
      expectancy: -1,
    });
  });

  it('splits by instrument, in id order, by hand', () => {
    expect(Object.keys(s.byInstrument)).toEqual(['A', 'B']);
    // A: −4, +6, −2 → net 0, expectancy 0; B: +10, +2 → no loss, profit factor undefined.
    expect(s.byInstrument.A).toMatchObject({ count: 3, winners: 1, losers: 2, netProfit: 0, expectancy: 0 });
    expect(s.byInstrument.B?.profitFactor).toBeNaN();
    expect(s.byInstrument.B?.exposureTime).toBeCloseTo(0.2, 15);
  });

  it('gives empty sides and no instruments without trades', () => {
    const empty = tradeSplits([], [0, 1]);
    expect(empty.bySide.long.count).toBe(0);
    expect(empty.bySide.long.winRate).toBeNaN();
    expect(empty.byInstrument).toEqual({});
  });
});
