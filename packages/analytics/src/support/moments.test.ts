import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededReturns } from '../testing/seeded-series.js';
import { excessKurtosis, mean, quantile, sampleCovariance, sampleStd, sampleVariance, skewness } from './moments.js';

// Returns 0.1, −0.1, 0.1, 0.1: mean 0.05, deviations 0.05, −0.15, 0.05, 0.05.
// Σd² = 0.03 → sample variance 0.01; m2 = 0.0075, m3 = −0.00075, m4 = 1.3125e-4;
// skew = −0.00075 / 0.0075^1.5 = −2/√3; excess kurtosis = 1.3125e-4 / 0.0075² − 3 = −2/3.
const HAND = Float64Array.of(0.1, -0.1, 0.1, 0.1);

describe('sample moments', () => {
  it('match a hand-computed four-value case', () => {
    expect(mean(HAND)).toBeCloseTo(0.05, 15);
    expect(sampleVariance(HAND)).toBeCloseTo(0.01, 15);
    expect(sampleStd(HAND)).toBeCloseTo(0.1, 15);
    expect(skewness(HAND)).toBeCloseTo(-2 / Math.sqrt(3), 12);
    expect(excessKurtosis(HAND)).toBeCloseTo(-2 / 3, 12);
  });

  it('equal a naive one-pass implementation on seeded random series', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const xs = Array.from(seededReturns(seed, 50 + seed * 7));
      const n = xs.length;
      let s1 = 0;
      let s2 = 0;
      for (const x of xs) {
        s1 += x;
        s2 += x * x;
      }
      const m = s1 / n;
      const variance = (s2 - n * m * m) / (n - 1);
      let c3 = 0;
      let c4 = 0;
      for (const x of xs) {
        c3 += (x - m) ** 3 / n;
        c4 += (x - m) ** 4 / n;
      }
      const m2 = (variance * (n - 1)) / n;
      expect(sampleVariance(xs)).toBeCloseTo(variance, 12);
      expect(skewness(xs)).toBeCloseTo(c3 / m2 ** 1.5, 8);
      expect(excessKurtosis(xs)).toBeCloseTo(c4 / m2 ** 2 - 3, 8);
      expect(sampleCovariance(xs, xs)).toBeCloseTo(variance, 12);
    }
  });

  it('are undefined (NaN) for too few values or no spread', () => {
    expect(mean([])).toBeNaN();
    expect(sampleStd([1])).toBeNaN();
    expect(skewness([1, 2])).toBeNaN();
    expect(excessKurtosis([2, 2, 2, 2])).toBeNaN();
  });

  it('take type-7 quantiles like R and NumPy', () => {
    // numpy.quantile([1, 2, 3, 4, 10], [0.05, 0.5, 0.9]) = 1.2, 3, 7.6
    expect(quantile([10, 1, 3, 2, 4], 0.05)).toBeCloseTo(1.2, 14);
    expect(quantile([10, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([10, 1, 3, 2, 4], 0.9)).toBeCloseTo(7.6, 14);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('keep quantiles between the minimum and the maximum and monotone in p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 200, size: 'max' }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p, q) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          const a = quantile(xs, lo);
          const b = quantile(xs, hi);
          return a <= b + 1e-15 && a >= Math.min(...xs) && b <= Math.max(...xs);
        },
      ),
    );
  });
});
