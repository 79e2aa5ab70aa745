import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { APO, MACD, MACDFIX, STOCHF, TRIX } from './index.js';

function randomWalk(n: number, seed: number): Float64Array {
  const rng = new SeededRng(seed);
  const out = new Float64Array(n);
  let price = 50;
  for (let i = 0; i < n; i++) out[i] = price *= 1 + 0.01 * rng.nextNormal();
  return out;
}

/** A plain EMA with factor k, seeded with the mean of the `period` values ending at `start`. */
function naiveEma(x: Float64Array, period: number, k: number, start: number): number[] {
  const out: number[] = new Array(x.length).fill(Number.NaN);
  let ema = 0;
  for (let i = start - period + 1; i <= start; i++) ema += x[i] as number;
  ema /= period;
  out[start] = ema;
  for (let i = start + 1; i < x.length; i++) out[i] = ema = ((x[i] as number) - ema) * k + ema;
  return out;
}

describe('MACD', () => {
  const close = randomWalk(120, 11);

  it('seeds the fast EMA where the slow one becomes ready', () => {
    const { macd, macdsignal, macdhist } = MACD(close, { fastperiod: 5, slowperiod: 13, signalperiod: 4 });
    const fast = naiveEma(close, 5, 2 / 6, 12);
    const slow = naiveEma(close, 13, 2 / 14, 12);
    const line = Float64Array.from(fast, (f, i) => f - (slow[i] as number));
    const signal = naiveEma(line, 4, 2 / 5, 15);
    expect(macd[14]).toBeNaN();
    for (let i = 15; i < close.length; i++) {
      expect(macd[i]).toBeCloseTo(line[i] as number, 12);
      expect(macdsignal[i]).toBeCloseTo(signal[i] as number, 12);
      expect(macdhist[i]).toBeCloseTo((line[i] as number) - (signal[i] as number), 12);
    }
  });

  it('swaps the periods when the slow one is the shorter, as TA-Lib does', () => {
    expect(MACD(close, { fastperiod: 26, slowperiod: 12 })).toEqual(MACD(close, { fastperiod: 12, slowperiod: 26 }));
    expect(APO(close, { fastperiod: 26, slowperiod: 12 })).toEqual(APO(close, { fastperiod: 12, slowperiod: 26 }));
  });

  it('uses the fixed factors 0.15 and 0.075 in MACDFIX', () => {
    const { macd } = MACDFIX(close, { signalperiod: 9 });
    const fast = naiveEma(close, 12, 0.15, 25);
    const slow = naiveEma(close, 26, 0.075, 25);
    for (let i = 33; i < close.length; i++) expect(macd[i]).toBeCloseTo((fast[i] as number) - (slow[i] as number), 12);
    expect(macd[40]).not.toBeCloseTo(MACD(close).macd[40] as number, 6);
  });
});

describe('STOCHF', () => {
  it('places the close within the high-low range of the window, 0 when the range is empty', () => {
    const high = Float64Array.from([10, 12, 11, 11, 11]);
    const low = Float64Array.from([8, 9, 7, 11, 11]);
    const close = Float64Array.from([9, 11, 8, 11, 11]);
    const { fastk, fastd } = STOCHF(high, low, close, { fastk_period: 3, fastd_period: 2 });
    expect(fastk[2]).toBeNaN();
    expect(fastk[3]).toBeCloseTo(((11 - 7) / (12 - 7)) * 100, 12);
    expect(fastd[3]).toBeCloseTo((((8 - 7) / (12 - 7)) * 100 + ((11 - 7) / (12 - 7)) * 100) / 2, 12);
    const flat = Float64Array.from([5, 5, 5, 5]);
    expect([...STOCHF(flat, flat, flat, { fastk_period: 2, fastd_period: 1 }).fastk]).toEqual([NaN, 0, 0, 0]);
  });
});

describe('TRIX', () => {
  it('is the one-bar percentage change of the input for a period of 1', () => {
    // TA-Lib 0.4 returns shifted, partly uninitialised values here (its EMA refuses a period
    // of 1); we return the meaningful result instead.
    const x = Float64Array.from([100, 102, 101]);
    const trix = TRIX(x, { timeperiod: 1 });
    expect(trix[0]).toBeNaN();
    expect(trix[1]).toBeCloseTo(2, 12);
    expect(trix[2]).toBeCloseTo((101 / 102 - 1) * 100, 12);
  });
});
