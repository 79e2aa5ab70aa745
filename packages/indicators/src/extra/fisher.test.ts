import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { FISHER } from './fisher.js';

function reference(h: number[], l: number[], p: number): { fisher: number[]; trigger: number[] } {
  const m = h.map((x, i) => (x + (l[i] as number)) / 2);
  const fisher: number[] = m.map(() => Number.NaN);
  const trigger: number[] = m.map(() => Number.NaN);
  let value = 0;
  let fish = 0;
  for (let i = p - 1; i < m.length; i++) {
    const window = m.slice(i - p + 1, i + 1);
    const hi = Math.max(...window);
    const lo = Math.min(...window);
    const x = hi === lo ? 0.5 : ((m[i] as number) - lo) / (hi - lo);
    value = 0.66 * (x - 0.5) + 0.67 * value;
    if (value > 0.99) value = 0.999;
    if (value < -0.99) value = -0.999;
    const previous = fish;
    fish = 0.5 * Math.log((1 + value) / (1 - value)) + 0.5 * fish;
    if (i >= p) {
      fisher[i] = fish;
      trigger[i] = previous;
    }
  }
  return { fisher, trigger };
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

describe('FISHER', () => {
  it('matches a hand computation', () => {
    // Medians 1, 2, 3 with timeperiod 2: the median sits at the top of each window (x = 1).
    // Bar 1: v = 0.33, f = ½·ln(1.33 / 0.67). Bar 2: v = 0.33 + 0.67·0.33 = 0.5511, f = ½·ln(1.5511 / 0.4489) + ½·f₁.
    const out = FISHER(new Float64Array([1.5, 2.5, 3.5]), new Float64Array([0.5, 1.5, 2.5]), { timeperiod: 2 });
    expectClose(out.fisher, [Number.NaN, Number.NaN, 0.7913738721291063]);
    expectClose(out.trigger, [Number.NaN, Number.NaN, 0.34282825441539383]);
  });

  it('is 0 on flat prices and bounded on a steady climb', () => {
    const flat = datasets().flat!;
    const out = FISHER(flat.high, flat.low);
    expect(Array.from(out.fisher.subarray(9))).toEqual(new Array(flat.close.length - 9).fill(0));
    const rising = new Float64Array(200).map((_, i) => i);
    const climb = FISHER(rising, rising, { timeperiod: 5 });
    // v converges to 0.999 after clamping, so fisher converges to ln(1999).
    expect(climb.fisher[199]).toBeCloseTo(Math.log(1.999 / 0.001), 9);
  });

  it('agrees with a reference on real, random and gap data', () => {
    for (const name of ['orcl', 'random', 'gap', 'short']) {
      const d = datasets()[name]!;
      for (const p of [2, 9, 10, 30]) {
        const want = reference(Array.from(d.high), Array.from(d.low), p);
        const out = FISHER(d.high, d.low, { timeperiod: p });
        expectClose(out.fisher, want.fisher);
        expectClose(out.trigger, want.trigger);
      }
    }
  });
});
