import { describe, expect, it } from 'vitest';
import { seededReturns } from '../testing/seeded-series.js';
import { cornishFisherQuantile, cornishFisherTailMean, tailRisk } from './value-at-risk.js';

const Z05 = -1.6448536269514722; // qnorm(0.05) in R
const PDF_Z05 = 0.10313564037537128; // dnorm(qnorm(0.05))

describe('value at risk', () => {
  it('takes the historical figures from a hand-sorted sample', () => {
    // Sorted −0.1, 0.1, 0.1, 0.1: q₀.₀₅ = −0.1 + 0.15 × 0.2 = −0.07; only −0.1 lies at or below it.
    const risk = tailRisk(Float64Array.of(0.1, -0.1, 0.1, 0.1), 0.95);
    expect(risk.historicalVar).toBeCloseTo(0.07, 14);
    expect(risk.historicalCvar).toBeCloseTo(0.1, 14);
  });

  it('matches the closed-form normal VaR and expected shortfall', () => {
    const r = seededReturns(11, 500);
    const xs = Array.from(r);
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    const risk = tailRisk(r, 0.95);
    expect(risk.parametricVar).toBeCloseTo(-(m + Z05 * sd), 12);
    expect(risk.parametricCvar).toBeCloseTo(-(m - (sd * PDF_Z05) / 0.05), 12);
  });

  it('averages the tail like a naive sort for the historical CVaR', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = seededReturns(seed, 1000);
      const sorted = Array.from(r).sort((a, b) => a - b);
      const h = 999 * 0.01;
      const q = sorted[Math.floor(h)]! + (h - Math.floor(h)) * (sorted[Math.floor(h) + 1]! - sorted[Math.floor(h)]!);
      const tail = sorted.filter((x) => x <= q);
      const risk = tailRisk(r, 0.99);
      expect(risk.historicalVar).toBeCloseTo(-q, 14);
      expect(risk.historicalCvar).toBeCloseTo(-tail.reduce((a, b) => a + b, 0) / tail.length, 14);
    }
  });

  it('reduces Cornish–Fisher to the normal figures without skew or excess kurtosis', () => {
    expect(cornishFisherQuantile(Z05, 0, 0)).toBe(Z05);
    // z = −1.645, S = −1, K = 3: z + (z² − 1)(−1)/6 + (z³ − 3z)(3)/24 − (2z³ − 5z)/36.
    const z = Z05;
    const expected = z - (z * z - 1) / 6 + ((z ** 3 - 3 * z) * 3) / 24 - (2 * z ** 3 - 5 * z) / 36;
    expect(cornishFisherQuantile(z, -1, 3)).toBeCloseTo(expected, 14);
  });

  it('gets a larger Cornish–Fisher loss than the normal one for negatively skewed, fat-tailed returns', () => {
    const risk = tailRisk(seededReturns(5, 2000), 0.99);
    expect(risk.cornishFisherVar).toBeGreaterThan(risk.parametricVar);
    expect(risk.cornishFisherCvar).toBeGreaterThan(risk.cornishFisherVar);
  });

  it('integrates the Cornish–Fisher tail close to the closed-form normal shortfall when the shape is normal', () => {
    expect(cornishFisherTailMean(0.05, 0, 0)).toBeCloseTo(-PDF_Z05 / 0.05, 3);
    expect(cornishFisherTailMean(0.01, 0, 0)).toBeCloseTo(-0.02665214220345808 / 0.01, 3);
  });

  it('leaves the Cornish–Fisher figures undefined below four returns', () => {
    expect(tailRisk(Float64Array.of(0.01, -0.02, 0.03), 0.95).cornishFisherVar).toBeNaN();
  });

  it('rejects a confidence level outside (0, 1)', () => {
    expect(() => tailRisk(new Float64Array(3), 1)).toThrow('expected a confidence level in (0, 1), got 1');
  });
});
