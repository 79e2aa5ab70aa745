import { describe, expect, it } from 'vitest';
import { equityFromReturns, periodReturns, perPeriodRate, validateEquity } from './inputs.js';

describe('equity inputs', () => {
  it('turn equity into simple period returns and back', () => {
    const returns = periodReturns(Float64Array.of(100, 110, 99));
    expect(Array.from(returns)).toEqual([0.10000000000000009, -0.09999999999999998]);
    expect(equityFromReturns(returns, 100)[2]).toBeCloseTo(99, 12);
  });

  it('compound an annual rate down to a per-period rate', () => {
    expect((1 + perPeriodRate(0.05, 252)) ** 252).toBeCloseTo(1.05, 12);
    expect(perPeriodRate(0, 252)).toBe(0);
  });

  it('reject non-positive equity, unsorted timestamps and mismatched lengths', () => {
    const time = Float64Array.of(1, 2, 3);
    expect(() => validateEquity({ time, equity: Float64Array.of(1, 0, 1) })).toThrow(
      'expected positive finite equity at index 1, got 0',
    );
    expect(() => validateEquity({ time: Float64Array.of(1, 3, 2), equity: Float64Array.of(1, 1, 1) })).toThrow(
      /ascending/,
    );
    expect(() => validateEquity({ time, equity: Float64Array.of(1, 1) })).toThrow(/as many timestamps/);
  });
});
