import { normalCdf, normalQuantile } from '@alphintra/analytics';
import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { ParzenEstimator, truncatedNormal } from './parzen-estimator.js';

describe('Parzen estimator', () => {
  it('is a density on its range: it integrates to one', () => {
    const p = new ParzenEstimator([0.2, 0.25, 0.9], 0, 1, false);
    let integral = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) integral += Math.exp(p.logDensity((i + 0.5) / n)) / n;
    expect(integral).toBeCloseTo(1, 6);
  });

  it('is a probability mass over the indexes of a value list', () => {
    const p = new ParzenEstimator([1, 1, 4], 0, 6, true);
    let total = 0;
    for (let i = 0; i <= 6; i++) total += Math.exp(p.logDensity(i));
    expect(total).toBeCloseTo(1, 12);
    // Mass piles up where the observations are.
    expect(p.logDensity(1)).toBeGreaterThan(p.logDensity(6));
  });

  it('samples within its range and where its mass is', () => {
    const rng = new SeededRng(4);
    const near = Array.from({ length: 60 }, (_, i) => 2.9 + i / 300);
    const p = new ParzenEstimator(near, 0, 10, false);
    const xs = Array.from({ length: 5000 }, () => p.sample(rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(10);
    // 60 of the 61 kernels sit near 3 with σ clipped to 10 / 62: most samples fall in [2, 4].
    expect(xs.filter((x) => x >= 2 && x <= 4).length / xs.length).toBeGreaterThan(0.85);
    const discrete = new ParzenEstimator([2], 0, 5, true);
    const ks = Array.from({ length: 2000 }, () => discrete.sample(rng));
    expect(ks.every((k) => Number.isInteger(k) && k >= 0 && k <= 5)).toBe(true);
  });

  it('draws the quantiles of a truncated normal, deep in the tail too', () => {
    // Direct formula: x = μ + σ Φ⁻¹(Φ(a) + u (Φ(b) − Φ(a))).
    for (const u of [0.01, 0.3, 0.5, 0.9]) {
      const a = normalCdf(-1);
      const b = normalCdf(2);
      expect(truncatedNormal(0, 1, -1, 2, u)).toBeCloseTo(normalQuantile(a + u * (b - a)), 10);
    }
    // [8, 9] standard deviations above the mean: Φ is 1 to double precision there, so the
    // mirrored computation must still give values inside the range, near its low end.
    const x = truncatedNormal(0, 1, 8, 9, 0.5);
    expect(x).toBeGreaterThan(8);
    expect(x).toBeLessThan(8.2);
  });
});
