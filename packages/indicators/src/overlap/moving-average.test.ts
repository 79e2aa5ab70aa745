import { describe, expect, it } from 'vitest';
import {
  computeMovingAverage,
  createMovingAverage,
  MovingAverageType,
  movingAverageLookback,
} from './moving-average.js';

const series = Float64Array.from({ length: 120 }, (_, i) => 100 + 10 * Math.sin(i / 7) + (i % 5));

describe('computeMovingAverage', () => {
  it('treats input[from..] exactly like a series of its own', () => {
    const from = 9;
    const tail = series.slice(from);
    for (let type = 0; type <= 8; type++) {
      const whole = new Float64Array(series.length);
      const alone = new Float64Array(tail.length);
      computeMovingAverage(type, series, 4, whole, from);
      computeMovingAverage(type, tail, 4, alone);
      const lookback = movingAverageLookback(type, 4);
      for (let i = 0; i < from + lookback; i++) expect(Number.isNaN(whole[i])).toBe(true);
      expect(Array.from(whole.subarray(from))).toEqual(Array.from(alone));
    }
  });

  it('passes the input through for a period of 1, whatever the type', () => {
    for (let type = 0; type <= 8; type++) {
      const out = new Float64Array(series.length);
      computeMovingAverage(type, series, 1, out);
      expect(Array.from(out)).toEqual(Array.from(series));
      expect(movingAverageLookback(type, 1)).toBe(0);
    }
  });

  it('computes the simple average of a window and an EMA seeded with it', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5]);
    const sma = new Float64Array(5);
    computeMovingAverage(MovingAverageType.SMA, x, 3, sma);
    expect(Array.from(sma.subarray(2))).toEqual([2, 3, 4]);
    const ema = new Float64Array(5);
    computeMovingAverage(MovingAverageType.EMA, x, 3, ema);
    // Seed 2, then k = 0.5: 2 + (4 − 2)/2 = 3, 3 + (5 − 3)/2 = 4.
    expect(Array.from(ema.subarray(2))).toEqual([2, 3, 4]);
    const wma = new Float64Array(5);
    computeMovingAverage(MovingAverageType.WMA, x, 3, wma);
    expect(wma[4]).toBeCloseTo((3 * 1 + 4 * 2 + 5 * 3) / 6, 12);
  });

  it('refuses an unknown type', () => {
    expect(() => computeMovingAverage(9, series, 5, new Float64Array(series.length))).toThrow(/0 to 8/);
    expect(() => movingAverageLookback(-1, 5)).toThrow(/0 to 8/);
    expect(() => createMovingAverage(9, 5)).toThrow(/0 to 8/);
  });
});

describe('createMovingAverage', () => {
  it('streams what the batch computes for every type', () => {
    for (let type = 0; type <= 8; type++) {
      for (const period of [1, 2, 5]) {
        const out = new Float64Array(series.length);
        computeMovingAverage(type, series, period, out);
        const stream = createMovingAverage(type, period);
        const lookback = movingAverageLookback(type, period);
        series.forEach((x, i) => {
          const v = stream.update(x);
          expect([type, period, i, stream.isReady]).toEqual([type, period, i, i >= lookback]);
          if (Number.isNaN(out[i] as number)) expect(Number.isNaN(v)).toBe(true);
          else expect(v).toBe(out[i]);
        });
      }
    }
  });
});
