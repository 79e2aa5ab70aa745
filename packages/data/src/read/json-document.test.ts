import { civilToMicros } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { detectLayout, parseBars } from './index.js';

const bar = (d: number) => ({ time: `2024-01-0${d}`, open: 1, high: 2, low: 0.5, close: d });
const DOC = JSON.stringify({ status: 'ok', data: [bar(2), bar(3), bar(4)], note: 'a "quoted" [text]' });

function codeOf(text: string): string | undefined {
  try {
    parseBars(text);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('cut-off JSON', () => {
  it('is FILE_TRUNCATED wherever the document is cut', () => {
    for (let end = 1; end < DOC.length; end++) {
      expect(codeOf(DOC.slice(0, end)), DOC.slice(0, end)).toBe('FILE_TRUNCATED');
    }
  });

  it('is PARSE_ERROR when the document is complete but invalid', () => {
    expect(codeOf('[{"time": "2024-01-02", "close": 1},]')).toBe('PARSE_ERROR');
    expect(codeOf('[{"time": "2024-01-02", "close": 1}]]')).toBe('PARSE_ERROR');
    expect(codeOf('[{"time": "2024-01-02", "close": tru}]')).toBe('PARSE_ERROR');
  });

  it('still gives a layout when a detection sample is cut inside a record', () => {
    const cut = DOC.slice(0, DOC.indexOf('"time":"2024-01-04"') + 12);
    const layout = detectLayout(cut);
    expect(layout.format).toBe('json');
    expect(layout.mapping).toMatchObject({ time: 'time', close: 'close', open: 'open' });
    const arrays = JSON.stringify([bar(2), bar(3)]);
    expect(detectLayout(arrays.slice(0, arrays.length - 5)).mapping.close).toBe('close');
  });
});

describe('NDJSON detection', () => {
  const line = (d: number) => JSON.stringify(bar(d));

  it('reads a one-line NDJSON file as NDJSON', () => {
    const r = parseBars(`${line(2)}\n`);
    expect(r.layout.format).toBe('ndjson');
    expect(r.series.close[0]).toBe(2);
    expect(parseBars(line(2)).series.time[0]).toBe(civilToMicros(2024, 1, 2));
  });

  it('reads NDJSON whose second line is blank', () => {
    const r = parseBars(`${line(2)}\n\n${line(3)}\n`);
    expect(r.layout.format).toBe('ndjson');
    expect([...r.series.close]).toEqual([2, 3]);
  });

  it('keeps a single object wrapping an array, or a column object, as JSON', () => {
    expect(parseBars(`${JSON.stringify({ data: [bar(2), bar(3)] })}\n`).layout.format).toBe('json');
    const columns = { t: [1704153600], o: [1], h: [2], l: [0.5], c: [1.5] };
    expect(parseBars(JSON.stringify(columns)).layout.format).toBe('json');
  });
});

describe('JSON numbers', () => {
  it('refuses Infinity as a price, as text does', () => {
    const doc = '[{"time": "2024-01-02", "close": 1e999}]';
    expect(() => parseBars(doc)).toThrow(expect.objectContaining({ code: 'BAD_NUMBER' }));
  });

  it('truncates epoch fractions below a microsecond exactly as text does', () => {
    for (const [t, unit] of [
      ['1.0000009', 's'],
      ['-1.0000009', 's'],
      ['1704067200.123456', 's'],
      ['1704067200123.4567', 'ms'],
    ] as const) {
      const json = parseBars(`[{"t": ${t}, "c": 1}]`, { epochUnit: unit });
      const csv = parseBars(`t,c\n${t},1\n`, { epochUnit: unit });
      expect(json.series.time[0], t).toBe(csv.series.time[0]);
    }
    expect(parseBars('[{"t": 1.0000009, "c": 1}]', { epochUnit: 's' }).series.time[0]).toBe(1_000_000);
  });
});

describe('vendor labels', () => {
  it('labels no vendor for a headerless file starting with an epoch or a date-time', () => {
    expect(parseBars('1704067200,1,2,0.5,1.5,100\n1704153600,1,2,0.5,1.5,100\n').layout.vendor).toBeUndefined();
    expect(parseBars('2024-01-02T00:00:00Z,1,2,0.5,1.5\n').layout.vendor).toBeUndefined();
    expect(parseBars('[[1704067200,1,2,0.5,1.5]]').layout.vendor).toBeUndefined();
    expect(parseBars('[{"time":1704067200,"open":1,"high":2,"low":0.5,"close":1.5}]').layout.vendor).toBeUndefined();
  });

  it('labels a TradingView export by its header', () => {
    expect(parseBars('time,open,high,low,close,Volume\n1704067200,1,2,0.5,1.5,100\n').layout.vendor).toBe(
      'tradingview',
    );
    expect(
      parseBars('time,open,high,low,close,volume,oi\n1704067200,1,2,0.5,1.5,100,1\n').layout.vendor,
    ).toBeUndefined();
  });
});
