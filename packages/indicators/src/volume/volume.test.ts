import { describe, expect, it } from 'vitest';
import { AD, ADOSC, OBV, OBVStream } from './index.js';

const f = (...xs: number[]) => Float64Array.from(xs);

describe('volume', () => {
  it('adds volume on up closes and subtracts it on down closes, from the first volume', () => {
    expect([...OBV(f(10, 11, 11, 9), f(100, 50, 70, 30))]).toEqual([100, 150, 150, 120]);
  });

  it('streams on-balance volume and revises the forming bar', () => {
    const stream = new OBVStream();
    stream.update(10, 100);
    stream.update(9, 50);
    expect(stream.replace(11, 50)).toBe(150);
  });

  it('accumulates volume weighted by the close location, skipping bars without range', () => {
    // Close at the high: +volume; at the low: −volume; mid-range: 0; no range: nothing.
    const high = f(10, 10, 10, 5);
    const low = f(8, 8, 8, 5);
    const close = f(10, 8, 9, 5);
    expect([...AD(high, low, close, f(100, 40, 70, 999))]).toEqual([100, 60, 60, 60]);
  });

  it('gives a zero oscillator when both averages have the same period', () => {
    const high = f(10, 11, 12, 11, 13);
    const out = ADOSC(high, f(9, 9, 10, 10, 11), f(9.5, 10.5, 11, 10.2, 12.5), f(5, 6, 7, 8, 9), {
      fastperiod: 3,
      slowperiod: 3,
    });
    expect([...out]).toEqual([Number.NaN, Number.NaN, 0, 0, 0]);
  });
});
