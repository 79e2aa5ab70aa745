import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { CMF } from './cmf.js';

function reference(h: number[], l: number[], c: number[], v: number[], p: number): number[] {
  return c.map((_, i) => {
    if (i < p - 1) return Number.NaN;
    let flow = 0;
    let vol = 0;
    for (let j = i - p + 1; j <= i; j++) {
      const hi = h[j] as number;
      const lo = l[j] as number;
      const cl = c[j] as number;
      const multiplier = hi > lo ? (cl - lo - (hi - cl)) / (hi - lo) : 0;
      flow += multiplier * (v[j] as number);
      vol += v[j] as number;
    }
    return vol === 0 ? 0 : flow / vol;
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

describe('CMF', () => {
  it('matches a hand computation, a bar without range counting as no flow', () => {
    const high = new Float64Array([10, 10, 12]);
    const low = new Float64Array([8, 10, 10]);
    const close = new Float64Array([9.5, 10, 10]);
    const volume = new Float64Array([100, 200, 100]);
    // Money-flow volumes 50, 0, −100 over volumes 100, 200, 100.
    expectClose(CMF(high, low, close, volume, { timeperiod: 2 }), [Number.NaN, 50 / 300, -100 / 300]);
  });

  it('is 0 without volume and on flat prices', () => {
    for (const name of ['zerovolume', 'flat']) {
      const d = datasets()[name]!;
      const out = CMF(d.high, d.low, d.close, d.volume);
      expect(Array.from(out.subarray(19))).toEqual(new Array(out.length - 19).fill(0));
    }
  });

  it('agrees with a reference on real, random and gap data', () => {
    for (const name of ['orcl', 'random', 'gap', 'zerovolume']) {
      const d = datasets()[name]!;
      const want = (p: number) =>
        reference(Array.from(d.high), Array.from(d.low), Array.from(d.close), Array.from(d.volume), p);
      for (const p of [1, 3, 20, 21]) expectClose(CMF(d.high, d.low, d.close, d.volume, { timeperiod: p }), want(p));
    }
  });
});
