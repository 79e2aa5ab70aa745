import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { AO } from './ao.js';

function reference(h: number[], l: number[], fast: number, slow: number): number[] {
  const median = h.map((x, i) => (x + (l[i] as number)) / 2);
  const mean = (i: number, p: number) => {
    let s = 0;
    for (let j = i - p + 1; j <= i; j++) s += median[j] as number;
    return s / p;
  };
  return median.map((_, i) => (i < Math.max(fast, slow) - 1 ? Number.NaN : mean(i, fast) - mean(i, slow)));
}

function expectClose(actual: Float64Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    if (Number.isNaN(e)) expect([i, a]).toEqual([i, Number.NaN]);
    else expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
  }
}

describe('AO', () => {
  it('matches a hand computation', () => {
    // Medians 1, 2, 3, 4: SMA(2) − SMA(3) = 2.5 − 2 and 3.5 − 3.
    const high = new Float64Array([2, 3, 4, 5]);
    const low = new Float64Array([0, 1, 2, 3]);
    expect(Array.from(AO(high, low, { fastperiod: 2, slowperiod: 3 }))).toEqual([Number.NaN, Number.NaN, 0.5, 0.5]);
  });

  it('agrees with a reference on real, random and flat data', () => {
    for (const name of ['orcl', 'random', 'flat', 'short']) {
      const d = datasets()[name]!;
      for (const [f, s] of [
        [5, 34],
        [10, 3],
        [1, 1],
      ] as const) {
        const got = AO(d.high, d.low, { fastperiod: f, slowperiod: s });
        expectClose(got, reference(Array.from(d.high), Array.from(d.low), f, s));
      }
    }
  });

  it('is 0 on flat prices', () => {
    const out = AO(datasets().flat!.high, datasets().flat!.low);
    expect(Array.from(out.subarray(33))).toEqual(new Array(out.length - 33).fill(0));
  });
});
