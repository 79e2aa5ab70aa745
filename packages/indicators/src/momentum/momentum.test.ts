import { describe, expect, it } from 'vitest';
import {
  ADX,
  ADXR,
  AROON,
  AROONOSC,
  BOP,
  CCI,
  CMO,
  IMI,
  MFI,
  MINUS_DM,
  MOM,
  PLUS_DI,
  PLUS_DM,
  ROC,
  ROCP,
  ROCR,
  ROCR100,
  RSI,
  ULTOSC,
  WILLR,
} from './index.js';

const f = (...xs: number[]) => Float64Array.from(xs);
const rising = Float64Array.from({ length: 30 }, (_, i) => 100 + i);

describe('momentum', () => {
  it('reads 100 for RSI and CMO on a steadily rising series and 0/−100 on a falling one', () => {
    expect(RSI(rising, { timeperiod: 5 })[10]).toBe(100);
    expect(CMO(rising, { timeperiod: 5 })[10]).toBe(100);
    const falling = rising.slice().reverse();
    expect(RSI(falling, { timeperiod: 5 })[10]).toBe(0);
    expect(CMO(falling, { timeperiod: 5 })[10]).toBe(-100);
  });

  it('compares each value with the one timeperiod bars back, and gives 0 against a zero', () => {
    const x = f(0, 2, 4, 5);
    expect([...MOM(x, { timeperiod: 2 })]).toEqual([Number.NaN, Number.NaN, 4, 3]);
    expect([...ROC(x, { timeperiod: 2 })]).toEqual([Number.NaN, Number.NaN, 0, 150]);
    expect([...ROCP(x, { timeperiod: 2 })]).toEqual([Number.NaN, Number.NaN, 0, 1.5]);
    expect([...ROCR(x, { timeperiod: 2 })]).toEqual([Number.NaN, Number.NaN, 0, 2.5]);
    expect([...ROCR100(x, { timeperiod: 2 })]).toEqual([Number.NaN, Number.NaN, 0, 250]);
  });

  it('places the close in the recent range with Williams %R', () => {
    const out = WILLR(f(10, 12, 11), f(8, 9, 7), f(9, 12, 7), { timeperiod: 2 });
    // At the high the result is −0, as in TA-Lib: zero over a negative scale.
    expect([...out]).toEqual([Number.NaN, -0, -100]);
  });

  it('counts bars since the extremes with Aroon, the latest of equal extremes winning', () => {
    const { aroondown, aroonup } = AROON(f(5, 6, 6, 4), f(1, 2, 1, 3), { timeperiod: 2 });
    expect([...aroonup]).toEqual([Number.NaN, Number.NaN, 100, 50]);
    expect([...aroondown]).toEqual([Number.NaN, Number.NaN, 100, 50]);
    expect([...AROONOSC(f(5, 6, 6, 4), f(1, 2, 1, 3), { timeperiod: 2 })]).toEqual([Number.NaN, Number.NaN, 0, 0]);
  });

  it('measures the body against the range with BOP, 0 without range', () => {
    expect([...BOP(f(10, 5), f(12, 5), f(8, 5), f(11, 5))]).toEqual([0.25, 0]);
  });

  it('gives a zero CCI when prices do not move', () => {
    const flat = new Float64Array(10).fill(7);
    expect(CCI(flat, flat, flat, { timeperiod: 3 })[9]).toBe(0);
  });

  it('gives the raw directional movement for a period of 1 and a ratio for the DI', () => {
    const high = f(10, 12, 11);
    const low = f(8, 9, 6);
    expect([...PLUS_DM(high, low, { timeperiod: 1 })]).toEqual([Number.NaN, 2, 0]);
    expect([...MINUS_DM(high, low, { timeperiod: 1 })]).toEqual([Number.NaN, 0, 3]);
    // True range of bar 1 with a previous close of 9 is 3; TA-Lib leaves the ratio unscaled here.
    expect(PLUS_DI(high, low, f(9, 11, 7), { timeperiod: 1 })[1]).toBe(2 / 3);
  });

  it('averages the ADX with its value timeperiod − 1 bars back for ADXR', () => {
    const n = 60;
    const high = Float64Array.from({ length: n }, (_, i) => 100 + 5 * Math.sin(i / 3) + i / 4);
    const low = high.map((h, i) => h - 1 - (i % 3));
    const close = high.map((h, i) => h - 0.5 - (i % 2));
    const adx = ADX(high, low, close, { timeperiod: 5 });
    const adxr = ADXR(high, low, close, { timeperiod: 5 });
    expect(adxr[40]).toBeCloseTo(((adx[40] as number) + (adx[36] as number)) / 2, 12);
    expect(Number.isNaN(adxr[12] as number)).toBe(true);
    expect(Number.isNaN(adxr[13] as number)).toBe(false);
  });

  it('reads 100 for MFI and IMI when every bar rises', () => {
    const open = rising.map((x) => x - 0.5);
    expect(MFI(rising, rising, rising, rising, { timeperiod: 5 })[10]).toBe(100);
    expect(IMI(open, rising, { timeperiod: 5 })[10]).toBe(100);
  });

  it('weights the ultimate oscillator by period length, whatever order the periods come in', () => {
    const high = rising.map((x, i) => x + 1 + (i % 4));
    const low = rising.map((x, i) => x - 1 - (i % 3));
    const a = ULTOSC(high, low, rising, { timeperiod1: 3, timeperiod2: 5, timeperiod3: 8 });
    const b = ULTOSC(high, low, rising, { timeperiod1: 8, timeperiod2: 3, timeperiod3: 5 });
    expect([...b]).toEqual([...a]);
    expect(Number.isNaN(a[7] as number)).toBe(true);
    expect(Number.isNaN(a[8] as number)).toBe(false);
  });
});
