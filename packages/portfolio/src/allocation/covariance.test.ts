import { describe, expect, it } from 'vitest';
import { correlatedReturns } from '../testing/correlated-returns.js';
import { correlationFromCovariance, covarianceMatrix, shrunkCovariance } from './covariance.js';

/**
 * The Ledoit–Wolf constant-correlation intensity written as in Wolf's published covCor.m, with
 * whole-matrix sums (π from E[y²y²] − s², θ from E[y³y] − var·s) — a different route from the
 * element-wise definitions the package follows.
 */
function covCorIntensity(returns: readonly Float64Array[]): number {
  const n = returns.length;
  const t = (returns[0] as Float64Array).length;
  const y = returns.map((r) => {
    const m = r.reduce((a, b) => a + b, 0) / t;
    return Array.from(r, (v) => v - m);
  });
  const e = (f: (k: number) => number): number => {
    let sum = 0;
    for (let k = 0; k < t; k++) sum += f(k);
    return sum / t;
  };
  const sample = y.map((a) => y.map((b) => e((k) => (a[k] as number) * (b[k] as number))));
  const variance = sample.map((row, i) => row[i] as number);
  const sd = variance.map(Math.sqrt);
  let rbar = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j) rbar += (sample[i]?.[j] as number) / ((sd[i] as number) * (sd[j] as number));
  rbar /= n * (n - 1);
  let phi = 0;
  let rho = 0;
  let gamma = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const sij = sample[i]?.[j] as number;
      phi += e((k) => (y[i]?.[k] as number) ** 2 * (y[j]?.[k] as number) ** 2) - sij * sij;
      const prior = i === j ? sij : rbar * (sd[i] as number) * (sd[j] as number);
      gamma += (prior - sij) ** 2;
      if (i === j) rho += e((k) => (y[i]?.[k] as number) ** 4) - sij * sij;
      else {
        const theta = e((k) => (y[i]?.[k] as number) ** 3 * (y[j]?.[k] as number)) - (variance[i] as number) * sij;
        rho += rbar * ((sd[j] as number) / (sd[i] as number)) * theta;
      }
    }
  }
  return Math.max(0, Math.min(1, (phi - rho) / gamma / t));
}

describe('covarianceMatrix', () => {
  it('equals the hand-computed sample covariance (divisor T − 1)', () => {
    // a = (1, 2, 3): mean 2; b = (2, 0, 4): mean 2. Σ(a−ā)² = 2, Σ(a−ā)(b−b̄) = 0·… = (−1)(0) + 0 + (1)(2) = 2, Σ(b−b̄)² = 0 + 4 + 4 = 8.
    const cov = covarianceMatrix([Float64Array.of(1, 2, 3), Float64Array.of(2, 0, 4)]);
    expect(cov[0]?.[0]).toBeCloseTo(1, 15);
    expect(cov[0]?.[1]).toBeCloseTo(1, 15);
    expect(cov[1]?.[0]).toBeCloseTo(1, 15);
    expect(cov[1]?.[1]).toBeCloseTo(4, 15);
  });

  it('rejects series of different lengths and series too short to vary', () => {
    expect(() => covarianceMatrix([Float64Array.of(1, 2), Float64Array.of(1)])).toThrow(
      /2 returns, got 1 for series 1/,
    );
    expect(() => covarianceMatrix([Float64Array.of(1)])).toThrow(/at least 2 returns/);
    expect(() => covarianceMatrix([])).toThrow(/at least one series/);
  });
});

describe('correlationFromCovariance', () => {
  it('divides by the standard deviations and leaves a constant series undefined', () => {
    const corr = correlationFromCovariance([
      [4, 1, 0],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    expect(corr[0]?.[1]).toBeCloseTo(0.5, 15);
    expect(corr[0]?.[0]).toBe(1);
    expect(corr[2]?.[2]).toBeNaN();
    expect(corr[0]?.[2]).toBeNaN();
  });
});

describe('shrunkCovariance', () => {
  const returns = correlatedReturns(11, 4, 60);

  it('with a fixed intensity blends the sample covariance with the constant-correlation target', () => {
    const sample = covarianceMatrix(returns);
    const sd = sample.map((row, i) => Math.sqrt(row[i] as number));
    const correlations: number[] = [];
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++)
        correlations.push((sample[i]?.[j] as number) / ((sd[i] as number) * (sd[j] as number)));
    const average = correlations.reduce((a, b) => a + b, 0) / correlations.length;
    const { matrix, intensity } = shrunkCovariance(returns, 0.3);
    expect(intensity).toBe(0.3);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const target = i === j ? (sample[i]?.[i] as number) : average * (sd[i] as number) * (sd[j] as number);
        expect(matrix[i]?.[j]).toBeCloseTo(0.3 * target + 0.7 * (sample[i]?.[j] as number), 17);
      }
    }
  });

  it('with intensity 0 is the sample covariance, and with two series the target is the sample itself', () => {
    const sample = covarianceMatrix(returns);
    const { matrix } = shrunkCovariance(returns, 0);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) expect(matrix[i]?.[j]).toBeCloseTo(sample[i]?.[j] as number, 18);
    const two = returns.slice(0, 2);
    const shrunk = shrunkCovariance(two, 1).matrix;
    const plain = covarianceMatrix(two);
    expect(shrunk[0]?.[1]).toBeCloseTo(plain[0]?.[1] as number, 18);
  });

  it('picks the Ledoit–Wolf intensity of the published covCor formulation', () => {
    for (const [seed, n] of [
      [3, 30],
      [5, 120],
      [8, 12],
    ] as const) {
      const data = correlatedReturns(seed, 5, n, 0.3);
      const { intensity } = shrunkCovariance(data, 'ledoit-wolf');
      expect(intensity).toBeCloseTo(covCorIntensity(data), 12);
      expect(intensity).toBeGreaterThan(0);
      expect(intensity).toBeLessThanOrEqual(1);
    }
  });

  it('shrinks less as the sample grows when the true correlations differ', () => {
    const loadings = [0.05, 0.3, 0.5, 0.7, 0.9];
    const short = shrunkCovariance(correlatedReturns(21, 5, 20, loadings), 'ledoit-wolf').intensity;
    const long = shrunkCovariance(correlatedReturns(21, 5, 5000, loadings), 'ledoit-wolf').intensity;
    expect(long).toBeLessThan(0.1);
    expect(long).toBeLessThan(short);
  });

  it('shrinks fully toward a target that is the truth (every correlation equal)', () => {
    expect(shrunkCovariance(correlatedReturns(21, 5, 2000, 0.3), 'ledoit-wolf').intensity).toBeGreaterThan(0.9);
  });

  it('rejects a constant series and an intensity outside [0, 1]', () => {
    expect(() => shrunkCovariance([Float64Array.of(1, 2, 3), Float64Array.of(5, 5, 5)], 'ledoit-wolf')).toThrow(
      /series 1 to vary/,
    );
    expect(() => shrunkCovariance(returns, 1.5)).toThrow(/in \[0, 1\], got 1.5/);
  });
});
