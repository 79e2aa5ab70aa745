import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf, normalQuantile } from './normal.js';

// Reference values from R (pnorm, qnorm), rounded to the nearest double.
const CDF: readonly [number, number][] = [
  [-8, 6.220960574271784e-16],
  [-5, 2.8665157187919391e-7],
  [-3, 0.0013498980316300946],
  [-1.96, 0.024997895148220435],
  [0, 0.5],
  [1, 0.84134474606854293],
  [2.5, 0.99379033467422384],
  [6, 0.9999999990134123],
];

const QUANTILE: readonly [number, number][] = [
  [1e-10, -6.3613409024040557],
  [0.001, -3.0902323061678132],
  [0.025, -1.959963984540054],
  [0.05, -1.6448536269514729],
  [0.5, 0],
  [0.99, 2.3263478740408408],
];

describe('the standard normal distribution', () => {
  it('matches reference values of the distribution function to 1e-13 relative, deep into the lower tail', () => {
    for (const [x, p] of CDF) expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(1e-13 * p);
  });

  it('matches reference quantiles to 1e-13', () => {
    for (const [p, x] of QUANTILE) expect(normalQuantile(p)).toBeCloseTo(x, 13);
  });

  it('is symmetric and inverts its own distribution function', () => {
    for (let x = -6; x <= 6; x += 0.37) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    // Above 3 the upper tail is lost to rounding in 1 − Q, so the round trip is checked below it.
    for (let x = -8; x <= 3; x += 0.37) expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 11);
  });

  it('has the density 1/√(2π) at zero and returns infinities at the ends of (0, 1)', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
