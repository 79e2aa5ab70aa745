import { describe, expect, it } from 'vitest';
import { detectTimeframe } from './detect-timeframe.js';
import { civilToMicros } from './time.js';

function times(values: number[]): Float64Array {
  return Float64Array.from(values);
}

describe('detectTimeframe', () => {
  it('reads minute bars even with session breaks', () => {
    const t: number[] = [];
    for (let d = 2; d < 6; d++) for (let m = 0; m < 100; m++) t.push(civilToMicros(2006, 1, d, 9, m));
    expect(detectTimeframe(times(t))).toEqual({ unit: 'minute', count: 1 });
  });

  it('reads daily bars with weekends as one day', () => {
    const t: number[] = [];
    for (let d = 1; d <= 60; d++) {
      const micros = civilToMicros(2021, 3, 1) + (d - 1) * 86_400_000_000;
      const weekday = new Date(micros / 1000).getUTCDay();
      if (weekday !== 0 && weekday !== 6) t.push(micros);
    }
    expect(detectTimeframe(times(t))).toEqual({ unit: 'day', count: 1 });
  });

  it('reads weekly, monthly and quarterly bars', () => {
    expect(detectTimeframe(times([0, 7, 14, 21].map((d) => d * 86_400_000_000)))).toEqual({ unit: 'week', count: 1 });
    const months = Array.from({ length: 24 }, (_, i) => civilToMicros(2020 + Math.floor(i / 12), (i % 12) + 1, 1));
    expect(detectTimeframe(times(months))).toEqual({ unit: 'month', count: 1 });
    const quarters = Array.from({ length: 12 }, (_, i) => civilToMicros(2020 + Math.floor(i / 4), (i % 4) * 3 + 1, 1));
    expect(detectTimeframe(times(quarters))).toEqual({ unit: 'month', count: 3 });
  });

  it('reads irregular sub-second data as ticks', () => {
    expect(detectTimeframe(times([0, 4_005_000, 11_675_000, 12_927_000, 15_000_123]))).toEqual({
      unit: 'tick',
      count: 1,
    });
  });

  it('returns undefined with fewer than two distinct times', () => {
    expect(detectTimeframe(times([]))).toBeUndefined();
    expect(detectTimeframe(times([5, 5, 5]))).toBeUndefined();
  });
});
