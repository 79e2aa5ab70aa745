import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.js';
import { equityFromReturns, periodReturns, type TradeInput } from './inputs.js';
import { dailyTimes, seededReturns } from './testing/seeded-series.js';

/** Every number anywhere in a value, with its path. */
function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  }
  return [];
}

const trade = (pnl: number, entryTime: number, exitTime: number): TradeInput => ({
  instrument: 'BTC-USD',
  side: 'long',
  entryTime,
  exitTime,
  pnl,
  returnFraction: pnl / 10_000,
  bars: 1,
  mae: Math.min(0, pnl),
  mfe: Math.max(0, pnl),
  fees: 0.5,
});

describe('computeMetrics', () => {
  it('groups the figures under stable names and agrees with the single-metric functions', () => {
    const equity = equityFromReturns(seededReturns(1, 300), 10_000);
    const time = dailyTimes(equity.length);
    const m = computeMetrics({ time, equity }, { calendar: 'crypto', riskFreeRate: 0.03 });
    expect(Object.keys(m)).toEqual([
      'sample',
      'returns',
      'risk',
      'drawdown',
      'tail',
      'benchmark',
      'trades',
      'significance',
    ]);
    expect(m.sample).toMatchObject({ bars: 301, periods: 300, periodsPerYear: 365, riskFreeRate: 0.03 });
    const r = Array.from(periodReturns(equity));
    const rf = 1.03 ** (1 / 365) - 1;
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
    expect(m.risk.sharpe).toBeCloseTo(((mean - rf) / sd) * Math.sqrt(365), 10);
    expect(m.returns.totalReturn).toBeCloseTo((equity[300] as number) / 10_000 - 1, 12);
    expect(m.tail.levels.map((l) => l.confidence)).toEqual([0.95, 0.99]);
    expect(m.benchmark).toBeNull();
    expect(m.trades.count).toBe(0);
    expect(m.significance.trials).toBeNull();
    expect(m.significance.sharpeInterval?.samples).toBe(1000);
    expect(m.significance.tradeOrderDrawdown).toBeNull();
  });

  it('returns the same JSON on every run (seeded resampling)', () => {
    const equity = equityFromReturns(seededReturns(2, 200), 100);
    const trades = [trade(5, 0, 1), trade(-3, 2, 3), trade(4, 4, 5)];
    const input = { time: dailyTimes(equity.length), equity, trades };
    expect(JSON.stringify(computeMetrics(input))).toBe(JSON.stringify(computeMetrics(input)));
  });

  it('reports a flat curve with null ratios and zero drawdown', () => {
    const m = computeMetrics({ time: dailyTimes(50), equity: new Float64Array(50).fill(1000) });
    expect(m.returns.totalReturn).toBe(0);
    expect(m.returns.annualisedVolatility).toBe(0);
    expect([m.risk.sharpe, m.risk.sortino, m.risk.omega, m.risk.calmar, m.risk.skew]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(m.drawdown).toMatchObject({ maxDrawdown: 0, peakTime: null, recovered: null, episodes: 0 });
    expect(m.significance).toMatchObject({ tStatistic: null, probabilisticSharpe: null });
    expect(m.significance.sharpeInterval).toMatchObject({ lower: null, upper: null });
  });

  it('reports a single bar with no returns and nothing annualised', () => {
    const m = computeMetrics({ time: Float64Array.of(0), equity: Float64Array.of(100) });
    expect(m.sample).toMatchObject({ bars: 1, periods: 0, periodsPerYear: null, startEquity: 100 });
    expect(m.returns).toMatchObject({ totalReturn: 0, cagr: null, annualisedReturn: null, bestPeriod: null });
    expect(m.returns.monthly).toEqual([{ year: 1970, month: 1, return: 0 }]);
    expect(m.significance.sharpeInterval).toBeNull();
    expect(m.tail.levels[0]?.historicalVar).toBeNull();
  });

  it('reports all-winning trades with a null profit factor and the gross figures to tell why', () => {
    const m = computeMetrics({
      time: dailyTimes(3, 0),
      equity: Float64Array.of(100, 105, 112),
      trades: [trade(5, 0, 86_400_000_000), trade(7, 86_400_000_000, 172_800_000_000)],
    });
    expect(m.trades).toMatchObject({ count: 2, winRate: 1, profitFactor: null, grossLoss: 0, kellyFraction: 1 });
    expect(m.trades.exposureTime).toBe(1);
    expect(m.significance.tradeOrderDrawdown).toMatchObject({ actual: 0, worst: 0 });
  });

  it('accepts a benchmark as equity or as returns and rejects one of the wrong length', () => {
    const equity = equityFromReturns(seededReturns(3, 100), 100);
    const benchmarkEquity = equityFromReturns(seededReturns(4, 100), 50);
    const time = dailyTimes(101);
    const byEquity = computeMetrics({ time, equity, benchmark: { equity: benchmarkEquity } });
    const byReturns = computeMetrics({ time, equity, benchmark: { returns: periodReturns(benchmarkEquity) } });
    expect(byEquity.benchmark).toEqual(byReturns.benchmark);
    expect(byEquity.benchmark?.beta).not.toBeNull();
    expect(() => computeMetrics({ time, equity, benchmark: { returns: new Float64Array(5) } })).toThrow(
      'expected 100 benchmark returns, got 5',
    );
  });

  it('deflates the Sharpe ratio when told how many trials were run', () => {
    const equity = equityFromReturns(seededReturns(5, 500, 0.001), 100);
    const m = computeMetrics({ time: dailyTimes(501), equity }, { trials: { count: 50, sharpeVariance: 0.5 } });
    expect(m.significance.trials).toBe(50);
    expect(m.significance.deflatedSharpe).toBeLessThan(m.significance.probabilisticSharpe as number);
    expect(m.significance.expectedMaxSharpe).toBeGreaterThan(0);
  });

  it('adds the underwater curve only when asked and can skip the resampling', () => {
    const equity = Float64Array.of(100, 90, 95, 110);
    const m = computeMetrics({ time: dailyTimes(4), equity }, { includeSeries: true, bootstrap: false });
    expect(m.drawdown.underwater).toHaveLength(4);
    expect(m.drawdown.underwater?.[1]).toBeCloseTo(-0.1, 14);
    expect(m.significance.sharpeInterval).toBeNull();
    expect(computeMetrics({ time: dailyTimes(4), equity }).drawdown.underwater).toBeUndefined();
  });

  it('adds the rolling Sharpe ratio and volatility by bar only when asked, in the chosen window', () => {
    const equity = Float64Array.of(100, 102, 101, 104, 103, 107);
    const time = dailyTimes(6);
    expect(computeMetrics({ time, equity }).rolling).toBeUndefined();
    const m = computeMetrics({ time, equity }, { includeSeries: true, rollingWindow: 3, calendar: 'crypto' });
    expect(Object.keys(m).at(-1)).toBe('rolling');
    expect(m.rolling?.window).toBe(3);
    expect(m.rolling?.sharpe.slice(0, 4)).toEqual([null, null, null, expect.any(Number)]);
    // Bar 5 covers the returns 101→104, 104→103 and 103→107, by hand.
    const r = [104 / 101 - 1, 103 / 104 - 1, 107 / 103 - 1];
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const sd = Math.sqrt(r.reduce((a, x) => a + (x - mean) ** 2, 0) / 2);
    expect(m.rolling?.sharpe[5]).toBeCloseTo((mean / sd) * Math.sqrt(365), 12);
    expect(m.rolling?.volatility[5]).toBeCloseTo(sd * Math.sqrt(365), 12);
    // Five returns: the default window is half the sample.
    expect(computeMetrics({ time, equity }, { includeSeries: true }).rolling?.window).toBe(2);
  });

  it('gives a one-bar curve a rolling series of one empty value', () => {
    const m = computeMetrics({ time: dailyTimes(1), equity: Float64Array.of(5) }, { includeSeries: true });
    expect(m.rolling).toEqual({ window: 2, sharpe: [null], volatility: [null] });
  });

  it('rejects a rolling window below two periods even without series', () => {
    expect(() =>
      computeMetrics({ time: dailyTimes(3), equity: Float64Array.of(1, 2, 3) }, { rollingWindow: 1 }),
    ).toThrow('expected a rolling window of at least 2 periods, got 1');
  });

  it('never puts NaN or Infinity into the report, whatever the curve and trades', () => {
    const curve = fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), {
      minLength: 1,
      maxLength: 60,
      size: 'max',
    });
    const trades = fc.array(
      fc.record({ pnl: fc.double({ min: -1e4, max: 1e4, noNaN: true }), start: fc.nat(50), length: fc.nat(20) }),
      { maxLength: 12, size: 'max' },
    );
    fc.assert(
      fc.property(curve, trades, (values, ts) => {
        const m = computeMetrics(
          {
            time: dailyTimes(values.length),
            equity: Float64Array.from(values),
            trades: ts.map((t) => trade(t.pnl, t.start * 86_400_000_000, (t.start + t.length) * 86_400_000_000)),
          },
          { bootstrap: { samples: 20 }, monteCarlo: { simulations: 20 } },
        );
        return numbersIn(m).every(([, x]) => Number.isFinite(x));
      }),
      { numRuns: 200 },
    );
  });
});

describe('computeMetrics, the later additions', () => {
  const equity = equityFromReturns(seededReturns(4, 200), 10_000);
  const time = dailyTimes(equity.length);

  it('reports the bootstrap method, with the stationary one on request', () => {
    const iid = computeMetrics({ time, equity }, { bootstrap: { samples: 100 }, monteCarlo: false });
    expect(iid.significance.sharpeInterval).toMatchObject({ method: 'iid', meanBlockLength: null, samples: 100 });
    const blocks = computeMetrics(
      { time, equity },
      { bootstrap: { samples: 100, method: 'stationary', meanBlockLength: 5 }, monteCarlo: false },
    );
    expect(blocks.significance.sharpeInterval).toMatchObject({ method: 'stationary', meanBlockLength: 5 });
    expect(blocks.significance.sharpeInterval?.lower).not.toBe(iid.significance.sharpeInterval?.lower);
  });

  it('splits the trades by side and instrument, with null for what is undefined', () => {
    const trades = [
      trade(10, time[1] as number, time[3] as number),
      { ...trade(-4, time[2] as number, time[5] as number), side: 'short' as const, instrument: 'ETH-USD' },
    ];
    const m = computeMetrics({ time, equity, trades }, { bootstrap: false, monteCarlo: false });
    expect(m.trades.sqnBasis).toBe('pnl');
    expect(m.trades.averageR).toBeNull();
    expect(m.trades.bySide.long).toMatchObject({ count: 1, netProfit: 10, profitFactor: null, sqn: null });
    expect(m.trades.bySide.short).toMatchObject({ count: 1, netProfit: -4, winRate: 0 });
    expect(Object.keys(m.trades.byInstrument)).toEqual(['BTC-USD', 'ETH-USD']);
    expect(numbersIn(m).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
  });
});
