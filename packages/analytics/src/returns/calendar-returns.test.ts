import { civilToMicros } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { monthlyReturns, yearlyReturns } from './calendar-returns.js';

const at = (year: number, month: number, day: number): number => civilToMicros(year, month, day);

describe('calendar return tables', () => {
  // Dec 30 2023: 100; Dec 31: 105; Jan 15 2024: 84; Jan 31: 126; Mar 1: 113.4.
  const time = Float64Array.of(at(2023, 12, 30), at(2023, 12, 31), at(2024, 1, 15), at(2024, 1, 31), at(2024, 3, 1));
  const equity = Float64Array.of(100, 105, 84, 126, 113.4);

  it('chain each month from the previous month’s last equity, skipping months without bars', () => {
    const months = monthlyReturns({ time, equity });
    expect(months.map((m) => [m.year, m.month])).toEqual([
      [2023, 12],
      [2024, 1],
      [2024, 3],
    ]);
    expect(months[0]?.return).toBeCloseTo(0.05, 12); // 105 / 100
    expect(months[1]?.return).toBeCloseTo(0.2, 12); // 126 / 105
    expect(months[2]?.return).toBeCloseTo(-0.1, 12); // 113.4 / 126
  });

  it('compound to the total return, year by year', () => {
    const years = yearlyReturns({ time, equity });
    expect(years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(years[1]?.return).toBeCloseTo(113.4 / 105 - 1, 12);
    const product = monthlyReturns({ time, equity }).reduce((p, m) => p * (1 + m.return), 1);
    expect(product).toBeCloseTo(1.134, 12);
  });

  it('return empty tables for an empty curve', () => {
    expect(monthlyReturns({ time: new Float64Array(0), equity: new Float64Array(0) })).toEqual([]);
  });
});
