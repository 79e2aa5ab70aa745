import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { ICHIMOKU } from './ichimoku.js';

/** Midpoint of the highest high and lowest low of the `p` bars ending at `i`. */
function mid(h: number[], l: number[], i: number, p: number): number {
  let hi = -Infinity;
  let lo = Infinity;
  for (let j = i - p + 1; j <= i; j++) {
    if ((h[j] as number) > hi) hi = h[j] as number;
    if ((l[j] as number) < lo) lo = l[j] as number;
  }
  return (hi + lo) / 2;
}

function reference(h: number[], l: number[], c: number[], t: number, k: number, s: number): number[][] {
  const first = Math.max(t, k, s) - 1;
  const out: number[][] = [[], [], [], [], []];
  for (let i = 0; i < h.length; i++) {
    if (i < first) {
      for (const o of out) o.push(Number.NaN);
      continue;
    }
    const tenkan = mid(h, l, i, t);
    const kijun = mid(h, l, i, k);
    out[0]!.push(tenkan);
    out[1]!.push(kijun);
    out[2]!.push((tenkan + kijun) / 2);
    out[3]!.push(mid(h, l, i, s));
    out[4]!.push(c[i] as number);
  }
  return out;
}

describe('ICHIMOKU', () => {
  it('matches a hand computation with short windows', () => {
    const high = new Float64Array([10, 12, 11, 15, 14]);
    const low = new Float64Array([8, 9, 9, 12, 13]);
    const close = new Float64Array([9, 11, 10, 14, 13.5]);
    const out = ICHIMOKU(high, low, close, { tenkanperiod: 2, kijunperiod: 3, senkouperiod: 4 });
    const nan = Number.NaN;
    // Bar 3: tenkan (15 + 9) / 2 = 12, kijun (15 + 9) / 2 = 12, span B over 4 bars (15 + 8) / 2 = 11.5.
    // Bar 4: tenkan (15 + 12) / 2 = 13.5, kijun (15 + 9) / 2 = 12, span B (15 + 9) / 2 = 12.
    expect(Array.from(out.tenkan)).toEqual([nan, nan, nan, 12, 13.5]);
    expect(Array.from(out.kijun)).toEqual([nan, nan, nan, 12, 12]);
    expect(Array.from(out.senkoua)).toEqual([nan, nan, nan, 12, 12.75]);
    expect(Array.from(out.senkoub)).toEqual([nan, nan, nan, 11.5, 12]);
    expect(Array.from(out.chikou)).toEqual([nan, nan, nan, 14, 13.5]);
  });

  it('agrees with a rescanning reference with default and other windows', () => {
    for (const name of ['orcl', 'random', 'flat', 'short']) {
      const d = datasets()[name]!;
      for (const [t, k, s] of [
        [9, 26, 52],
        [20, 5, 1],
      ] as const) {
        const out = ICHIMOKU(d.high, d.low, d.close, { tenkanperiod: t, kijunperiod: k, senkouperiod: s });
        const want = reference(Array.from(d.high), Array.from(d.low), Array.from(d.close), t, k, s);
        expect(Array.from(out.tenkan)).toEqual(want[0]);
        expect(Array.from(out.kijun)).toEqual(want[1]);
        expect(Array.from(out.senkoua)).toEqual(want[2]);
        expect(Array.from(out.senkoub)).toEqual(want[3]);
        expect(Array.from(out.chikou)).toEqual(want[4]);
      }
    }
  });

  it('emits nothing that depends on a later bar: changing the last bar changes only the last values', () => {
    const d = datasets().orcl!;
    const before = ICHIMOKU(d.high, d.low, d.close);
    const high = d.high.slice();
    high[high.length - 1] = 1000;
    const after = ICHIMOKU(high, d.low, d.close);
    const n = high.length;
    for (const key of ['tenkan', 'kijun', 'senkoua', 'senkoub', 'chikou'] as const) {
      expect(Array.from(after[key].subarray(0, n - 1))).toEqual(Array.from(before[key].subarray(0, n - 1)));
    }
  });
});
