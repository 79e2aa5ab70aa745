import { civilToMicros } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { parseBars } from './index.js';

const HEADER = 'Date,Open,High,Low,Close,Volume';
const day = (d: number) => civilToMicros(2024, 1, d);

describe('parseBars on delimited text', () => {
  it('reads quoted fields with doubled quotes, delimiters and newlines inside', () => {
    const text = `"Date","Open","High","Low","Close","Volume","Note"\r\n"2024-01-02","1.5","2","1","1.75","10","a ""b"", c\r\nd"\r\n2024-01-03,1,2,1,1.5,11,x\r\n`;
    const r = parseBars(text, { onInvalid: 'error' });
    expect(r.series.length).toBe(2);
    expect(r.series.close[0]).toBe(1.75);
    expect(r.series.time[1]).toBe(day(3));
  });

  it('counts lines inside quoted fields when it reports a later problem', () => {
    const text = `Date,Open,High,Low,Close,Note\n2024-01-02,1,2,1,1.5,"x\ny"\n2024-01-03,1,2,1,abc,z\n`;
    expect(() => parseBars(text, { file: 'q.csv' })).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER', line: 4, file: 'q.csv' }),
    );
  });

  it('skips a UTF-8 byte-order mark, blank lines, trailing empty lines and # comments', () => {
    const text = `\uFEFF${HEADER}\n# exported by hand\n2024-01-02,1,2,1,1.5,10\n\n2024-01-03,1,2,1,1.5,10\n\n\n`;
    const r = parseBars(text);
    expect(r.series.length).toBe(2);
    expect(r.rows).toBe(2);
    expect(r.layout.columns[0]).toBe('Date');
  });

  it('turns missing values into NaN without calling them problems', () => {
    const text = `${HEADER}\n2024-01-02,,NaN,null,N/A,-\n2024-01-03,1,NA,nan,2,\n`;
    const r = parseBars(text, { onInvalid: 'collect' });
    expect(r.problemCount).toBe(0);
    expect([...r.series.open]).toEqual([Number.NaN, 1]);
    expect(Number.isNaN(r.series.volume[1])).toBe(true);
    expect(r.series.close[1]).toBe(2);
  });

  it('keeps rows in file order, duplicates and all', () => {
    const text = `${HEADER}\n2024-01-03,1,1,1,1,1\n2024-01-02,2,2,2,2,2\n2024-01-02,3,3,3,3,3\n`;
    expect([...parseBars(text).series.time]).toEqual([day(3), day(2), day(2)]);
  });

  it('throws at the first bad number naming file, line and text', () => {
    const text = `${HEADER}\n2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2,1,abc,10\n`;
    expect(() => parseBars(text, { file: 'bad.csv' })).toThrow(
      expect.objectContaining({
        code: 'BAD_NUMBER',
        file: 'bad.csv',
        line: 3,
        message: 'expected a number in column Close, got "abc"',
      }),
    );
  });

  it('throws BAD_TIMESTAMP with the text of a bad date', () => {
    const text = `${HEADER}\n2024-01-02,1,2,1,1.5,10\n2024-13-45,1,2,1,1.5,10\n`;
    expect(() => parseBars(text)).toThrow(
      expect.objectContaining({ code: 'BAD_TIMESTAMP', line: 3, message: expect.stringContaining('"2024-13-45"') }),
    );
  });

  it('collects bad rows, skipping them, up to maxProblems while counting all', () => {
    const text = `${HEADER}\n2024-01-02,1,2,1,x,10\n2024-01-03,1,2,1,1.5\n2024-01-04,1,2,1,1.5,10\nnope,1,2,1,1,1\n2024-01-05,1.2.3,2,1,1,1\n`;
    const r = parseBars(text, { onInvalid: 'collect', maxProblems: 3 });
    expect(r.series.length).toBe(1);
    expect(r.rows).toBe(5);
    expect(r.problemCount).toBe(4);
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'bad_number'],
      [3, 'wrong_field_count'],
      [5, 'bad_timestamp'],
    ]);
    expect(r.complete).toBe(true);
  });

  it('reports a truncated last line as FILE_TRUNCATED, or as incomplete in collect mode', () => {
    const text = `${HEADER}\n2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2`;
    expect(() => parseBars(text, { file: 'cut.csv' })).toThrow(
      expect.objectContaining({ code: 'FILE_TRUNCATED', line: 3 }),
    );
    const r = parseBars(text, { onInvalid: 'collect' });
    expect(r.complete).toBe(false);
    expect(r.series.length).toBe(1);
    expect(r.problems[0]?.kind).toBe('wrong_field_count');
  });

  it('reports an unterminated quote at the end as truncation', () => {
    const text = `${HEADER}\n2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2,1,"1.5,10\n`;
    expect(() => parseBars(text)).toThrow(expect.objectContaining({ code: 'FILE_TRUNCATED' }));
    const r = parseBars(text, { onInvalid: 'collect' });
    expect(r.complete).toBe(false);
    expect(r.problems[0]?.kind).toBe('unterminated_quote');
  });

  it('reads files whose lines end with a lone CR', () => {
    const r = parseBars(`${HEADER}\r2024-01-02,1,2,1,1.5,10\r2024-01-03,1,2,1,1.5,11\r`);
    expect([...r.series.volume]).toEqual([10, 11]);
  });

  it('accepts a last line without a newline when it is complete', () => {
    const r = parseBars(`${HEADER}\n2024-01-02,1,2,1,1.5,10`);
    expect(r.complete).toBe(true);
    expect(r.series.volume[0]).toBe(10);
  });

  it.each([',', ';', '\t', '|'])('detects the delimiter %j', (d) => {
    const text = `${HEADER}\n2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2,1,1.5,10\n`.replaceAll(',', d);
    const r = parseBars(text);
    expect(r.layout.delimiter).toBe(d);
    expect(r.series.length).toBe(2);
  });

  it('detects space-delimited files', () => {
    const r = parseBars('2024-01-02 1 2 1 1.5 10\n2024-01-03 1 2 1 1.5 11\n');
    expect(r.layout.delimiter).toBe(' ');
    expect(r.series.volume[1]).toBe(11);
  });

  it('reads files without a header', () => {
    const r = parseBars('2024-01-02,1,2,1,1.5,10\n2024-01-03,1,2,1,1.5,10\n');
    expect(r.layout.header).toBe(false);
    expect(r.series.length).toBe(2);
  });
});

describe('input errors', () => {
  it('refuses empty input and header-only input with FILE_EMPTY', () => {
    expect(() => parseBars('')).toThrow(expect.objectContaining({ code: 'FILE_EMPTY' }));
    expect(() => parseBars('\n\n  \n')).toThrow(expect.objectContaining({ code: 'FILE_EMPTY' }));
    expect(() => parseBars(`${HEADER}\n`)).toThrow(expect.objectContaining({ code: 'FILE_EMPTY' }));
  });

  it('refuses binary content with FILE_BINARY', () => {
    expect(() => parseBars(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]))).toThrow(
      expect.objectContaining({ code: 'FILE_BINARY' }),
    );
    expect(() => parseBars(new Uint8Array([0x44, 0xff, 0xfe, 0x2c, 0x31, 0x0a]))).toThrow(
      expect.objectContaining({ code: 'FILE_BINARY' }),
    );
  });

  it('refuses input larger than maxBytes with FILE_TOO_LARGE', () => {
    expect(() => parseBars(`${HEADER}\n2024-01-02,1,2,1,1.5,10\n`, { maxBytes: 10 })).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE' }),
    );
  });

  it('stops with ABORTED when the signal is already aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => parseBars(`${HEADER}\n2024-01-02,1,2,1,1.5,10\n`, { signal: controller.signal })).toThrow(
      expect.objectContaining({ code: 'ABORTED' }),
    );
  });
});

describe('infinite prices', () => {
  it.each(['Infinity', '-Infinity'])('reports %s as a bad number', (value) => {
    expect(() => parseBars(`Date,Close\n2024-01-02,${value}\n`)).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER', line: 2 }),
    );
  });
});
