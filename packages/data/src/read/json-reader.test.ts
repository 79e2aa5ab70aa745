import { civilToMicros } from '@alphintra/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBars } from './index.js';

const T = (d: number, h = 0) => civilToMicros(2024, 1, d, h);

describe('JSON input', () => {
  it('reads an array of objects with synonym keys and string numbers', () => {
    const text = JSON.stringify([
      { Date: '2024-01-02', Open: '1.5', High: 2, Low: 1, Close: 1.75, Vol: 10, OpenInterest: 3 },
      { Date: '2024-01-03', Open: 1.75, High: 2.5, Low: 1.5, Close: '2.25', Vol: null, OpenInterest: 4 },
    ]);
    const r = parseBars(text);
    expect(r.layout.format).toBe('json');
    expect([...r.series.time]).toEqual([T(2), T(3)]);
    expect([...r.series.open]).toEqual([1.5, 1.75]);
    expect(r.series.close[1]).toBe(2.25);
    expect(Number.isNaN(r.series.volume[1])).toBe(true);
    expect(r.series.extra('openInterest')?.[1]).toBe(4);
  });

  it('reads Binance klines as an array of arrays', () => {
    const kline = (t: number) => [
      t,
      '42000.1',
      '42100',
      '41950',
      '42050.25',
      '12.5',
      t + 59999,
      '525000',
      321,
      '6.2',
      '262000',
      '0',
    ];
    const r = parseBars(JSON.stringify([kline(1704067200000), kline(1704067260000)]));
    expect(r.layout.vendor).toBe('binance-klines');
    expect(r.series.time[1]).toBe(civilToMicros(2024, 1, 1, 0, 1));
    expect(r.series.close[0]).toBe(42050.25);
  });

  it('unwraps {"data": [...]} and {"bars": [...]}', () => {
    const bars = [{ t: 1704153600, o: 1, h: 2, l: 0.5, c: 1.5, v: 7 }];
    expect(parseBars(JSON.stringify({ data: bars })).series.volume[0]).toBe(7);
    expect(parseBars(JSON.stringify({ status: 'ok', bars })).series.time[0]).toBe(T(2));
  });

  it('reads TradingView-style column objects', () => {
    const doc = { s: 'ok', t: [1704153600, 1704240000], o: [1, 2], h: [2, 3], l: [0.5, 1], c: [1.5, 2.5], v: [10, 20] };
    const r = parseBars(JSON.stringify(doc));
    expect([...r.series.time]).toEqual([T(2), T(3)]);
    expect([...r.series.close]).toEqual([1.5, 2.5]);
  });

  it('reads epoch numbers exactly as the same digits in a string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -2e9, max: 4e9 }),
          fc.integer({ min: 1e11, max: 9e12 }),
          fc.integer({ min: 1e14, max: Number.MAX_SAFE_INTEGER }),
          fc.double({ min: 1e9, max: 2e9, noNaN: true }),
        ),
        (t) => {
          const bars = (time: unknown) =>
            JSON.stringify([
              { time, close: 1 },
              { time, close: 2 },
            ]);
          const asNumber = parseBars(bars(t), { epochUnit: t >= 1e14 ? 'us' : t >= 1e11 ? 'ms' : 's' });
          const asText = parseBars(bars(String(t)), { epochUnit: t >= 1e14 ? 'us' : t >= 1e11 ? 'ms' : 's' });
          expect(Object.is(asNumber.series.time[0], asText.series.time[0])).toBe(true);
        },
      ),
    );
  });

  it('reports a bad value with its record number', () => {
    const text = JSON.stringify([
      { time: '2024-01-02', open: 1, high: 1, low: 1, close: 1 },
      { time: '2024-01-03', open: 1, high: 1, low: 1, close: 'abc' },
    ]);
    expect(() => parseBars(text)).toThrow(expect.objectContaining({ code: 'BAD_NUMBER', line: 2 }));
  });

  it('reports invalid and cut-off JSON', () => {
    expect(() => parseBars('[{"time": "2024-01-02", "close": 1},')).toThrow(
      expect.objectContaining({ code: 'FILE_TRUNCATED' }),
    );
    expect(() => parseBars('{"nothing": [1]}')).toThrow(expect.objectContaining({ code: 'UNKNOWN_FORMAT' }));
    // An object without arrays or objects inside is one NDJSON bar, here one without a time.
    expect(() => parseBars('{"nothing": 1}')).toThrow(expect.objectContaining({ code: 'MISSING_COLUMN' }));
  });
});

describe('NDJSON input', () => {
  const line = (d: number, close: unknown) =>
    JSON.stringify({ timestamp: `2024-01-0${d}T00:00:00Z`, open: 1, high: 2, low: 0.5, close });

  it('reads one object per line', () => {
    const r = parseBars(`${line(2, 1.5)}\n${line(3, 1.25)}\n`);
    expect(r.layout.format).toBe('ndjson');
    expect([...r.series.close]).toEqual([1.5, 1.25]);
  });

  it('names the line of a bad value', () => {
    const text = `${line(2, 1.5)}\n\n${line(3, 'x')}\n`;
    expect(() => parseBars(text, { file: 'b.ndjson' })).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER', line: 3 }),
    );
  });

  it('names the line of invalid JSON, and collects it in collect mode', () => {
    const text = `${line(2, 1.5)}\n{"oops"\n${line(4, 1.25)}\n`;
    expect(() => parseBars(text)).toThrow(expect.objectContaining({ code: 'PARSE_ERROR', line: 2 }));
    const r = parseBars(text, { onInvalid: 'collect' });
    expect(r.series.length).toBe(2);
    expect(r.problems.map((p) => p.line)).toEqual([2]);
    expect(r.rows).toBe(3);
  });

  it('treats a cut-off last line as truncation', () => {
    const text = `${line(2, 1.5)}\n${line(3, 1.25)}\n{"timestamp": "2024-01-04`;
    expect(() => parseBars(text)).toThrow(expect.objectContaining({ code: 'FILE_TRUNCATED', line: 3 }));
    const r = parseBars(text, { onInvalid: 'collect' });
    expect(r.complete).toBe(false);
    expect(r.series.length).toBe(2);
  });
});
