import { describe, expect, it } from 'vitest';
import { datasets } from '../testing/fixtures.js';
import { HEIKINASHI } from './heikinashi.js';

describe('HEIKINASHI', () => {
  it('matches a hand computation, including an open above the real high after a gap', () => {
    const open = new Float64Array([10, 11, 12, 5]);
    const high = new Float64Array([12, 13, 12, 6]);
    const low = new Float64Array([9, 10, 11, 4]);
    const close = new Float64Array([11, 12, 11, 5]);
    const ha = HEIKINASHI(open, high, low, close);
    expect(Array.from(ha.close)).toEqual([10.5, 11.5, 11.5, 5]);
    expect(Array.from(ha.open)).toEqual([10.5, 10.5, 11, 11.25]);
    expect(Array.from(ha.high)).toEqual([12, 13, 12, 11.25]);
    expect(Array.from(ha.low)).toEqual([9, 10, 11, 4]);
  });

  it('agrees with a reference over plain arrays on real, gap and flat data', () => {
    for (const name of ['orcl', 'random', 'gap', 'flat']) {
      const d = datasets()[name]!;
      const o = Array.from(d.open);
      const h = Array.from(d.high);
      const l = Array.from(d.low);
      const c = Array.from(d.close);
      const ho: number[] = [];
      const hc: number[] = [];
      const hh: number[] = [];
      const hl: number[] = [];
      for (let i = 0; i < c.length; i++) {
        const cl = ((o[i] as number) + (h[i] as number) + (l[i] as number) + (c[i] as number)) / 4;
        const op =
          i === 0 ? ((o[0] as number) + (c[0] as number)) / 2 : ((ho[i - 1] as number) + (hc[i - 1] as number)) / 2;
        ho.push(op);
        hc.push(cl);
        hh.push(Math.max(h[i] as number, op, cl));
        hl.push(Math.min(l[i] as number, op, cl));
      }
      const ha = HEIKINASHI(d.open, d.high, d.low, d.close);
      expect(Array.from(ha.open)).toEqual(ho);
      expect(Array.from(ha.high)).toEqual(hh);
      expect(Array.from(ha.low)).toEqual(hl);
      expect(Array.from(ha.close)).toEqual(hc);
    }
  });

  it('keeps flat prices flat', () => {
    const d = datasets().flat!;
    const ha = HEIKINASHI(d.open, d.high, d.low, d.close);
    expect(ha.open.every((x) => x === 50) && ha.close.every((x) => x === 50)).toBe(true);
  });
});
