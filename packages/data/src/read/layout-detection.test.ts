import { civilToMicros } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { detectLayout, parseBars } from './index.js';

const T = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, us = 0) => civilToMicros(y, mo, d, h, mi, s, us);

describe('vendor layouts', () => {
  it('recognises a Yahoo export and keeps Adj Close as an extra', () => {
    const r = parseBars(
      'Date,Open,High,Low,Close,Adj Close,Volume\n2014-12-31,45.45,45.56,44.97,44.97,42.30,13269200\n',
    );
    expect(r.layout.vendor).toBe('yahoo');
    expect(r.series.extra('adjClose')?.[0]).toBe(42.3);
    expect(r.series.volume[0]).toBe(13269200);
  });

  it('recognises a backtrader file with a Time column and OpenInterest', () => {
    const r = parseBars('Date,Time,Open,High,Low,Close,Volume,OpenInterest\n2006-01-02,09:05:00,1,2,0.5,1.5,10,7\n');
    expect(r.layout.vendor).toBe('backtrader');
    expect(r.series.time[0]).toBe(T(2006, 1, 2, 9, 5));
    expect(r.series.extra('openInterest')?.[0]).toBe(7);
  });

  it('recognises Binance klines without a header', () => {
    const row = (t: number) => `${t},42000.1,42100.5,41950,42050.25,12.5,${t + 59999},525000.5,321,6.25,262500.25,0`;
    const r = parseBars(`${row(1704067200000)}\n${row(1704067260000)}\n`);
    expect(r.layout.vendor).toBe('binance-klines');
    expect(r.layout.header).toBe(false);
    expect(r.layout.timestamp).toBe('epoch ms');
    expect(r.series.time[1]).toBe(T(2024, 1, 1, 0, 1));
    expect([r.series.open[0], r.series.close[0], r.series.volume[0]]).toEqual([42000.1, 42050.25, 12.5]);
    expect(r.series.extra('trades')?.[0]).toBe(321);
    expect(r.series.extra('quoteVolume')?.[0]).toBe(525000.5);
  });

  it('recognises a MetaTrader export without a header', () => {
    const r = parseBars(
      '2020.01.02,13:45,1.1210,1.1215,1.1205,1.1212,123\n2020.01.02,13:46,1.1212,1.1216,1.1211,1.1214,87\n',
    );
    expect(r.layout.vendor).toBe('metatrader');
    expect(r.series.time[0]).toBe(T(2020, 1, 2, 13, 45));
    expect(r.series.close[1]).toBe(1.1214);
    expect(r.series.volume[0]).toBe(123);
  });

  it('recognises a tab-separated MetaTrader export with a header and uses TICKVOL when VOL is zero', () => {
    const text =
      '<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n' +
      '2020.01.02\t13:45:00\t1.1210\t1.1215\t1.1205\t1.1212\t123\t0\t2\n' +
      '2020.01.02\t13:46:00\t1.1212\t1.1216\t1.1211\t1.1214\t87\t0\t3\n';
    const r = parseBars(text);
    expect(r.layout.delimiter).toBe('\t');
    expect(r.layout.vendor).toBe('metatrader');
    expect(r.layout.mapping.volume).toBe('<TICKVOL>');
    expect(r.series.volume[1]).toBe(87);
    expect(r.series.extra('spread')?.[1]).toBe(3);
    expect(r.series.extra('realVolume')?.[1]).toBe(0);
  });

  it('recognises a TradingView export with epoch seconds', () => {
    const r = parseBars('time,open,high,low,close,Volume\n1704067200,1,2,0.5,1.5,100\n1704153600,1.5,2.5,1,2,200\n');
    expect(r.layout.vendor).toBe('tradingview');
    expect(r.layout.timestamp).toBe('epoch s');
    expect(r.series.time[1]).toBe(T(2024, 1, 2));
  });

  it('recognises a TradingView export with ISO times and zone offsets', () => {
    const r = parseBars('time,open,high,low,close\n2024-01-02T09:30:00-05:00,1,2,0.5,1.5\n');
    expect(r.layout.vendor).toBe('tradingview');
    expect(r.layout.timestamp).toContain('with zone offsets');
    expect(r.series.time[0]).toBe(T(2024, 1, 2, 14, 30));
    expect(Number.isNaN(r.series.volume[0])).toBe(true);
  });
});

describe('header names', () => {
  it('matches synonyms case-insensitively', () => {
    const r = parseBars('TIMESTAMP;O;H;L;C;Volume USDT\n2024-01-02 00:00:00;1;2;0.5;1.5;99\n');
    expect(r.layout.delimiter).toBe(';');
    expect(r.layout.mapping).toMatchObject({ time: 'TIMESTAMP', open: 'O', close: 'C', volume: 'Volume USDT' });
    expect(r.series.volume[0]).toBe(99);
  });

  it('matches Binance download headers with open_time and close_time', () => {
    const r = parseBars(
      'open_time,open,high,low,close,volume,close_time,quote_volume,count\n1704067200000,1,2,0.5,1.5,3,1704067259999,4.5,7\n',
    );
    expect(r.layout.vendor).toBe('binance-klines');
    expect(r.series.time[0]).toBe(T(2024, 1, 1));
    expect(r.series.extra('quoteVolume')?.[0]).toBe(4.5);
    expect(r.series.extra('closeTime')?.[0]).toBe(1704067259999);
  });

  it('fills open, high and low from close when a file has one price column', () => {
    const r = parseBars('time,price,volume\n2024-01-02T00:00:00,1.5,3\n');
    expect([r.series.open[0], r.series.high[0], r.series.low[0], r.series.close[0]]).toEqual([1.5, 1.5, 1.5, 1.5]);
  });

  it('refuses a file without a close column, listing the columns found', () => {
    expect(() => parseBars('Date,Foo,Bar\n2024-01-02,1,2\n', { file: 'x.csv' })).toThrow(
      expect.objectContaining({ code: 'MISSING_COLUMN', message: expect.stringMatching(/Date, Foo, Bar.*--map/) }),
    );
  });

  it('follows an explicit mapping by name or index', () => {
    const text = 'a,b,c,d,e,f\n2024-01-02,1,2,3,4,5\n';
    const r = parseBars(text, { mapping: { time: 'a', open: 1, high: 'c', low: 'd', close: 'e', volume: 'f' } });
    expect([r.series.open[0], r.series.close[0], r.series.volume[0]]).toEqual([1, 4, 5]);
  });
});

describe('timestamps', () => {
  it('infers DD/MM/YYYY from a day above 12', () => {
    const r = parseBars('Date,Open,High,Low,Close\n01/02/2024,1,1,1,1\n13/02/2024,1,1,1,1\n');
    expect(r.series.time[0]).toBe(T(2024, 2, 1));
    expect(r.layout.timestamp).toContain('DD/MM/YYYY');
  });

  it('infers MM/DD/YYYY from a day above 12 in second place', () => {
    const r = parseBars('Date,Open,High,Low,Close\n01/02/2024,1,1,1,1\n02/13/2024,1,1,1,1\n');
    expect(r.series.time[0]).toBe(T(2024, 1, 2));
  });

  it('asks for dateFormat when dates are ambiguous, and follows it', () => {
    const text = 'Date,Open,High,Low,Close\n01/02/2024,1,1,1,1\n03/02/2024,1,1,1,1\n';
    expect(() => parseBars(text)).toThrow(
      expect.objectContaining({ code: 'BAD_TIMESTAMP', message: expect.stringContaining('dateFormat') }),
    );
    expect(parseBars(text, { dateFormat: 'DD/MM/YYYY' }).series.time[1]).toBe(T(2024, 2, 3));
    expect(parseBars(text, { dateFormat: 'MM/DD/YYYY' }).series.time[1]).toBe(T(2024, 3, 2));
  });

  it.each([
    ['s', '1704067200'],
    ['ms', '1704067200000'],
    ['us', '1704067200000000'],
    ['ns', '1704067200000000000'],
  ])('detects epoch %s from the magnitude', (unit, value) => {
    const r = parseBars(`time,open,high,low,close\n${value},1,1,1,1\n`);
    expect(r.layout.timestamp).toBe(`epoch ${unit === 'us' ? 'µs' : unit}`);
    expect(r.series.time[0]).toBe(T(2024, 1, 1));
  });

  it('reads YYYYMMDD dates without a header', () => {
    const r = parseBars('20240102,1,2,0.5,1.5,10\n20240103,1,2,0.5,1.5,10\n');
    expect(r.series.time[1]).toBe(T(2024, 1, 3));
  });

  it('reads naive times in America/New_York across the March DST change', () => {
    const text = 'Date,Time,Open,High,Low,Close\n2024-03-08,09:30:00,1,1,1,1\n2024-03-11,09:30:00,1,1,1,1\n';
    const r = parseBars(text, { timeZone: 'America/New_York' });
    expect(r.series.time[0]).toBe(T(2024, 3, 8, 14, 30));
    expect(r.series.time[1]).toBe(T(2024, 3, 11, 13, 30));
    expect(r.layout.timestamp).toContain('read as America/New_York');
  });

  it('converts times on the day of the change itself exactly', () => {
    const text = 'time,open,high,low,close\n2024-11-03 00:30,1,1,1,1\n2024-11-03 03:30,1,1,1,1\n';
    const r = parseBars(text, { timeZone: 'America/New_York' });
    expect(r.series.time[0]).toBe(T(2024, 11, 3, 4, 30));
    expect(r.series.time[1]).toBe(T(2024, 11, 3, 8, 30));
  });
});

describe('detectLayout', () => {
  it('describes a sample without reading rows', () => {
    const layout = detectLayout('2020.01.02,13:45,1.1210,1.1215,1.1205,1.1212,123\n');
    expect(layout).toMatchObject({ format: 'csv', delimiter: ',', header: false, vendor: 'metatrader' });
    expect(layout.columns.slice(0, 3)).toEqual(['date', 'time', 'open']);
  });

  it('detects JSON and NDJSON', () => {
    expect(detectLayout('[{"t":1704067200,"o":1,"h":1,"l":1,"c":1}]').format).toBe('json');
    expect(
      detectLayout('{"t":1704067200,"o":1,"h":1,"l":1,"c":1}\n{"t":1704067260,"o":1,"h":1,"l":1,"c":1}\n').format,
    ).toBe('ndjson');
  });
});
