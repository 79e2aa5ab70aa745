import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { ZLEMA } from './zlema.js';

function reference(x: number[], p: number): number[] {
  const lag = Math.floor((p - 1) / 2);
  const out = x.map(() => Number.NaN);
  const first = lag + p - 1;
  if (first >= x.length) return out;
  const d = (i: number) => (x[i] as number) + ((x[i] as number) - (x[i - lag] as number));
  let e = 0;
  for (let i = lag; i <= first; i++) e += d(i) / p;
  out[first] = e;
  for (let i = first + 1; i < x.length; i++) {
    e = e + (2 / (p + 1)) * (d(i) - e);
    out[i] = e;
  }
  return out;
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

describe('ZLEMA', () => {
  it('matches a hand computation', () => {
    // timeperiod 3: lag 1, k 0.5; de-lagged 3, 6, 12, 24; seed (3 + 6 + 12) / 3 = 7; then 7 + (24 − 7)/2.
    const x = new Float64Array([1, 2, 4, 8, 16]);
    expect(Array.from(ZLEMA(x, { timeperiod: 3 }))).toEqual([Number.NaN, Number.NaN, Number.NaN, 7, 15.5]);
  });

  it('agrees with a reference on real, random and flat data', () => {
    for (const name of ['orcl', 'random', 'flat', 'short']) {
      const c = Array.from(datasets()[name]!.close);
      for (const p of [2, 3, 4, 20, 39]) expectClose(ZLEMA(new Float64Array(c), { timeperiod: p }), reference(c, p));
    }
  });

  it('is the price itself on flat prices', () => {
    const out = ZLEMA(datasets().flat!.close);
    expect(Array.from(out.subarray(28))).toEqual(new Array(out.length - 28).fill(50));
  });
});
