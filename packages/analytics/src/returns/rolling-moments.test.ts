import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededReturns } from '../testing/seeded-series.js';
import { rollingMeanVariance } from './rolling-moments.js';

/** The straightforward O(n·w) computation: two passes over every window. */
function naive(values: readonly number[], w: number): { mean: number[]; variance: number[] } {
  const mean: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (i < w - 1) {
      mean.push(Number.NaN);
      variance.push(Number.NaN);
      continue;
    }
    const xs = values.slice(i - w + 1, i + 1);
    const m = xs.reduce((a, b) => a + b, 0) / w;
    mean.push(m);
    variance.push(w < 2 ? Number.NaN : xs.reduce((a, b) => a + (b - m) ** 2, 0) / (w - 1));
  }
  return { mean, variance };
}

function expectClose(actual: Float64Array, expected: number[], scale: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    if (Number.isNaN(e)) expect(actual[i]).toBeNaN();
    else expect(Math.abs((actual[i] as number) - e)).toBeLessThanOrEqual(1e-12 * scale);
  }
}

describe('rollingMeanVariance', () => {
  it('matches two passes over every window, for short and long windows', () => {
    const values = seededReturns(9, 3000);
    for (const w of [1, 2, 5, 63, 252, 1499, 3000]) {
      const actual = rollingMeanVariance(values, w);
      const expected = naive(Array.from(values), w);
      expectClose(actual.mean, expected.mean, 0.01);
      expectClose(actual.variance, expected.variance, 1e-4);
    }
  });

  it('gives exactly zero variance over stretches of equal values after large moves', () => {
    // A strategy that is flat for a while: returns exactly 0 between bursts of big moves.
    const values = Float64Array.from({ length: 2000 }, (_, i) =>
      Math.floor(i / 300) % 2 === 0 ? ((i * 7919) % 13) / 10 - 0.6 : 0,
    );
    const { mean, variance } = rollingMeanVariance(values, 50);
    for (let i = 349; i < 600; i++) {
      expect(variance[i]).toBe(0);
      expect(mean[i]).toBe(0);
    }
    expectClose(variance, naive(Array.from(values), 50).variance, 1);
  });

  it('keeps its precision on values far from zero', () => {
    const values = Float64Array.from(seededReturns(4, 5000), (r) => 1e6 + r);
    const { variance } = rollingMeanVariance(values, 100);
    const expected = naive(Array.from(values), 100).variance;
    for (const i of [99, 1000, 2345, 4999]) expect(variance[i]).toBeCloseTo(expected[i] as number, 9);
  });

  it('agrees with the two-pass computation on arbitrary inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: -0.5, max: 0.5, noNaN: true })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (xs, w) => {
          const actual = rollingMeanVariance(Float64Array.from(xs), w);
          const expected = naive(xs, w);
          expectClose(actual.mean, expected.mean, 1);
          expectClose(actual.variance, expected.variance, 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns only the warm-up for a window longer than the input, and rejects a bad window', () => {
    expect(Array.from(rollingMeanVariance(Float64Array.of(1, 2), 3).mean).every(Number.isNaN)).toBe(true);
    expect(() => rollingMeanVariance(new Float64Array(2), 0)).toThrow('expected a positive integer window, got 0');
  });
});
