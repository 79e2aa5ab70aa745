import { describe, expect, it } from 'vitest';
import { AVGPRICE, AVGPRICEStream, MEDPRICE, TYPPRICE, WCLPRICE } from './index.js';

const f = (...xs: number[]) => Float64Array.from(xs);
const open = f(10, 11);
const high = f(12, 15);
const low = f(8, 9);
const close = f(11, 12);

describe('price transforms', () => {
  it('average, median, typical and weighted close prices of each bar', () => {
    expect([...AVGPRICE(open, high, low, close)]).toEqual([10.25, 11.75]);
    expect([...MEDPRICE(high, low)]).toEqual([10, 12]);
    expect([...TYPPRICE(high, low, close)]).toEqual([31 / 3, 12]);
    expect([...WCLPRICE(high, low, close)]).toEqual([10.5, 12]);
  });

  it('streams the same values, with replace revising the current bar', () => {
    const stream = new AVGPRICEStream();
    expect(stream.isReady).toBe(false);
    stream.update(1, 1, 1, 1);
    expect(stream.replace(10, 12, 8, 11)).toBe(10.25);
    expect(stream.isReady).toBe(true);
  });

  it('refuses inputs of different lengths', () => {
    expect(() => MEDPRICE(f(1, 2), f(1))).toThrow(/equal length/);
  });
});
