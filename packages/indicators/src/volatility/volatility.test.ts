import { describe, expect, it } from 'vitest';
import { ATR, ATRStream, NATR, TRANGE } from './index.js';

const f = (...xs: number[]) => Float64Array.from(xs);
// Bar 2 gaps up over the previous close, bar 3 gaps down under it.
const high = f(11, 14, 13, 9);
const low = f(9, 12, 11, 8);
const close = f(10, 13, 12, 8.5);

describe('volatility', () => {
  it('extends the true range to the previous close across gaps', () => {
    expect([...TRANGE(high, low, close)]).toEqual([Number.NaN, 4, 2, 4]);
  });

  it("seeds the ATR with the mean true range, then smooths it Wilder's way", () => {
    // Seed (4 + 2) / 2 = 3 at bar 2, then (3 × 1 + 4) / 2 = 3.5.
    expect([...ATR(high, low, close, { timeperiod: 2 })]).toEqual([Number.NaN, Number.NaN, 3, 3.5]);
    expect([...NATR(high, low, close, { timeperiod: 2 })]).toEqual([Number.NaN, Number.NaN, 25, (3.5 / 8.5) * 100]);
  });

  it('streams the ATR bar by bar', () => {
    const stream = new ATRStream({ timeperiod: 2 });
    const values = [0, 1, 2, 3].map((i) => stream.update(high[i] as number, low[i], close[i]));
    expect(values).toEqual([Number.NaN, Number.NaN, 3, 3.5]);
  });

  it('refuses a period below 1', () => {
    expect(() => ATR(high, low, close, { timeperiod: 0 })).toThrow(/timeperiod/);
  });
});
