import { civilToMicros } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { parseBars } from './index.js';
import { parseCompactClockBytes } from './timestamp-parser.js';

const T = (d: number, h = 0, mi = 0, s = 0) => civilToMicros(2024, 1, d, h, mi, s);
const encoder = new TextEncoder();
const compact = (text: string, width: 4 | 6) => parseCompactClockBytes(encoder.encode(text), 0, text.length, width);

describe('parseCompactClockBytes', () => {
  it.each([
    ['0930', 4, 9, 30, 0],
    ['930', 4, 9, 30, 0],
    ['5', 4, 0, 5, 0],
    ['2359', 4, 23, 59, 0],
    ['093000', 6, 9, 30, 0],
    ['93015', 6, 9, 30, 15],
    ['0', 6, 0, 0, 0],
  ] as const)('reads %s (width %i)', (text, width, h, m, s) => {
    expect(compact(text, width)).toBe(((h * 60 + m) * 60 + s) * 1_000_000);
  });

  it.each([
    ['2400', 4],
    ['960', 4],
    ['12345', 4],
    ['236000', 6],
    ['9:30', 4],
    ['', 4],
    ['-930', 4],
  ] as const)('refuses %j (width %i)', (text, width) => {
    expect(compact(text, width)).toBeNaN();
  });
});

describe('compact times of day in their own column', () => {
  it('combines a Time column of HHMM with the Date column instead of reading epoch seconds', () => {
    const r = parseBars('Date,Time,Open,High,Low,Close\n20240102,0930,1,2,0.5,1.5\n20240102,0931,1,2,0.5,1.5\n');
    expect([...r.series.time]).toEqual([T(2, 9, 30), T(2, 9, 31)]);
    expect(r.layout.mapping).toMatchObject({ date: 'Date', clock: 'Time' });
  });

  it('reads HHMM written without leading zeros, as MetaTrader does', () => {
    const text = 'Date,Time,Open,High,Low,Close\n2024.01.02,930,1,2,0.5,1.5\n2024.01.02,1005,1,2,0.5,1.5\n';
    expect([...parseBars(text).series.time]).toEqual([T(2, 9, 30), T(2, 10, 5)]);
  });

  it('reads a headerless date followed by HHMM without shifting the prices', () => {
    const r = parseBars('20240102,0930,1,2,0.5,1.5,100\n20240102,0931,1.5,2,1,1.75,200\n');
    expect([...r.series.time]).toEqual([T(2, 9, 30), T(2, 9, 31)]);
    expect([...r.series.open]).toEqual([1, 1.5]);
    expect([...r.series.volume]).toEqual([100, 200]);
  });

  it('reads unpadded headerless HHMMSS when dates repeat', () => {
    const r = parseBars('2024-01-02,93000,1,2,0.5,1.5\n2024-01-02,100015,1,2,0.5,1.5\n2024-01-03,0,1,2,0.5,1.5\n');
    expect([...r.series.time]).toEqual([T(2, 9, 30), T(2, 10, 0, 15), T(3)]);
    expect([...r.series.close]).toEqual([1.5, 1.5, 1.5]);
  });

  it('keeps reading daily integer prices after a date as prices', () => {
    const r = parseBars('20240102,930,935,925,932\n20240103,932,940,931,939\n');
    expect([...r.series.time]).toEqual([T(2), T(3)]);
    expect([...r.series.open]).toEqual([930, 932]);
  });

  it('never reads small integers beside a date column as epoch seconds', () => {
    expect(() => parseBars('Date,Time,Close\n2024-01-02,0930,1\n2024-01-02,75,1\n')).toThrow(
      expect.objectContaining({ code: 'BAD_TIMESTAMP', message: expect.stringContaining('"75"') }),
    );
  });

  it('reads compact times through an explicit clock mapping, in JSON too', () => {
    const doc = [
      { d: '2024-01-02', t: 930, c: 1 },
      { d: '2024-01-02', t: 1000, c: 2 },
    ];
    const r = parseBars(JSON.stringify(doc), { mapping: { date: 'd', clock: 't', close: 'c' } });
    expect([...r.series.time]).toEqual([T(2, 9, 30), T(2, 10)]);
  });
});
