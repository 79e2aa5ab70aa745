import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { VWMA } from './vwma.js';

function reference(c: number[], v: number[], p: number): number[] {
  return c.map((_, i) => {
    if (i < p - 1) return Number.NaN;
    let pv = 0;
    let vol = 0;
    let plain = 0;
    for (let j = i - p + 1; j <= i; j++) {
      pv += (c[j] as number) * (v[j] as number);
      vol += v[j] as number;
      plain += c[j] as number;
    }
    return vol === 0 ? plain / p : pv / vol;
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

describe('VWMA', () => {
  it('matches a hand computation', () => {
    const close = new Float64Array([10, 20, 30]);
    // (10·1 + 20·3) / 4 = 17.5, then (20·3 + 30·0) / 3 = 20.
    expect(Array.from(VWMA(close, new Float64Array([1, 3, 0]), { timeperiod: 2 }))).toEqual([Number.NaN, 17.5, 20]);
  });

  it('falls back to the plain mean when the window has no volume, even after volume left it', () => {
    const close = new Float64Array([10, 20, 30, 40, 50]);
    const volume = new Float64Array([0.1, 0.7, 0, 0, 0]);
    const out = VWMA(close, volume, { timeperiod: 2 });
    expectClose(out, [Number.NaN, (1 + 14) / 0.8, 20, 35, 45]);
  });

  it('agrees with a reference on real, random, zero-volume and flat data', () => {
    for (const name of ['orcl', 'random', 'zerovolume', 'flat', 'gap']) {
      const d = datasets()[name]!;
      const c = Array.from(d.close);
      const v = Array.from(d.volume);
      for (const p of [1, 2, 20, 50]) expectClose(VWMA(d.close, d.volume, { timeperiod: p }), reference(c, v, p));
    }
  });
});
