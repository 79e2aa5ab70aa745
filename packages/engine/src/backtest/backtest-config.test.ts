import { BarSeries, timeframe } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { dailyBars } from '../testing/fixtures.js';
import { checkBacktestConfig, checkSeries, DEFAULT_BACKTEST_CONFIG } from './backtest-config.js';

/** 10,000 valid daily bars, so a bad one lands in a later block of the scan. */
function longRows(): number[][] {
  return Array.from({ length: 10_000 }, (_, i) => [100 + i * 0.01, 101 + i * 0.01, 99 + i * 0.01, 100 + i * 0.01]);
}

describe('checkSeries', () => {
  it('accepts ordered bars with finite prices', () => {
    expect(() => checkSeries(dailyBars(longRows()), 'X')).not.toThrow();
  });

  it.each([
    ['open', 0],
    ['high', 1],
    ['low', 2],
    ['close', 3],
  ])('refuses a NaN or infinite %s anywhere, naming the bar', (_field, column) => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const rows = longRows();
      (rows[7001] as number[])[column] = bad;
      expect(() => checkSeries(dailyBars(rows), 'X')).toThrow(/bar 7001 of X has a missing or non-finite price/);
    }
  });

  it('refuses a high below the low', () => {
    const rows = longRows();
    rows[4096] = [100, 98, 99, 100];
    expect(() => checkSeries(dailyBars(rows), 'X')).toThrow('bar 4096 of X has high 98 below low 99');
  });

  it('refuses times that repeat or go back, at the first such bar', () => {
    const series = dailyBars(longRows());
    const time = Float64Array.from(series.time);
    time[5000] = time[4999] as number;
    const columns = { ...series.columns(), time };
    const broken = BarSeries.fromColumns(columns, { symbol: 'X', timeframe: timeframe('day') });
    expect(() => checkSeries(broken, 'X')).toThrow('bars of X are not in increasing time order at bar 5000');
  });

  it('refuses a non-finite time, even on the first bar', () => {
    const series = dailyBars(longRows().slice(0, 3));
    const time = Float64Array.from(series.time);
    time[0] = Number.NaN;
    const broken = BarSeries.fromColumns({ ...series.columns(), time }, { symbol: 'X', timeframe: timeframe('day') });
    expect(() => checkSeries(broken, 'X')).toThrow('bar 0 of X has a non-finite time');
  });
});

describe('checkBacktestConfig', () => {
  it('checks the account currency and the rate table before anything runs', () => {
    expect(() => checkBacktestConfig({ ...DEFAULT_BACKTEST_CONFIG, currency: 'EUR' })).not.toThrow();
    expect(() => checkBacktestConfig({ ...DEFAULT_BACKTEST_CONFIG, currency: '' })).toThrow(
      'expected an account currency code, got ""',
    );
    expect(() => checkBacktestConfig({ ...DEFAULT_BACKTEST_CONFIG, fxRates: { 'EUR/USD': 0 } })).toThrow(
      "expected a positive rate for fxRates['EUR/USD'], got 0",
    );
  });
});
