import { BarSeries, parseTimeframe, resampleBars, timeframe } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../backtest/run-backtest.js';
import { defineStrategy } from '../strategy/strategy.js';
import { TEST_EQUITY } from '../testing/fixtures.js';

const MINUTE = 60_000_000;

function minuteBars(count: number): BarSeries {
  const n = count;
  const time = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  const start = Date.UTC(2024, 0, 2, 9, 30) * 1000;
  for (let i = 0; i < n; i++) {
    const p = 100 + Math.sin(i / 3) * 2 + i * 0.01;
    time[i] = start + i * MINUTE;
    open[i] = p;
    high[i] = p + 0.5 + (i % 3) * 0.1;
    low[i] = p - 0.5 - (i % 2) * 0.1;
    close[i] = p + 0.2;
    volume[i] = 100 + i;
  }
  return BarSeries.fromColumns({ time, open, high, low, close, volume }, { timeframe: timeframe('minute') });
}

describe('higher timeframes in a strategy', () => {
  it('shows each 5-minute bar only once its last minute has closed, equal to the batch resample', () => {
    const series = minuteBars(23);
    const seen: {
      atBar: number;
      time: number;
      open: number;
      high: number;
      low: number;
      close: number;
      volume: number;
    }[] = [];
    const strategy = defineStrategy({
      name: 'five-minute-reader',
      parameters: {},
      create(ctx) {
        const five = ctx.timeframe('5m');
        return {
          onBar(bar) {
            if (!five.closedNow) return;
            const b = five.last;
            if (b === undefined) throw new Error('closedNow without a bar');
            // The bucket must have ended by the clock time of this source bar.
            expect(b.closeTime).toBeLessThanOrEqual(bar.closeTime);
            seen.push({
              atBar: bar.index,
              time: b.time,
              open: b.open,
              high: b.high,
              low: b.low,
              close: b.close,
              volume: b.volume,
            });
          },
        };
      },
    });
    runBacktest({ strategy, data: [{ instrument: TEST_EQUITY, series }] });
    const batch = resampleBars(series, { timeframe: parseTimeframe('5m') }).series;
    // 23 minutes from 09:30: buckets 09:30…09:45 complete (4), 09:50 still forming.
    expect(seen.map((s) => s.atBar)).toEqual([4, 9, 14, 19]);
    expect(seen.map((s) => s.time)).toEqual(Array.from(batch.time.subarray(0, 4)));
    expect(seen.map((s) => s.high)).toEqual(Array.from(batch.high.subarray(0, 4)));
    expect(seen.map((s) => s.low)).toEqual(Array.from(batch.low.subarray(0, 4)));
    expect(seen.map((s) => s.close)).toEqual(Array.from(batch.close.subarray(0, 4)));
    expect(seen.map((s) => s.volume)).toEqual(Array.from(batch.volume.subarray(0, 4)));
  });

  it('feeds indicators with closed higher-timeframe bars only', () => {
    const series = minuteBars(60);
    const values: number[] = [];
    const strategy = defineStrategy({
      name: 'five-minute-sma',
      parameters: {},
      create(ctx) {
        const five = ctx.timeframe('5m');
        const sma = five.indicator('SMA', { timeperiod: 3 });
        return {
          onBar() {
            if (five.closedNow && sma.isReady) values.push(sma.value);
          },
        };
      },
    });
    runBacktest({ strategy, data: [{ instrument: TEST_EQUITY, series }] });
    const closes = resampleBars(series, { timeframe: parseTimeframe('5m') }).series.close;
    const expected: number[] = [];
    for (let i = 2; i < closes.length; i++)
      expected.push(((closes[i - 2] as number) + (closes[i - 1] as number) + (closes[i] as number)) / 3);
    expect(values).toHaveLength(expected.length);
    values.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] as number, 12);
    });
  });
});
