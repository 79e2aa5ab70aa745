import { describe, expect, it } from 'vitest';
import { seededReturns } from '../testing/seeded-series.js';
import { rollingSharpe, rollingVolatility, rollingWindows } from './rolling.js';

describe('rolling windows', () => {
  it('align each statistic with the last value of its window and pad the warm-up with NaN', () => {
    const sums = rollingWindows(Float64Array.of(1, 2, 3, 4), 2, (w) => w.reduce((a, b) => a + b, 0));
    expect(Array.from(sums)).toEqual([Number.NaN, 3, 5, 7]);
  });

  it('compute Sharpe and volatility of each window like a fresh computation on a copy', () => {
    const returns = seededReturns(3, 120);
    const sharpe = rollingSharpe(returns, 30, 252);
    const vol = rollingVolatility(returns, 30, 252);
    for (const i of [29, 64, 119]) {
      const w = Array.from(returns.slice(i - 29, i + 1));
      const m = w.reduce((a, b) => a + b, 0) / 30;
      const sd = Math.sqrt(w.reduce((a, b) => a + (b - m) ** 2, 0) / 29);
      expect(sharpe[i]).toBeCloseTo((m / sd) * Math.sqrt(252), 10);
      expect(vol[i]).toBeCloseTo(sd * Math.sqrt(252), 12);
    }
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => rollingWindows(new Float64Array(3), 0, () => 0)).toThrow('expected a positive integer window, got 0');
  });
});
