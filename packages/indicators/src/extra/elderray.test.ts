import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { ELDERRAY } from './elderray.js';

function ema(x: number[], p: number): number[] {
  const out = x.map(() => Number.NaN);
  if (p > x.length) return out;
  let e = 0;
  for (let i = 0; i < p; i++) e += (x[i] as number) / p;
  out[p - 1] = e;
  for (let i = p; i < x.length; i++) out[i] = e = e + (2 / (p + 1)) * ((x[i] as number) - e);
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

describe('ELDERRAY', () => {
  it('matches a hand computation', () => {
    // EMA(2) of 10, 12, 11: 11, then 11 + (11 − 11)·2/3 = 11.
    const out = ELDERRAY(
      new Float64Array([10.5, 13, 12]),
      new Float64Array([9, 11, 9]),
      new Float64Array([10, 12, 11]),
      {
        timeperiod: 2,
      },
    );
    expect(Array.from(out.bullpower)).toEqual([Number.NaN, 2, 1]);
    expect(Array.from(out.bearpower)).toEqual([Number.NaN, 0, -2]);
  });

  it('agrees with a reference on real, random and flat data', () => {
    for (const name of ['orcl', 'random', 'flat', 'short']) {
      const d = datasets()[name]!;
      for (const p of [2, 13, 50]) {
        const e = ema(Array.from(d.close), p);
        const out = ELDERRAY(d.high, d.low, d.close, { timeperiod: p });
        expectClose(
          out.bullpower,
          e.map((x, i) => (d.high[i] as number) - x),
        );
        expectClose(
          out.bearpower,
          e.map((x, i) => (d.low[i] as number) - x),
        );
      }
    }
  });

  it('is 0 on flat prices', () => {
    const d = datasets().flat!;
    const out = ELDERRAY(d.high, d.low, d.close);
    expect(Array.from(out.bullpower.subarray(12))).toEqual(new Array(d.close.length - 12).fill(0));
  });
});
