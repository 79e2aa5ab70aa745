import { describe, expect, it } from 'vitest';
import { sharpeRatio } from '../risk/risk-adjusted.js';
import { seededReturns } from '../testing/seeded-series.js';
import { bootstrapSharpeInterval, pnlPathMaxDrawdown, tradeOrderDrawdowns } from './resampling.js';

describe('bootstrap of the Sharpe ratio', () => {
  it('repeats exactly for a seed and brackets the sample Sharpe', () => {
    const r = seededReturns(8, 500, 0.001);
    const options = { samples: 400, seed: 3, confidence: 0.9 };
    const a = bootstrapSharpeInterval(r, 252, options);
    expect(bootstrapSharpeInterval(r, 252, options)).toEqual(a);
    expect(bootstrapSharpeInterval(r, 252, { ...options, seed: 4 })).not.toEqual(a);
    const sr = sharpeRatio(r, 252);
    expect(a.lower).toBeLessThan(sr);
    expect(a.upper).toBeGreaterThan(sr);
  });

  it('has a width close to the asymptotic ±z·√((1 + SR²/2)/n) for normal-looking returns', () => {
    const r = seededReturns(12, 2000, 0.0005, 0.01);
    const interval = bootstrapSharpeInterval(r, 1, { samples: 2000, seed: 1, confidence: 0.95 });
    const sr = sharpeRatio(r, 1);
    const halfWidth = 1.959963984540054 * Math.sqrt((1 + (sr * sr) / 2) / r.length);
    expect((interval.upper - interval.lower) / 2).toBeCloseTo(halfWidth, 2);
  });

  it('has no interval for a flat series', () => {
    const interval = bootstrapSharpeInterval(new Float64Array(30), 252, { samples: 50, seed: 0, confidence: 0.95 });
    expect(interval.lower).toBeNaN();
  });
});

describe('trade-order Monte Carlo', () => {
  it('measures the actual path by hand', () => {
    // 100 → 110 → 88 → 98: the fall from 110 to 88 is 20 %.
    expect(pnlPathMaxDrawdown(100, [10, -22, 10])).toBeCloseTo(0.2, 14);
    expect(pnlPathMaxDrawdown(100, [10, -200])).toBe(1);
  });

  it('repeats for a seed and never finds drawdowns when every trade wins', () => {
    const pnl = [5, -3, 8, -6, 2, -1, 4, -7, 9];
    const a = tradeOrderDrawdowns(100, pnl, { simulations: 500, seed: 2 });
    expect(tradeOrderDrawdowns(100, pnl, { simulations: 500, seed: 2 })).toEqual(a);
    expect(a.median).toBeLessThanOrEqual(a.p95);
    expect(a.p95).toBeLessThanOrEqual(a.worst);
    // The worst ordering puts all four losers together: 17 below a peak of 128 at most.
    expect(a.worst).toBeLessThanOrEqual(17 / 100 + 1e-12);
    expect(tradeOrderDrawdowns(100, [1, 2, 3], { simulations: 20, seed: 0 }).worst).toBe(0);
  });
});
