import { describe, expect, it } from 'vitest';
import { BarSeries } from '../bar-series.js';
import { AlphintraError } from '../errors.js';
import { civilToMicros, MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE } from '../time.js';
import { TimeZone } from '../time-zone.js';
import { parseTimeframe } from '../timeframe.js';
import { bucketStart } from './bucket-calendar.js';
import { resampleBars } from './resample-bars.js';

const tf = parseTimeframe;

function minuteSeries(start: number, closes: number[], step = MICROS_PER_MINUTE): BarSeries {
  const series = BarSeries.empty(closes.length, { timeframe: { unit: 'minute', count: step / MICROS_PER_MINUTE } });
  closes.forEach((c, i) => {
    series.append(start + i * step, c - 0.5, c + 1 + (i % 3), c - 1 - (i % 2), c, 10 + i);
  });
  return series;
}

function dailySeries(zone: string, dates: [number, number, number][], timeframe = tf('1d')): BarSeries {
  const z = TimeZone.of(zone);
  const series = BarSeries.empty(dates.length, { timeframe });
  dates.forEach(([y, m, d], i) => {
    series.append(z.localToUtc(civilToMicros(y, m, d)), 100 + i, 110 + i, 90 + i, 105 + i, 1000 + i);
  });
  return series;
}

describe('resampleBars', () => {
  it('aggregates 1m bars into 5m bars with first open, max high, min low, last close and summed volume', () => {
    const start = civilToMicros(2006, 1, 2, 9, 0);
    const source = minuteSeries(start, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const { series, closeTimes, partialLast } = resampleBars(source, { timeframe: tf('5m') });
    expect(series.length).toBe(2);
    expect([...series.time]).toEqual([start, start + 5 * MICROS_PER_MINUTE]);
    expect([...series.open]).toEqual([0.5, 5.5]);
    expect([...series.high]).toEqual([Math.max(2, 4, 6, 5, 7), Math.max(9, 8, 10, 12, 11)]);
    expect([...series.low]).toEqual([Math.min(0, 0, 2, 2, 4), Math.min(4, 6, 6, 8, 8)]);
    expect([...series.close]).toEqual([5, 10]);
    expect([...series.volume]).toEqual([10 + 11 + 12 + 13 + 14, 15 + 16 + 17 + 18 + 19]);
    expect([...closeTimes]).toEqual([start + 5 * MICROS_PER_MINUTE, start + 10 * MICROS_PER_MINUTE]);
    expect(partialLast).toBe(false);
    expect(series.meta.timeframe).toEqual(tf('5m'));
  });

  it('drops the trailing bucket that has not closed unless includePartial is set', () => {
    const start = civilToMicros(2006, 1, 2, 9, 0);
    const source = minuteSeries(start, [1, 2, 3, 4, 5, 6, 7]);
    expect(resampleBars(source, { timeframe: tf('5m') }).series.length).toBe(1);
    const withPartial = resampleBars(source, { timeframe: tf('5m'), includePartial: true });
    expect(withPartial.series.length).toBe(2);
    expect(withPartial.partialLast).toBe(true);
    expect(withPartial.series.close[1]).toBe(7);
    const asOf = resampleBars(source, { timeframe: tf('5m'), asOf: start + 10 * MICROS_PER_MINUTE });
    expect(asOf.series.length).toBe(2);
    expect(asOf.partialLast).toBe(false);
  });

  it('labels bars by their close time with label right', () => {
    const start = civilToMicros(2006, 1, 2, 9, 0);
    const { series } = resampleBars(minuteSeries(start, [1, 2, 3, 4, 5]), { timeframe: tf('5m'), label: 'right' });
    expect(series.time[0]).toBe(start + 5 * MICROS_PER_MINUTE);
  });

  it('omits buckets without source bars instead of inventing empty ones', () => {
    const start = civilToMicros(2006, 1, 2, 9, 0);
    const source = BarSeries.fromBars(
      [0, 1, 12, 13].map((m) => ({
        time: start + m * MICROS_PER_MINUTE,
        open: m,
        high: m,
        low: m,
        close: m,
        volume: 1,
      })),
      { timeframe: tf('1m') },
    );
    const { series } = resampleBars(source, { timeframe: tf('5m'), includePartial: true });
    expect([...series.time]).toEqual([start, start + 10 * MICROS_PER_MINUTE]);
  });

  it('ignores NaN inputs and leaves a bucket of only NaN as NaN', () => {
    const start = civilToMicros(2006, 1, 2);
    const nan = Number.NaN;
    const source = BarSeries.fromBars(
      [
        { time: start, open: nan, high: nan, low: nan, close: nan, volume: nan },
        { time: start + MICROS_PER_MINUTE, open: 5, high: 6, low: 4, close: 5.5, volume: 3 },
        { time: start + 2 * MICROS_PER_MINUTE, open: 6, high: nan, low: 3, close: nan, volume: nan },
        { time: start + 5 * MICROS_PER_MINUTE, open: nan, high: nan, low: nan, close: nan, volume: nan },
      ],
      { timeframe: tf('1m') },
    );
    const { series } = resampleBars(source, { timeframe: tf('5m'), includePartial: true });
    expect(series.bar(0)).toEqual({ time: start, open: 5, high: 6, low: 3, close: 5.5, volume: 3 });
    const empty = series.bar(1);
    expect([empty.open, empty.high, empty.low, empty.close, empty.volume].every(Number.isNaN)).toBe(true);
  });

  it('keeps the last non-NaN value of extra columns', () => {
    const start = civilToMicros(2006, 1, 2);
    const time = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], (m) => start + m * MICROS_PER_MINUTE);
    const ones = new Float64Array(10).fill(1);
    const interest = Float64Array.from([1, 2, 3, 4, Number.NaN, 6, 7, 8, 9, 10]);
    const source = BarSeries.fromColumns(
      { time, open: ones, high: ones, low: ones, close: ones, volume: ones, extras: { interest } },
      { timeframe: tf('1m') },
    );
    const { series } = resampleBars(source, { timeframe: tf('5m') });
    expect([...(series.extra('interest') as Float64Array)]).toEqual([4, 10]);
  });

  it('rejects a target that cannot be built from the source', () => {
    const source = minuteSeries(0, [1, 2, 3, 4], 5 * MICROS_PER_MINUTE);
    expect(() => resampleBars(source, { timeframe: tf('7m') })).toThrow('cannot build 7m bars from 5m bars');
    expect(() => resampleBars(source, { timeframe: tf('1m') })).toThrow(AlphintraError);
  });

  it('rejects unsorted input and names the row', () => {
    const source = minuteSeries(0, [1, 2, 3, 4]);
    const time = source.time;
    [time[1], time[2]] = [time[2] as number, time[1] as number];
    expect(() => resampleBars(source, { timeframe: tf('5m') })).toThrow(/row 2/);
  });

  it('builds weeks that start on Monday, or on Sunday when asked', () => {
    // 2006-01-02 is a Monday; 2006-01-08 a Sunday.
    const days: [number, number, number][] = [
      [2006, 1, 2],
      [2006, 1, 3],
      [2006, 1, 6],
      [2006, 1, 8],
      [2006, 1, 9],
      [2006, 1, 13],
    ];
    const { series, closeTimes } = resampleBars(dailySeries('UTC', days), { timeframe: tf('1w') });
    expect([...series.time]).toEqual([civilToMicros(2006, 1, 2)]);
    expect(series.volume[0]).toBe(1000 + 1001 + 1002 + 1003);
    expect(series.open[0]).toBe(100);
    expect(series.close[0]).toBe(108);
    expect(closeTimes[0]).toBe(civilToMicros(2006, 1, 9));
    const sunday = resampleBars(dailySeries('UTC', days), {
      timeframe: tf('1w'),
      weekStart: 'sunday',
      includePartial: true,
    });
    expect([...sunday.series.time]).toEqual([civilToMicros(2006, 1, 1), civilToMicros(2006, 1, 8)]);
  });

  it('builds calendar months and quarters from daily bars', () => {
    const days: [number, number, number][] = [
      [2006, 1, 30],
      [2006, 1, 31],
      [2006, 2, 1],
      [2006, 2, 28],
      [2006, 3, 1],
      [2006, 4, 3],
    ];
    const monthly = resampleBars(dailySeries('UTC', days), { timeframe: tf('1M') });
    expect([...monthly.series.time]).toEqual([
      civilToMicros(2006, 1, 1),
      civilToMicros(2006, 2, 1),
      civilToMicros(2006, 3, 1),
    ]);
    expect([...monthly.series.volume]).toEqual([2001, 2005, 1004]);
    expect([...monthly.closeTimes]).toEqual([
      civilToMicros(2006, 2, 1),
      civilToMicros(2006, 3, 1),
      civilToMicros(2006, 4, 1),
    ]);
    const quarterly = resampleBars(dailySeries('UTC', days), { timeframe: tf('1q'), includePartial: true });
    expect([...quarterly.series.time]).toEqual([civilToMicros(2006, 1, 1), civilToMicros(2006, 4, 1)]);
    expect(quarterly.series.high[0]).toBe(114);
  });

  it('follows local midnights across a DST change in America/New_York', () => {
    const ny = TimeZone.of('America/New_York');
    // Clocks went forward on 2006-04-02: that day lasts 23 hours.
    const start = ny.localToUtc(civilToMicros(2006, 4, 1, 22));
    const source = minuteSeries(
      start,
      Array.from({ length: 30 }, (_, i) => i + 1),
      MICROS_PER_HOUR,
    );
    const daily = resampleBars(source, { timeframe: tf('1d'), timeZone: 'America/New_York', includePartial: true });
    const midnight = (d: number): number => ny.localToUtc(civilToMicros(2006, 4, d));
    expect([...daily.series.time]).toEqual([midnight(1), midnight(2), midnight(3)]);
    expect(daily.closeTimes[1]! - daily.closeTimes[0]!).toBe(23 * MICROS_PER_HOUR);
    // 2 bars on April 1 (22:00, 23:00), 23 on April 2, the rest on April 3.
    expect(daily.series.volume[0]).toBe(10 + 11);
    expect(daily.series.close[1]).toBe(25);
    const fourHours = resampleBars(source, { timeframe: tf('4h'), timeZone: 'America/New_York', includePartial: true });
    const labels = [...fourHours.series.time].map((t) => (ny.utcToLocal(t) % MICROS_PER_DAY) / MICROS_PER_HOUR);
    expect(labels).toEqual([20, 0, 4, 8, 12, 16, 20, 0, 4]);
    expect(fourHours.closeTimes[1]! - fourHours.series.time[1]!).toBe(3 * MICROS_PER_HOUR);
  });

  it('builds daily bars from a futures session crossing midnight, dated by the day it closes', () => {
    const chicago = TimeZone.of('America/Chicago');
    const session = { timeZone: 'America/Chicago', open: '17:00', close: '16:00' };
    const local = (d: number, h: number): number => chicago.localToUtc(civilToMicros(2006, 1, d, h));
    // Hourly bars from Sunday 2006-01-08 17:00 to Tuesday 2006-01-10 15:00 local.
    const first = local(8, 17);
    const hours = (local(10, 16) - first) / MICROS_PER_HOUR;
    const times: number[] = [];
    for (let i = 0; i < hours; i++) {
      const t = first + i * MICROS_PER_HOUR;
      if (t !== local(9, 16)) times.push(t); // the daily halt 16:00–17:00 has no bars
    }
    const source = BarSeries.fromBars(
      times.map((t, i) => ({ time: t, open: i, high: i + 1, low: i - 1, close: i, volume: 1 })),
      { timeframe: tf('1h') },
    );
    const daily = resampleBars(source, { timeframe: tf('1d'), session });
    expect([...daily.series.time]).toEqual([local(8, 17), local(9, 17)]);
    expect([...daily.closeTimes]).toEqual([local(9, 16), local(10, 16)]);
    expect([...daily.series.volume]).toEqual([23, 23]);
    expect(bucketStart(local(9, 3), { timeframe: tf('1d'), session })).toBe(local(8, 17));
    expect(bucketStart(local(9, 18), { timeframe: tf('1d'), session })).toBe(local(9, 17));
    // 4h buckets are anchored to the 17:00 open and the last one is cut at the 16:00 close.
    const fourHours = resampleBars(source, { timeframe: tf('4h'), session });
    expect(fourHours.series.time[0]).toBe(local(8, 17));
    expect(fourHours.series.time[5]).toBe(local(9, 13));
    expect(fourHours.closeTimes[5]).toBe(local(9, 16));
    expect(fourHours.series.volume[5]).toBe(3);
  });

  it('rejects bars that cross a bucket boundary, such as daily bars stamped in another zone', () => {
    const days = dailySeries('UTC', [
      [2006, 1, 6],
      [2006, 1, 9],
    ]);
    expect(() => resampleBars(days, { timeframe: tf('1w'), timeZone: 'America/New_York' })).toThrow(/bucket boundary/);
    const session = { timeZone: 'UTC', open: '09:30', close: '16:00' };
    expect(() => resampleBars(minuteSeries(0, [1, 2], MICROS_PER_HOUR), { timeframe: tf('1d'), session })).toThrow(
      /does not fall on 60m bar boundaries/,
    );
  });

  it('returns an empty result for an empty series', () => {
    const result = resampleBars(BarSeries.empty(), { timeframe: tf('1h') });
    expect(result.series.length).toBe(0);
    expect(result.closeTimes.length).toBe(0);
    expect(MICROS_PER_DAY).toBeGreaterThan(0);
  });
});
