import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { CHOP } from './chop.js';

function reference(h: number[], l: number[], c: number[], p: number): number[] {
  return c.map((_, i) => {
    if (i < p) return Number.NaN;
    let travelled = 0;
    let hi = -Infinity;
    let lo = Infinity;
    for (let j = i - p + 1; j <= i; j++) {
      const hj = h[j] as number;
      const lj = l[j] as number;
      const pc = c[j - 1] as number;
      travelled += Math.max(hj, pc) - Math.min(lj, pc);
      hi = Math.max(hi, hj);
      lo = Math.min(lo, lj);
    }
    return hi === lo ? Number.NaN : (100 * Math.log(travelled / (hi - lo))) / Math.log(p);
  });
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

describe('CHOP', () => {
  it('matches a hand computation', () => {
    const high = new Float64Array([10, 11, 12]);
    const low = new Float64Array([9, 10, 10.5]);
    const close = new Float64Array([9.5, 10.5, 11]);
    // True ranges 1.5 and 1.5 over a range 12 − 10: 100·log2(3 / 2).
    expectClose(CHOP(high, low, close, { timeperiod: 2 }), [Number.NaN, Number.NaN, 58.496250072115615]);
  });

  it('is 100·log(n)/log(n) = 100 when every bar spans the whole range, and NaN without range', () => {
    const n = 6;
    const high = new Float64Array(n).fill(11);
    const low = new Float64Array(n).fill(9);
    const close = new Float64Array(n).fill(10);
    expect(CHOP(high, low, close, { timeperiod: 4 })[5]).toBeCloseTo(100 * (Math.log10(4) / Math.log10(4)), 12);
    const flat = datasets().flat!;
    expect(CHOP(flat.high, flat.low, flat.close).every((x) => Number.isNaN(x))).toBe(true);
  });

  it('agrees with a reference on real, random and gap data', () => {
    for (const name of ['orcl', 'random', 'gap', 'short']) {
      const d = datasets()[name]!;
      for (const p of [2, 14, 30]) {
        const want = reference(Array.from(d.high), Array.from(d.low), Array.from(d.close), p);
        expectClose(CHOP(d.high, d.low, d.close, { timeperiod: p }), want);
      }
    }
  });
});
