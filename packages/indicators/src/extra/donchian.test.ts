import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { DONCHIAN, DONCHIANStream } from './donchian.js';

function reference(h: number[], l: number[], p: number): { u: number[]; m: number[]; d: number[] } {
  const u: number[] = [];
  const m: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < h.length; i++) {
    if (i < p - 1) {
      u.push(Number.NaN);
      m.push(Number.NaN);
      d.push(Number.NaN);
      continue;
    }
    let hi = -Infinity;
    let lo = Infinity;
    for (let j = i - p + 1; j <= i; j++) {
      hi = Math.max(hi, h[j] as number);
      lo = Math.min(lo, l[j] as number);
    }
    u.push(hi);
    d.push(lo);
    m.push((hi + lo) / 2);
  }
  return { u, m, d };
}

describe('DONCHIAN', () => {
  it('matches a hand computation', () => {
    const high = new Float64Array([1, 3, 2, 5, 4]);
    const low = new Float64Array([0, 1, 1, 2, 3]);
    const out = DONCHIAN(high, low, { timeperiod: 3 });
    expect(Array.from(out.upperband)).toEqual([Number.NaN, Number.NaN, 3, 5, 5]);
    expect(Array.from(out.lowerband)).toEqual([Number.NaN, Number.NaN, 0, 1, 1]);
    expect(Array.from(out.middleband)).toEqual([Number.NaN, Number.NaN, 1.5, 3, 3]);
  });

  it('agrees with a rescanning reference on real, random and flat data', () => {
    for (const name of ['orcl', 'random', 'gap', 'flat']) {
      const d = datasets()[name]!;
      for (const p of [1, 2, 20, 55]) {
        const out = DONCHIAN(d.high, d.low, { timeperiod: p });
        const want = reference(Array.from(d.high), Array.from(d.low), p);
        expect(Array.from(out.upperband)).toEqual(want.u);
        expect(Array.from(out.middleband)).toEqual(want.m);
        expect(Array.from(out.lowerband)).toEqual(want.d);
      }
    }
  });

  it('streams the bands of a revised bar', () => {
    const s = new DONCHIANStream({ timeperiod: 2 });
    s.update(10, 5);
    s.update(12, 6);
    expect(s.replace(8, 4)).toBe(10);
    expect([s.output(1), s.output(2)]).toEqual([7, 4]);
  });
});
