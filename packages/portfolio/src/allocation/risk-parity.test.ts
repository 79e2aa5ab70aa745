import { describe, expect, it } from 'vitest';
import { correlatedReturns } from '../testing/correlated-returns.js';
import { covarianceMatrix } from './covariance.js';
import { riskContributions, riskParityWeights } from './risk-parity.js';

describe('riskParityWeights', () => {
  it('gives every asset the same risk contribution, to 1e-9', () => {
    for (const seed of [1, 2, 3]) {
      const cov = covarianceMatrix(correlatedReturns(seed, 6, 250, 0.6));
      const w = riskParityWeights(cov);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      for (const x of w) expect(x).toBeGreaterThan(0);
      // Contributions computed here from scratch: wᵢ·Σⱼ Σᵢⱼwⱼ over Σᵢⱼ wᵢΣᵢⱼwⱼ.
      let total = 0;
      const parts = w.map((wi, i) => {
        let m = 0;
        for (let j = 0; j < w.length; j++) m += (cov[i]?.[j] as number) * (w[j] as number);
        total += wi * m;
        return wi * m;
      });
      for (const p of parts) expect(Math.abs(p / total - 1 / 6)).toBeLessThan(1e-9);
    }
  });

  it('is inverse volatility for two assets, whatever their correlation', () => {
    for (const rho of [-0.8, 0, 0.3, 0.95]) {
      const s1 = 0.2;
      const s2 = 0.05;
      const w = riskParityWeights([
        [s1 * s1, rho * s1 * s2],
        [rho * s1 * s2, s2 * s2],
      ]);
      expect(w[0]).toBeCloseTo(s2 / (s1 + s2), 12);
      expect(w[1]).toBeCloseTo(s1 / (s1 + s2), 12);
    }
  });

  it('is inverse volatility for uncorrelated assets', () => {
    const w = riskParityWeights([
      [0.04, 0, 0],
      [0, 0.01, 0],
      [0, 0, 0.0025],
    ]);
    // 1/σ = 5, 10, 20 → 5/35, 10/35, 20/35.
    expect(w[0]).toBeCloseTo(1 / 7, 14);
    expect(w[1]).toBeCloseTo(2 / 7, 14);
    expect(w[2]).toBeCloseTo(4 / 7, 14);
  });

  it('meets unequal risk budgets', () => {
    const cov = covarianceMatrix(correlatedReturns(4, 3, 300));
    const w = riskParityWeights(cov, [0.5, 0.3, 0.2]);
    const rc = riskContributions(cov, w);
    expect(rc[0]).toBeCloseTo(0.5, 10);
    expect(rc[1]).toBeCloseTo(0.3, 10);
    expect(rc[2]).toBeCloseTo(0.2, 10);
  });

  it('gives one asset all the weight, and rejects a zero variance or bad budgets', () => {
    expect(riskParityWeights([[0.01]])).toEqual([1]);
    expect(() =>
      riskParityWeights([
        [0.01, 0],
        [0, 0],
      ]),
    ).toThrow(/positive variance for asset 1/);
    expect(() => riskParityWeights([[0.01]], [0])).toThrow(/positive sum/);
    expect(() => riskParityWeights([[0.01]], [1, 1])).toThrow(/expected 1 risk budgets, got 2/);
  });
});
