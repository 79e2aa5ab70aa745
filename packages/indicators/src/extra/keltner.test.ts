import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { KELTNER } from './keltner.js';

/** Reference EMA seeded with the mean of the first `p` values. */
function ema(x: number[], p: number): number[] {
  const out = x.map(() => Number.NaN);
  if (p > x.length) return out;
  let sum = 0;
  for (let i = 0; i < p; i++) sum += x[i] as number;
  let e = sum / p;
  out[p - 1] = e;
  for (let i = p; i < x.length; i++) {
    e = e + (2 / (p + 1)) * ((x[i] as number) - e);
    out[i] = e;
  }
  return out;
}

/** Reference ATR: Wilder's smoothing of the true range from the second bar, seeded with a mean. */
function atr(h: number[], l: number[], c: number[], p: number): number[] {
  const out = h.map(() => Number.NaN);
  const tr = h.map((_, i) =>
    i === 0
      ? Number.NaN
      : Math.max(
          (h[i] as number) - (l[i] as number),
          Math.abs((h[i] as number) - (c[i - 1] as number)),
          Math.abs((l[i] as number) - (c[i - 1] as number)),
        ),
  );
  if (p >= h.length) return out;
  let a = 0;
  for (let i = 1; i <= p; i++) a += tr[i] as number;
  a /= p;
  out[p] = a;
  for (let i = p + 1; i < h.length; i++) {
    a = (a * (p - 1) + (tr[i] as number)) / p;
    out[i] = a;
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

describe('KELTNER', () => {
  it('matches a hand computation', () => {
    const high = new Float64Array([10.5, 11.5, 12.5]);
    const low = new Float64Array([9.5, 10.5, 11.5]);
    const close = new Float64Array([10, 11, 12]);
    // EMA(2): 10.5 then 11.5; ATR(1) = true range: 1.5, 1.5; bands ± 2·1.5.
    const { upperband, middleband, lowerband } = KELTNER(high, low, close, { timeperiod: 2, atrperiod: 1 });
    expectClose(middleband, [Number.NaN, 10.5, 11.5]);
    expectClose(upperband, [Number.NaN, 13.5, 14.5]);
    expectClose(lowerband, [Number.NaN, 7.5, 8.5]);
  });

  it('agrees with a reference EMA ± multiplier·ATR on real and random data', () => {
    for (const name of ['orcl', 'random', 'gap']) {
      const d = datasets()[name]!;
      const [h, l, c] = [Array.from(d.high), Array.from(d.low), Array.from(d.close)];
      for (const [timeperiod, atrperiod, multiplier] of [
        [20, 10, 2],
        [5, 30, 1.5],
      ] as const) {
        const mid = ema(c, timeperiod);
        const a = atr(h, l, c, atrperiod);
        const first = Math.max(timeperiod - 1, atrperiod);
        const nanBefore = (x: number[]) => x.map((v, i) => (i < first ? Number.NaN : v));
        const out = KELTNER(d.high, d.low, d.close, { timeperiod, atrperiod, multiplier });
        expectClose(out.middleband, nanBefore(mid));
        expectClose(out.upperband, nanBefore(mid.map((m, i) => m + multiplier * (a[i] as number))));
        expectClose(out.lowerband, nanBefore(mid.map((m, i) => m - multiplier * (a[i] as number))));
      }
    }
  });

  it('collapses onto the price when prices are flat', () => {
    const d = datasets().flat!;
    const out = KELTNER(d.high, d.low, d.close);
    for (let i = 20; i < d.close.length; i++) {
      expect([out.upperband[i], out.middleband[i], out.lowerband[i]]).toEqual([50, 50, 50]);
    }
  });
});
