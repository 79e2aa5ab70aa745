import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { SUPERTREND } from './supertrend.js';

/** Reference SuperTrend over plain arrays: Wilder ATR, then the band ratchets and flips. */
function reference(h: number[], l: number[], c: number[], p: number, m: number): { st: number[]; dir: number[] } {
  const n = h.length;
  const st: number[] = new Array(n).fill(Number.NaN);
  const dir: number[] = new Array(n).fill(Number.NaN);
  const tr = (i: number) =>
    Math.max(
      (h[i] as number) - (l[i] as number),
      Math.abs((h[i] as number) - (c[i - 1] as number)),
      Math.abs((l[i] as number) - (c[i - 1] as number)),
    );
  if (p >= n) return { st, dir };
  const atr: number[] = new Array(n).fill(Number.NaN);
  let sum = 0;
  for (let i = 1; i <= p; i++) sum += tr(i);
  atr[p] = sum / p;
  for (let i = p + 1; i < n; i++) atr[i] = ((atr[i - 1] as number) * (p - 1) + tr(i)) / p;
  const up: number[] = new Array(n).fill(Number.NaN);
  const lo: number[] = new Array(n).fill(Number.NaN);
  for (let i = p; i < n; i++) {
    const hl2 = ((h[i] as number) + (l[i] as number)) / 2;
    const bu = hl2 + m * (atr[i] as number);
    const bl = hl2 - m * (atr[i] as number);
    if (i === p) {
      up[i] = bu;
      lo[i] = bl;
      dir[i] = -1;
    } else {
      up[i] = bu < (up[i - 1] as number) || (c[i - 1] as number) > (up[i - 1] as number) ? bu : (up[i - 1] as number);
      lo[i] = bl > (lo[i - 1] as number) || (c[i - 1] as number) < (lo[i - 1] as number) ? bl : (lo[i - 1] as number);
      const was = dir[i - 1] as number;
      if (was === 1) dir[i] = (c[i] as number) < (lo[i] as number) ? -1 : 1;
      else dir[i] = (c[i] as number) > (up[i] as number) ? 1 : -1;
    }
    st[i] = dir[i] === 1 ? (lo[i] as number) : (up[i] as number);
  }
  return { st, dir };
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

describe('SUPERTREND', () => {
  it('matches a hand computation through an up flip and a down flip', () => {
    const high = new Float64Array([10, 11, 13, 12, 10]);
    const low = new Float64Array([9, 10, 12, 11, 8]);
    const close = new Float64Array([9.5, 10.5, 12.8, 11.2, 8.5]);
    // ATR(1) = true range 1.5, 2.5, 1.8, 3.2. Bar 1 starts down under the upper band 12;
    // bar 2 closes above it (up, line = lower 10); bar 3 holds; bar 4 closes under 10 (down, line = upper 12.2).
    const out = SUPERTREND(high, low, close, { timeperiod: 1, multiplier: 1 });
    expectClose(out.supertrend, [Number.NaN, 12, 10, 10, 12.2]);
    expect(Array.from(out.direction)).toEqual([Number.NaN, -1, 1, 1, -1]);
  });

  it('agrees with a reference on real, random and gap data', () => {
    for (const name of ['orcl', 'random', 'gap', 'short']) {
      const d = datasets()[name]!;
      for (const [p, m] of [
        [10, 3],
        [7, 1.5],
        [1, 0.5],
      ] as const) {
        const out = SUPERTREND(d.high, d.low, d.close, { timeperiod: p, multiplier: m });
        const want = reference(Array.from(d.high), Array.from(d.low), Array.from(d.close), p, m);
        expectClose(out.supertrend, want.st);
        expect(Array.from(out.direction)).toEqual(want.dir);
      }
    }
  });

  it('stays a flat line on flat prices', () => {
    const d = datasets().flat!;
    const out = SUPERTREND(d.high, d.low, d.close);
    for (let i = 10; i < d.close.length; i++) expect([out.supertrend[i], out.direction[i]]).toEqual([50, -1]);
  });
});
