import { civilToMicros } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { parseBars } from './index.js';

const T = (d: number, h = 0, mi = 0) => civilToMicros(2024, 1, d, h, mi);

describe('explicit mappings', () => {
  it('feeds every field mapped to one column from that column', () => {
    const text = 'Date,Price,Size\n2024-01-02,1.5,10\n2024-01-03,2.25,20\n';
    const r = parseBars(text, {
      mapping: { date: 'Date', open: 'Price', high: 'Price', low: 'Price', close: 'Price', volume: 'Size' },
    });
    for (const column of [r.series.open, r.series.high, r.series.low, r.series.close]) {
      expect([...column]).toEqual([1.5, 2.25]);
    }
    expect([...r.series.volume]).toEqual([10, 20]);
  });

  it('feeds a field and an extra from the same column, in JSON too', () => {
    const mapping = { time: 't', close: 'p', open: 'p', high: 'p', low: 'p', extras: { mid: 'p' } };
    const r = parseBars(JSON.stringify([{ t: '2024-01-02', p: 3 }]), { mapping });
    expect([r.series.open[0], r.series.high[0], r.series.low[0], r.series.close[0]]).toEqual([3, 3, 3, 3]);
    expect(r.series.extra('mid')?.[0]).toBe(3);
  });

  it('copies close into open, high and low when the mapping names only close', () => {
    const r = parseBars('Date,Price\n2024-01-02,1.5\n', { mapping: { date: 'Date', close: 'Price' } });
    expect([r.series.open[0], r.series.high[0], r.series.low[0], r.series.close[0]]).toEqual([1.5, 1.5, 1.5, 1.5]);
    expect(r.series.time[0]).toBe(T(2));
  });
});

describe('extra column names', () => {
  it('numbers repeated names close_2, close_3 and maps them by index', () => {
    const text = 'Date,Close,Close,Close\n2024-01-02,1,2,3\n2024-01-03,4,5,6\n';
    const r = parseBars(text);
    expect(r.series.extraNames).toEqual(['close_2', 'close_3']);
    expect([...(r.series.extra('close_3') ?? [])]).toEqual([3, 6]);
    expect(r.layout.mapping.extras).toEqual({ close_2: 2, close_3: 3 });
    const again = parseBars(text, { mapping: r.layout.mapping });
    expect(again.series.columns()).toEqual(r.series.columns());
  });
});

describe('missing time column', () => {
  it('says why the time column was rejected and shows its value', () => {
    let message = '';
    try {
      parseBars('time,open,high,low,close\n09:30,1,2,0.5,1.5\n09:31,1,2,0.5,1.5\n');
    } catch (error) {
      message = (error as Error).message;
      expect(error).toMatchObject({ code: 'MISSING_COLUMN' });
    }
    expect(message).toContain('"09:30"');
    expect(message).toContain('times of day without a date');
    expect(message).not.toMatch(/no time column among time/);
  });

  it('shows the text found in a time column holding text', () => {
    expect(() => parseBars('timestamp,close\nyesterday,1\nlater,2\n')).toThrow(/timestamp.*"yesterday"/);
  });
});
