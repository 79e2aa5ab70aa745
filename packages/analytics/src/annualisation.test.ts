import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { inferPeriodsPerYear, medianSpacing } from './annualisation.js';

const spaced = (n: number, step: number): Float64Array => Float64Array.from({ length: n }, (_, i) => i * step);

/** Weekday-only daily bars: Monday to Friday, then a three-day gap. */
function weekdays(n: number): Float64Array {
  const out = new Float64Array(n);
  let day = 4; // 1970-01-05 was a Monday (day 4 after the epoch).
  for (let i = 0; i < n; i++) {
    out[i] = day * MICROS_PER_DAY;
    day += (day - 4) % 7 === 4 ? 3 : 1;
  }
  return out;
}

describe('inferPeriodsPerYear', () => {
  it('gives 252 for daily equity bars, weekends and all, and 365 on the crypto calendar', () => {
    expect(inferPeriodsPerYear(weekdays(300))).toBe(252);
    expect(inferPeriodsPerYear(spaced(300, MICROS_PER_DAY), { calendar: 'crypto' })).toBe(365);
  });

  it('scales intraday bars from the session length: 252 × 390 for one-minute equities, 365 × 1440 for crypto', () => {
    expect(inferPeriodsPerYear(spaced(100, MICROS_PER_MINUTE))).toBeCloseTo(252 * 390, 9);
    expect(inferPeriodsPerYear(spaced(100, MICROS_PER_MINUTE), { calendar: 'crypto' })).toBeCloseTo(365 * 1440, 9);
    expect(inferPeriodsPerYear(spaced(100, MICROS_PER_HOUR), { tradingDayMicros: 8 * MICROS_PER_HOUR })).toBe(252 * 8);
  });

  it('snaps weekly, monthly, quarterly and yearly spacings to 52, 12, 4 and 1', () => {
    expect(inferPeriodsPerYear(spaced(20, 7 * MICROS_PER_DAY))).toBe(52);
    expect(inferPeriodsPerYear(spaced(20, 31 * MICROS_PER_DAY))).toBe(12);
    expect(inferPeriodsPerYear(spaced(20, 91 * MICROS_PER_DAY))).toBe(4);
    expect(inferPeriodsPerYear(spaced(20, 365 * MICROS_PER_DAY))).toBe(1);
    expect(inferPeriodsPerYear(spaced(20, 14 * MICROS_PER_DAY))).toBeCloseTo(365.25 / 14, 12);
  });

  it('uses an explicit periodsPerYear as is and rejects a non-positive one', () => {
    expect(inferPeriodsPerYear(spaced(3, MICROS_PER_DAY), { periodsPerYear: 260 })).toBe(260);
    expect(() => inferPeriodsPerYear(spaced(3, MICROS_PER_DAY), { periodsPerYear: 0 })).toThrow(/periodsPerYear/);
  });

  it('cannot infer anything from a single bar', () => {
    expect(inferPeriodsPerYear(Float64Array.of(0))).toBeNaN();
    expect(medianSpacing(Float64Array.of(0, 1, 3, 10))).toBe(2);
  });
});
