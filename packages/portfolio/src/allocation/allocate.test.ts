import { describe, expect, it } from 'vitest';
import type { ResolvedAllocation } from '../spec/check-spec.js';
import { correlatedReturns } from '../testing/correlated-returns.js';
import { allocate, capWeights, equalWeights } from './allocate.js';
import { shrunkCovariance } from './covariance.js';
import { riskContributions } from './risk-parity.js';

const sampleSd = (x: Float64Array): number => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
};

describe('capWeights', () => {
  it('cuts weights at the cap and shares the excess in proportion, by hand', () => {
    // 0.7 → 0.5; the excess 0.2 goes 2:1 to 0.2 and 0.1 → 0.3333…, 0.1666….
    const w = capWeights([0.7, 0.2, 0.1], 0.5);
    expect(w[0]).toBe(0.5);
    expect(w[1]).toBeCloseTo(0.2 + (0.2 * 2) / 3, 15);
    expect(w[2]).toBeCloseTo(0.1 + 0.2 / 3, 15);
  });

  it('repeats until no weight is above the cap', () => {
    // 0.6 → 0.35, excess 0.25 → 0.4875 and 0.1625; 0.4875 → 0.35, excess 0.1375 → 0.3.
    const w = capWeights([0.6, 0.3, 0.1], 0.35);
    expect(w[0]).toBe(0.35);
    expect(w[1]).toBe(0.35);
    expect(w[2]).toBeCloseTo(0.3, 15);
  });

  it('shares equally among zero weights, and leaves weights under the cap alone', () => {
    expect(capWeights([1, 0, 0, 0], 0.25)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(capWeights([0.3, 0.7], 0.8)).toEqual([0.3, 0.7]);
  });
});

describe('allocate', () => {
  const returns = correlatedReturns(5, 3, 100, 0.4);
  const lookback = 40;

  it('gives fixed and equal weights whatever the history', () => {
    expect(allocate({ kind: 'fixed', weights: [0.2, 0.5, 0.3] }, returns, Number.POSITIVE_INFINITY)).toEqual({
      weights: [0.2, 0.5, 0.3],
      fallback: '',
    });
    expect(allocate({ kind: 'equal' }, returns, Number.POSITIVE_INFINITY).weights).toEqual(equalWeights(3));
  });

  it('gives equal weights until the lookback is filled', () => {
    const short = returns.map((r) => r.subarray(0, lookback - 1));
    expect(allocate({ kind: 'inverse-volatility', lookback }, short, Number.POSITIVE_INFINITY)).toEqual({
      weights: [1 / 3, 1 / 3, 1 / 3],
      fallback: 'too-little-history',
    });
  });

  it('weights by inverse volatility over the last lookback returns only', () => {
    const inverse = returns.map((r) => 1 / sampleSd(r.subarray(r.length - lookback)));
    const total = inverse.reduce((a, b) => a + b, 0);
    const { weights } = allocate({ kind: 'inverse-volatility', lookback }, returns, Number.POSITIVE_INFINITY);
    for (let i = 0; i < 3; i++) expect(weights[i]).toBeCloseTo((inverse[i] as number) / total, 14);
    // Older returns do not matter.
    const changed = returns.map((r) => {
      const c = Float64Array.from(r);
      c[0] = 0.5;
      return c;
    });
    expect(allocate({ kind: 'inverse-volatility', lookback }, changed, Number.POSITIVE_INFINITY).weights).toEqual(
      weights,
    );
  });

  it('gives equal risk contributions under the shrunk covariance of the window', () => {
    const method: ResolvedAllocation = { kind: 'risk-parity', lookback, shrinkage: 'ledoit-wolf', budgets: undefined };
    const { weights } = allocate(method, returns, Number.POSITIVE_INFINITY);
    const cov = shrunkCovariance(
      returns.map((r) => r.subarray(r.length - lookback)),
      'ledoit-wolf',
    ).matrix;
    for (const c of riskContributions(cov, weights)) expect(c).toBeCloseTo(1 / 3, 10);
  });

  it('treats an idle sleeve as the least risky active one, not as riskless', () => {
    const idle = [returns[0] as Float64Array, returns[1] as Float64Array, new Float64Array(100)];
    const { weights } = allocate({ kind: 'inverse-volatility', lookback }, idle, Number.POSITIVE_INFINITY);
    const sd = idle.slice(0, 2).map((r) => sampleSd(r.subarray(100 - lookback)));
    const floor = Math.min(...sd);
    const inverse = [...sd, floor].map((s) => 1 / s);
    const total = inverse.reduce((a, b) => a + b, 0);
    for (let i = 0; i < 3; i++) expect(weights[i]).toBeCloseTo((inverse[i] as number) / total, 14);
    const parity = allocate(
      { kind: 'risk-parity', lookback, shrinkage: 0, budgets: undefined },
      idle,
      Number.POSITIVE_INFINITY,
    );
    expect(parity.weights.every((w) => w > 0)).toBe(true);
  });

  it('falls back to equal weights when every sleeve was idle, and to minimum variance without excess returns', () => {
    const flat = [new Float64Array(50), new Float64Array(50)];
    expect(allocate({ kind: 'min-variance', lookback, shrinkage: 0 }, flat, Number.POSITIVE_INFINITY)).toEqual({
      weights: [0.5, 0.5],
      fallback: 'all-sleeves-idle',
    });
    const losing = returns.map((r) => r.map((v) => v - 0.01));
    const sharpe = allocate({ kind: 'max-sharpe', lookback, shrinkage: 0, riskFreeRate: 0 }, losing, 1);
    expect(sharpe.fallback).toBe('no-excess-return');
    expect(sharpe.weights).toEqual(allocate({ kind: 'min-variance', lookback, shrinkage: 0 }, losing, 1).weights);
  });

  it('caps the weights of any method', () => {
    const { weights } = allocate({ kind: 'fixed', weights: [0.8, 0.1, 0.1] }, returns, 0.5);
    expect(weights[0]).toBe(0.5);
    expect(weights[1]).toBeCloseTo(0.25, 15);
  });
});
