import { describe, expect, it } from 'vitest';
import { seededReturns } from '../testing/seeded-series.js';
import { defaultRollingWindow, rollingFigures, rollingSharpe, rollingVolatility, rollingWindows } from './rolling.js';

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

describe('rolling figures by bar', () => {
  it('put the figure of the window of returns ending at bar i at index i, null before', () => {
    const returns = seededReturns(7, 40);
    const figures = rollingFigures(returns, 10, 252, 0.0001);
    expect(figures.sharpe.length).toBe(41);
    for (let i = 0; i < 10; i++) {
      expect(figures.sharpe[i]).toBeNaN();
      expect(figures.volatility[i]).toBeNaN();
    }
    // Bar i ends return i − 1: the window is returns i − 10 … i − 1.
    for (const i of [10, 25, 40]) {
      const w = Array.from(returns.slice(i - 10, i));
      const m = w.reduce((a, b) => a + b, 0) / 10;
      const sd = Math.sqrt(w.reduce((a, b) => a + (b - m) ** 2, 0) / 9);
      expect(figures.sharpe[i]).toBeCloseTo(((m - 0.0001) / sd) * Math.sqrt(252), 10);
      expect(figures.volatility[i]).toBeCloseTo(sd * Math.sqrt(252), 12);
    }
  });

  it('give no Sharpe ratio and zero volatility over flat windows', () => {
    const figures = rollingFigures(new Float64Array(5), 2, 252);
    expect(Array.from(figures.sharpe).every(Number.isNaN)).toBe(true);
    expect(Array.from(figures.volatility.subarray(2))).toEqual([0, 0, 0, 0]);
  });

  it('leave every bar empty when the window is longer than the returns', () => {
    const figures = rollingFigures(seededReturns(1, 3), 5, 252);
    expect(figures.sharpe.length).toBe(4);
    expect(Array.from(figures.sharpe).every(Number.isNaN)).toBe(true);
  });

  it('reject a window shorter than two periods', () => {
    expect(() => rollingFigures(new Float64Array(3), 1, 252)).toThrow(
      'expected a rolling window of at least 2 periods, got 1',
    );
    expect(() => rollingFigures(new Float64Array(3), 2.5, 252)).toThrow('got 2.5');
  });

  it('default to half a year of periods, at most half the sample and at least two', () => {
    expect(defaultRollingWindow(252, 5035)).toBe(126);
    expect(defaultRollingWindow(52, 1000)).toBe(26);
    expect(defaultRollingWindow(12, 240)).toBe(6);
    expect(defaultRollingWindow(252, 100)).toBe(50);
    expect(defaultRollingWindow(252, 1)).toBe(2);
    expect(defaultRollingWindow(Number.NaN, 0)).toBe(2);
  });
});
