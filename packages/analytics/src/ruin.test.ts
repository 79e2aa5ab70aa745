import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.js';
import type { TradeInput } from './inputs.js';
import { dailyTimes } from './testing/seeded-series.js';

const time = dailyTimes(5);
const equity = Float64Array.of(100, 120, 60, -10, 5);
const trade = (exitDay: number, pnl: number): TradeInput => ({
  instrument: 'X',
  side: 'long',
  entryTime: time[0] as number,
  exitTime: time[exitDay] as number,
  pnl,
  returnFraction: pnl / 100,
  bars: exitDay,
  mae: Math.min(0, pnl),
  mfe: Math.max(0, pnl),
  fees: 0,
});

describe('a ruined curve', () => {
  const m = computeMetrics(
    { time, equity, trades: [trade(2, -40), trade(4, 15)], benchmark: { equity: Float64Array.of(1, 2, 3, 4, 5) } },
    { includeSeries: true, rollingWindow: 2, bootstrap: { samples: 200 }, monteCarlo: { simulations: 50 } },
  );

  it('is reported with its ruin instead of rejected', () => {
    expect(m.sample).toMatchObject({
      bars: 5,
      periods: 3,
      ruined: true,
      ruinTime: time[3],
      endTime: time[3],
      endEquity: -10,
      startEquity: 100,
    });
  });

  it('is measured up to the ruin, counted as a total loss, by hand', () => {
    // Returns 120/100 − 1 = 0.2, 60/120 − 1 = −0.5, 0/60 − 1 = −1.
    const r = [0.2, -0.5, -1];
    const mean = r.reduce((a, b) => a + b, 0) / 3;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
    expect(m.returns.totalReturn).toBe(-1);
    expect(m.returns.cagr).toBe(-1);
    expect(m.returns.worstPeriod).toBe(-1);
    expect(m.drawdown.maxDrawdown).toBe(1);
    expect(m.risk.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(252), 12);
    // The benchmark is compared over the same three periods: returns 1, 0.5, 1/3.
    expect(m.benchmark?.benchmarkTotalReturn).toBeCloseTo(3, 12);
  });

  it('keeps the trades closed by the ruin and its series one value per bar', () => {
    expect(m.trades.count).toBe(1);
    expect(m.trades.netProfit).toBe(-40);
    expect(m.drawdown.underwater).toEqual([0, 0, -0.5, -1, -1]);
    expect(m.rolling?.sharpe).toHaveLength(5);
    // Bar 3's window holds the returns −0.5 and −1 (mean −0.75, s = √0.125); after the ruin, none.
    expect(m.rolling?.sharpe[3]).toBeCloseTo((-0.75 / Math.sqrt(0.125)) * Math.sqrt(252), 10);
    expect(m.rolling?.sharpe[4]).toBeNull();
  });

  it('is reported as not ruined when equity stays positive, and refuses a curve that starts at zero', () => {
    const fine = computeMetrics({ time, equity: Float64Array.of(100, 101, 102, 103, 104) }, { bootstrap: false });
    expect(fine.sample).toMatchObject({ ruined: false, ruinTime: null, bars: 5, periods: 4 });
    expect(() => computeMetrics({ time, equity: Float64Array.of(0, 1, 2, 3, 4) })).toThrow(
      'expected positive finite equity at index 0, got 0',
    );
    expect(() => computeMetrics({ time, equity: Float64Array.of(1, Number.NaN, 2, 3, 4) })).toThrow(
      'expected finite equity at index 1, got NaN',
    );
  });
});
