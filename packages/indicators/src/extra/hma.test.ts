import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { HMA } from './hma.js';

/** Reference WMA: weights 1 … p over the p values ending at i, NaN where undefined. */
function wma(x: number[], p: number): number[] {
  return x.map((_, i) => {
    if (i < p - 1 || Number.isNaN(x[i - p + 1] as number)) return Number.NaN;
    let num = 0;
    for (let w = 1; w <= p; w++) num += w * (x[i - p + w] as number);
    return num / ((p * (p + 1)) / 2);
  });
}

function reference(x: number[], p: number): number[] {
  const half = wma(x, Math.floor(p / 2));
  const full = wma(x, p);
  const raw = x.map((_, i) => 2 * (half[i] as number) - (full[i] as number));
  return wma(raw, Math.floor(Math.sqrt(p)));
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

describe('HMA', () => {
  it('tracks a straight line without lag (hand computation)', () => {
    // timeperiod 4: WMA(2) = i + 2/3 and WMA(4) = i on x = i + 1, so raw = i + 4/3 and its WMA(2) = i + 1.
    const x = new Float64Array([1, 2, 3, 4, 5, 6]);
    expectClose(HMA(x, { timeperiod: 4 }), [Number.NaN, Number.NaN, Number.NaN, Number.NaN, 5, 6]);
  });

  it('agrees with a reference built from plain WMAs', () => {
    for (const name of ['orcl', 'random', 'flat', 'short']) {
      const c = Array.from(datasets()[name]!.close);
      for (const p of [2, 3, 9, 16, 30]) expectClose(HMA(new Float64Array(c), { timeperiod: p }), reference(c, p));
    }
  });

  it('is the price itself on flat prices', () => {
    const out = HMA(datasets().flat!.close);
    for (let i = 10; i < out.length; i++) expect(out[i]).toBeCloseTo(50, 12);
  });
});
