import { describe, expect, it } from 'vitest';
import { excessKurtosis, skewness } from '../support/moments.js';
import { normalCdf } from '../support/normal.js';
import { seededReturns } from '../testing/seeded-series.js';
import {
  deflatedSharpeRatio,
  expectedMaxSharpe,
  meanReturnTStatistic,
  probabilisticSharpeFromMoments,
  probabilisticSharpeRatio,
} from './sharpe-significance.js';

describe('Sharpe significance', () => {
  it('reproduces the deflated Sharpe example of Bailey and López de Prado (2014)', () => {
    // 100 trials whose annualised Sharpes vary with variance 0.5; the best reaches 2.5 a year
    // over 1250 daily returns (250 a year) with skew −3 and kurtosis 10 (excess 7).
    const threshold = expectedMaxSharpe(100, 0.5 / 250);
    expect(threshold).toBeCloseTo(0.1132, 4);
    const dsr = probabilisticSharpeFromMoments(2.5 / Math.sqrt(250), threshold, 1250, -3, 7);
    expect(dsr).toBeCloseTo(0.9004, 3);
  });

  it('computes the expected maximum Sharpe by hand for 10 trials', () => {
    // (1 − γ)·Φ⁻¹(0.9) + γ·Φ⁻¹(1 − 1/(10e)), with Φ⁻¹(0.9) = 1.2815515655446004 (qnorm in R):
    // solving for the second quantile must give a point where Φ is 1 − 1/(10e).
    const g = 0.5772156649015329;
    const second = (expectedMaxSharpe(10, 1) - (1 - g) * 1.2815515655446004) / g;
    expect(normalCdf(second)).toBeCloseTo(1 - 1 / (10 * Math.E), 12);
    expect(expectedMaxSharpe(10, 4)).toBeCloseTo(2 * expectedMaxSharpe(10, 1), 14);
    expect(expectedMaxSharpe(1, 4)).toBe(0);
    expect(() => expectedMaxSharpe(0, 1)).toThrow(/trials/);
  });

  it('matches a direct evaluation of the PSR formula and the t-statistic on seeded series', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = seededReturns(seed, 500);
      const xs = Array.from(r);
      const n = xs.length;
      const m = xs.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
      const sr = m / sd;
      const g3 = skewness(r);
      const g4 = excessKurtosis(r) + 3;
      const z = (sr * Math.sqrt(n - 1)) / Math.sqrt(1 - g3 * sr + ((g4 - 1) / 4) * sr * sr);
      expect(probabilisticSharpeRatio(r)).toBeCloseTo(normalCdf(z), 12);
      expect(meanReturnTStatistic(r)).toBeCloseTo(m / (sd / Math.sqrt(n)), 10);
    }
  });

  it('deflates more as the number of trials grows', () => {
    const r = seededReturns(4, 750, 0.001);
    const one = deflatedSharpeRatio(r, 1, 1, 252);
    const many = deflatedSharpeRatio(r, 1000, 1, 252);
    expect(one).toBeCloseTo(probabilisticSharpeRatio(r), 14);
    expect(many).toBeLessThan(one);
  });

  it('is undefined for a flat series', () => {
    expect(probabilisticSharpeRatio(new Float64Array(20))).toBeNaN();
    expect(meanReturnTStatistic(new Float64Array(20))).toBeNaN();
  });
});
