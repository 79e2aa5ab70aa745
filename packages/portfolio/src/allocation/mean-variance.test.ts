import { describe, expect, it } from 'vitest';
import { correlatedReturns } from '../testing/correlated-returns.js';
import { covarianceMatrix } from './covariance.js';
import type { Matrix } from './matrix.js';
import {
  inverseVolatilityWeights,
  maximumSharpeWeights,
  meanVarianceUtilityWeights,
  minimumVarianceWeights,
} from './mean-variance.js';

const two = (s1: number, s2: number, rho: number): number[][] => [
  [s1 * s1, rho * s1 * s2],
  [rho * s1 * s2, s2 * s2],
];

function variance(cov: Matrix, w: readonly number[]): number {
  let v = 0;
  for (let i = 0; i < w.length; i++)
    for (let j = 0; j < w.length; j++) v += (w[i] as number) * (cov[i]?.[j] as number) * (w[j] as number);
  return v;
}

const sharpe = (cov: Matrix, mu: readonly number[], w: readonly number[]): number =>
  w.reduce((s, wi, i) => s + wi * (mu[i] as number), 0) / Math.sqrt(variance(cov, w));

describe('minimumVarianceWeights', () => {
  it('matches the two-asset closed form w₁ = (σ₂² − σ₁₂) / (σ₁² + σ₂² − 2σ₁₂)', () => {
    for (const [s1, s2, rho] of [
      [0.2, 0.1, 0.3],
      [0.15, 0.15, -0.5],
      [0.3, 0.1, 0],
    ] as const) {
      const cov = two(s1, s2, rho);
      const c = rho * s1 * s2;
      const w1 = (s2 * s2 - c) / (s1 * s1 + s2 * s2 - 2 * c);
      const w = minimumVarianceWeights(cov);
      expect(w[0]).toBeCloseTo(w1, 12);
      expect(w[1]).toBeCloseTo(1 - w1, 12);
    }
  });

  it('clips the closed form at the boundary when it would short (σ₁₂ > σ₂²)', () => {
    // σ₁ = 0.3, σ₂ = 0.1, ρ = 0.9: σ₁₂ = 0.027 > σ₂² = 0.01, so the unconstrained w₁ is negative.
    const w = minimumVarianceWeights(two(0.3, 0.1, 0.9));
    expect(w[0]).toBe(0);
    expect(w[1]).toBeCloseTo(1, 15);
  });

  it('satisfies the optimality conditions on many assets: equal marginal variance where held, no lower where not', () => {
    const cov = covarianceMatrix(correlatedReturns(9, 7, 120, 0.7));
    const w = minimumVarianceWeights(cov);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const marginal = w.map((_, i) => w.reduce((s, wj, j) => s + (cov[i]?.[j] as number) * wj, 0));
    const level = Math.min(...marginal.filter((_, i) => (w[i] as number) > 0));
    for (const [i, m] of marginal.entries()) {
      if ((w[i] as number) > 0) expect(m).toBeCloseTo(level, 15);
      else expect(m).toBeGreaterThanOrEqual(level - 1e-15);
    }
    // And no nearby feasible point does better.
    const best = variance(cov, w);
    for (let i = 0; i < 7; i++) {
      for (let j = 0; j < 7; j++) {
        if (i === j || (w[i] as number) < 0.01) continue;
        const moved = [...w];
        moved[i] = (moved[i] as number) - 0.01;
        moved[j] = (moved[j] as number) + 0.01;
        expect(variance(cov, moved)).toBeGreaterThan(best);
      }
    }
  });
});

describe('maximumSharpeWeights', () => {
  it('matches the two-asset tangency portfolio w ∝ Σ⁻¹(μ − r) when it is long-only', () => {
    const [s1, s2, rho] = [0.2, 0.1, 0.2];
    const cov = two(s1, s2, rho);
    const mu = [0.08, 0.05];
    const r = 0.01;
    const c = rho * s1 * s2;
    const e1 = (mu[0] as number) - r;
    const e2 = (mu[1] as number) - r;
    const y1 = s2 * s2 * e1 - c * e2;
    const y2 = s1 * s1 * e2 - c * e1;
    const { weights, fallback } = maximumSharpeWeights(cov, mu, r);
    expect(fallback).toBe(false);
    expect(weights[0]).toBeCloseTo(y1 / (y1 + y2), 12);
    expect(weights[1]).toBeCloseTo(y2 / (y1 + y2), 12);
  });

  it('finds the long-only corner a brute-force search over the segment finds', () => {
    // Highly correlated, the second asset much worse: the tangency shorts it, long-only holds none.
    const cov = two(0.2, 0.2, 0.9);
    const mu = [0.1, 0.02];
    const { weights } = maximumSharpeWeights(cov, mu, 0);
    let best = Number.NEGATIVE_INFINITY;
    let arg = -1;
    for (let k = 0; k <= 10_000; k++) {
      const w1 = k / 10_000;
      const s = sharpe(cov, mu, [w1, 1 - w1]);
      if (s > best) {
        best = s;
        arg = w1;
      }
    }
    expect(weights[0]).toBeCloseTo(arg, 4);
    expect(sharpe(cov, mu, weights)).toBeGreaterThanOrEqual(best - 1e-12);
  });

  it('beats every point of a grid over three assets', () => {
    const cov = covarianceMatrix(correlatedReturns(13, 3, 200, 0.4));
    const mu = [0.0004, 0.0009, 0.0006];
    const { weights } = maximumSharpeWeights(cov, mu, 0.0001);
    const target = sharpe(
      cov,
      mu.map((m) => m - 0.0001),
      weights,
    );
    for (let a = 0; a <= 100; a++) {
      for (let b = 0; a + b <= 100; b++) {
        const w = [a / 100, b / 100, (100 - a - b) / 100];
        expect(
          sharpe(
            cov,
            mu.map((m) => m - 0.0001),
            w,
          ),
        ).toBeLessThanOrEqual(target + 1e-12);
      }
    }
  });

  it('falls back to minimum variance when no asset beats the risk-free rate', () => {
    const cov = two(0.2, 0.1, 0.3);
    const { weights, fallback } = maximumSharpeWeights(cov, [0.01, 0.02], 0.03);
    expect(fallback).toBe(true);
    expect(weights).toEqual(minimumVarianceWeights(cov));
  });
});

describe('meanVarianceUtilityWeights', () => {
  it('matches the two-asset interior solution of max μᵀw − (λ/2)wᵀΣw with Σw = 1', () => {
    // Stationarity on the line w₂ = 1 − w₁: μ₁ − μ₂ − λ[(σ₁² − σ₁₂)w₁ − (σ₂² − σ₁₂)(1 − w₁)] = 0.
    const [s1, s2, rho, lambda] = [0.2, 0.1, 0.3, 4];
    const mu = [0.06, 0.04];
    const c = rho * s1 * s2;
    const w1 =
      ((mu[0] as number) - (mu[1] as number) + lambda * (s2 * s2 - c)) / (lambda * (s1 * s1 + s2 * s2 - 2 * c));
    const w = meanVarianceUtilityWeights(two(s1, s2, rho), mu, lambda);
    expect(w[0]).toBeCloseTo(w1, 12);
  });

  it('tends to minimum variance as risk aversion grows, and rejects a non-positive one', () => {
    const cov = two(0.2, 0.1, 0.3);
    expect(meanVarianceUtilityWeights(cov, [0.05, 0.01], 1e9)[0]).toBeCloseTo(
      minimumVarianceWeights(cov)[0] as number,
      6,
    );
    expect(() => meanVarianceUtilityWeights(cov, [0, 0], 0)).toThrow(/positive risk aversion, got 0/);
  });
});

describe('inverseVolatilityWeights', () => {
  it('weights by 1 / σ, by hand', () => {
    // σ = 0.2, 0.1, 0.05 → 1/σ = 5, 10, 20 → 5/35, 10/35, 20/35.
    const w = inverseVolatilityWeights([
      [0.04, 0.01, 0],
      [0.01, 0.01, 0],
      [0, 0, 0.0025],
    ]);
    expect(w[0]).toBeCloseTo(1 / 7, 15);
    expect(w[1]).toBeCloseTo(2 / 7, 15);
    expect(w[2]).toBeCloseTo(4 / 7, 15);
    expect(() => inverseVolatilityWeights([[0]])).toThrow(/positive variance for asset 0, got 0/);
  });
});
