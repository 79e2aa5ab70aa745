import { describe, expect, it } from 'vitest';
import { seededReturns } from '../testing/seeded-series.js';
import { downsideDeviation, omegaRatio, riskFigures, sharpeRatio, sortinoRatio, tailRatio } from './risk-adjusted.js';

// Returns 0.1, −0.1, 0.1, 0.1: mean 0.05, sample std 0.1.
const HAND = Float64Array.of(0.1, -0.1, 0.1, 0.1);

describe('risk-adjusted ratios', () => {
  it('match a hand-computed four-period case', () => {
    // Sharpe: 0.05 / 0.1 × √252.
    expect(sharpeRatio(HAND, 252)).toBeCloseTo(0.5 * Math.sqrt(252), 12);
    // Downside deviation: √(0.1² / 4) = 0.05 → Sortino 0.05 / 0.05 × √252.
    expect(downsideDeviation(HAND)).toBeCloseTo(0.05, 14);
    expect(sortinoRatio(HAND, 252)).toBeCloseTo(Math.sqrt(252), 12);
    // Omega at 0: gains 0.3 over losses 0.1.
    expect(omegaRatio(HAND)).toBeCloseTo(3, 12);
    // Type-7 quantiles of −0.1, 0.1, 0.1, 0.1: q05 = −0.07, q95 = 0.1.
    expect(tailRatio(HAND)).toBeCloseTo(0.1 / 0.07, 12);
  });

  it('give the documented example value', () => {
    // mean 0.008333…, sample std 0.012583… → 0.6623 × √252 ≈ 10.51.
    expect(sharpeRatio(Float64Array.of(0.01, -0.005, 0.02), 252)).toBeCloseTo(10.514, 2);
  });

  it('subtract a per-period risk-free rate from the mean and use it as the Sortino target', () => {
    const rf = 0.01;
    expect(sharpeRatio(HAND, 1, rf)).toBeCloseTo(0.04 / 0.1, 12);
    // Below-target deviations: −0.11 only → √(0.0121 / 4) = 0.055.
    expect(sortinoRatio(HAND, 1, rf)).toBeCloseTo(0.04 / 0.055, 12);
  });

  it('equal naive loops on seeded random series', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = seededReturns(seed, 250);
      const xs = Array.from(r);
      const n = xs.length;
      const m = xs.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
      const dd = Math.sqrt(xs.filter((x) => x < 0).reduce((a, b) => a + b * b, 0) / n);
      const gains = xs.filter((x) => x > 0).reduce((a, b) => a + b, 0);
      const losses = -xs.filter((x) => x < 0).reduce((a, b) => a + b, 0);
      expect(sharpeRatio(r, 252)).toBeCloseTo((m / sd) * Math.sqrt(252), 10);
      expect(sortinoRatio(r, 252)).toBeCloseTo((m / dd) * Math.sqrt(252), 10);
      expect(omegaRatio(r)).toBeCloseTo(gains / losses, 10);
    }
  });

  it('are undefined for a flat curve and for zero volatility', () => {
    expect(sharpeRatio(new Float64Array(10), 252)).toBeNaN();
    // Constant growth: returns differ only by rounding, which must not give a huge Sharpe.
    const growth = Float64Array.from({ length: 50 }, (_, i) => 1.01 ** (i + 1) / 1.01 ** i - 1);
    expect(sharpeRatio(growth, 252)).toBeNaN();
    expect(sortinoRatio(growth, 252)).toBeNaN();
    expect(omegaRatio(growth)).toBeNaN();
    const figures = riskFigures(new Float64Array(10), 252, 0, 0, 0);
    expect(figures.calmar).toBeNaN();
    expect(figures.tailRatio).toBeNaN();
  });

  it('divide the CAGR by the maximum drawdown for the Calmar ratio', () => {
    expect(riskFigures(HAND, 252, 0, 0.3, 0.15).calmar).toBeCloseTo(2, 14);
  });
});
