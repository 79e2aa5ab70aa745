import { MICROS_PER_DAY } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { MICROS_PER_YEAR } from '../annualisation.js';
import { periodReturns } from '../inputs.js';
import { returnFigures } from './return-metrics.js';

describe('returnFigures', () => {
  it('match a hand-computed four-period curve', () => {
    // 100 → 110 → 99 → 108.9 → 119.79: returns 0.1, −0.1, 0.1, 0.1; total 0.1979.
    const equity = Float64Array.of(100, 110, 99, 108.9, 119.79);
    const time = Float64Array.from({ length: 5 }, (_, i) => i * MICROS_PER_DAY);
    const figures = returnFigures({ time, equity }, periodReturns(equity), 252);
    expect(figures.totalReturn).toBeCloseTo(0.1979, 12);
    // CAGR over 4 calendar days: 1.1979^(365.25 / 4) − 1.
    expect(figures.cagr).toBeCloseTo(1.1979 ** (MICROS_PER_YEAR / (4 * MICROS_PER_DAY)) - 1, 6);
    // Geometric annualisation over 4 periods at 252 a year: 1.1979^63 − 1.
    expect(figures.annualisedReturn).toBeCloseTo(1.1979 ** 63 - 1, 3);
    expect(figures.meanReturn).toBeCloseTo(0.05, 12);
    // Sample std 0.1 → 0.1 × √252.
    expect(figures.annualisedVolatility).toBeCloseTo(0.1 * Math.sqrt(252), 12);
    expect(figures.bestPeriod).toBeCloseTo(0.1, 12);
    expect(figures.worstPeriod).toBeCloseTo(-0.1, 12);
    expect(figures.worstPeriodTime).toBe(2 * MICROS_PER_DAY);
    expect([figures.positivePeriods, figures.negativePeriods]).toEqual([3, 1]);
  });

  it('leave every per-period figure undefined for a single bar', () => {
    const figures = returnFigures({ time: Float64Array.of(0), equity: Float64Array.of(5) }, new Float64Array(0), 252);
    expect(figures.totalReturn).toBe(0);
    expect(figures.cagr).toBeNaN();
    expect(figures.annualisedVolatility).toBeNaN();
    expect(figures.bestPeriod).toBeNaN();
  });
});
