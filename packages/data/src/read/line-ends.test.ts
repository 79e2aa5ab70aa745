import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { civilToMicros } from '@alphintra/core';
import { afterAll, describe, expect, it } from 'vitest';
import { detectLayout, parseBars, readBars } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'alphintra-line-ends-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T = (d: number) => civilToMicros(2024, 1, d);

const COMMENTED = '# exported by Example, "v2"\n#,"odd, comment\nDate,Open,High,Low,Close\n2024-01-02,1,2,0.5,1.5\n';

describe('comment lines before the header', () => {
  it('skips them before detecting and reading the header', () => {
    const r = parseBars(COMMENTED);
    expect(r.layout.header).toBe(true);
    expect(r.layout.columns).toEqual(['Date', 'Open', 'High', 'Low', 'Close']);
    expect(r.rows).toBe(1);
    expect(r.series.time[0]).toBe(T(2));
  });

  it('skips them when the file is read in tiny chunks', async () => {
    const path = join(dir, 'commented.csv');
    writeFileSync(path, COMMENTED);
    for (const chunkBytes of [1, 3, 16]) {
      const r = await readBars(path, { chunkBytes });
      expect(r.series.columns(), `chunkBytes ${chunkBytes}`).toEqual(parseBars(COMMENTED).series.columns());
    }
  });

  it('counts them in the line numbers of later problems', () => {
    expect(() => parseBars(`${COMMENTED}2024-01-03,1,2,0.5,x\n`)).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER', line: 5 }),
    );
  });
});

describe('lone CR line ends', () => {
  const text =
    '# exported on a classic Mac\rDate,Open,High,Low,Close,Note\r' +
    '2024-01-02,1,2,0.5,1.5,"two\rlines"\r# a comment between rows\r2024-01-03,1,2,0.5,1.75,x\r';

  it('reads comments, header, quoted line ends and rows', () => {
    const r = parseBars(text);
    expect(r.layout.header).toBe(true);
    expect([...r.series.time]).toEqual([T(2), T(3)]);
    expect([...r.series.close]).toEqual([1.5, 1.75]);
  });

  it('reads them in tiny chunks too', async () => {
    const path = join(dir, 'mac.csv');
    writeFileSync(path, text);
    for (const chunkBytes of [1, 5, 64]) {
      const r = await readBars(path, { chunkBytes });
      expect(r.series.columns(), `chunkBytes ${chunkBytes}`).toEqual(parseBars(text).series.columns());
    }
  });

  it('names the right line of a later problem', () => {
    expect(() => parseBars(`${text}2024-01-04,1,2,0.5,bad,x\r`)).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER', line: 7 }),
    );
  });

  it('reads NDJSON with lone CR line ends', () => {
    const line = (d: number) => JSON.stringify({ time: `2024-01-0${d}`, close: d });
    const r = parseBars(`${line(2)}\r${line(3)}\r`);
    expect(r.layout.format).toBe('ndjson');
    expect([...r.series.close]).toEqual([2, 3]);
    expect(detectLayout(`${line(2)}\r${line(3)}\r`).format).toBe('ndjson');
  });
});

describe('NUL bytes after the first chunk', () => {
  const lines = ['Date,Open,High,Low,Close'];
  for (let i = 0; i < 3000; i++) lines.push(`2024-01-02,${i},${i + 1},${i},${i}.5`);
  const at = 2800;
  lines[at] = `2024-01-02,1,2,0.5,1\u0000`;
  const text = `${lines.join('\n')}\n`;

  it('fail parseBars with FILE_BINARY naming the line', () => {
    expect(text.length).toBeGreaterThan(64 * 1024);
    expect(() => parseBars(text, { onInvalid: 'collect' })).toThrow(
      expect.objectContaining({ code: 'FILE_BINARY', line: at + 1 }),
    );
  });

  it('fail readBars with FILE_BINARY naming the line, whatever the chunk size', async () => {
    const path = join(dir, 'late-nul.csv');
    writeFileSync(path, text);
    for (const chunkBytes of [1000, 4096, 1 << 20]) {
      await expect(readBars(path, { chunkBytes, onInvalid: 'collect' })).rejects.toMatchObject({
        code: 'FILE_BINARY',
        line: at + 1,
      });
    }
  });
});
