import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { VORTEX } from './vortex.js';

function reference(h: number[], l: number[], c: number[], p: number): { plus: number[]; minus: number[] } {
  const plus: number[] = [];
  const minus: number[] = [];
  for (let i = 0; i < c.length; i++) {
    if (i < p) {
      plus.push(Number.NaN);
      minus.push(Number.NaN);
      continue;
    }
    let up = 0;
    let down = 0;
    let tr = 0;
    for (let j = i - p + 1; j <= i; j++) {
      up += Math.abs((h[j] as number) - (l[j - 1] as number));
      down += Math.abs((l[j] as number) - (h[j - 1] as number));
      tr += Math.max(h[j] as number, c[j - 1] as number) - Math.min(l[j] as number, c[j - 1] as number);
    }
    plus.push(tr === 0 ? Number.NaN : up / tr);
    minus.push(tr === 0 ? Number.NaN : down / tr);
  }
  return { plus, minus };
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

describe('VORTEX', () => {
  it('matches a hand computation', () => {
    const high = new Float64Array([10, 11, 12]);
    const low = new Float64Array([9, 10, 10.5]);
    const close = new Float64Array([9.5, 10.5, 11]);
    // VM+ 2, 2; VM− 0, 0.5; true ranges 1.5, 1.5.
    const out = VORTEX(high, low, close, { timeperiod: 2 });
    expectClose(out.plusvi, [Number.NaN, Number.NaN, 4 / 3]);
    expectClose(out.minusvi, [Number.NaN, Number.NaN, 0.5 / 3]);
  });

  it('has no value on flat prices, including after movement has left the window', () => {
    const flat = datasets().flat!;
    const out = VORTEX(flat.high, flat.low, flat.close);
    expect(out.plusvi.every((x) => Number.isNaN(x)) && out.minusvi.every((x) => Number.isNaN(x))).toBe(true);
    const high = new Float64Array([10.1, 10.3, 10, 10, 10, 10]);
    const low = new Float64Array([9.7, 9.9, 10, 10, 10, 10]);
    const close = new Float64Array([9.9, 10, 10, 10, 10, 10]);
    const moved = VORTEX(high, low, close, { timeperiod: 2 });
    expect(Number.isNaN(moved.plusvi[2] as number)).toBe(false);
    expect([moved.plusvi[4], moved.minusvi[5]]).toEqual([Number.NaN, Number.NaN]);
  });

  it('agrees with a reference on real, random and gap data', () => {
    for (const name of ['orcl', 'random', 'gap', 'short']) {
      const d = datasets()[name]!;
      for (const p of [1, 14, 25]) {
        const want = reference(Array.from(d.high), Array.from(d.low), Array.from(d.close), p);
        const out = VORTEX(d.high, d.low, d.close, { timeperiod: p });
        expectClose(out.plusvi, want.plus);
        expectClose(out.minusvi, want.minus);
      }
    }
  });
});
