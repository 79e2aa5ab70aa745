import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BarSeries } from '@alphintra/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBars, readBars, streamBars } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'alphintra-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const samples = join(dirname(fileURLToPath(import.meta.url)), '../../../../data/samples');

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function collect(gen: AsyncGenerator<BarSeries, unknown>): Promise<BarSeries[]> {
  const pieces: BarSeries[] = [];
  for await (const piece of gen) pieces.push(piece);
  return pieces;
}

function concat(pieces: BarSeries[], column: 'time' | 'close' | 'volume'): number[] {
  return pieces.flatMap((p) => [...p[column]]);
}

const TRICKY =
  '\uFEFFDate,Time,Open,High,Low,Close,Volume,Note\r\n' +
  '2024-01-02,09:30:00,1.25,2.5,1,"1.75",100,"a, ""quoted""\r\nnote"\r\n' +
  '\r\n' +
  '2024-01-02,09:31:00,1.75,2.25,1.5,2,NaN,plain\r\n' +
  '2024-01-02,09:32:00,2,2.5,1.75,2.25,,"x"\r\n';

describe('readBars', () => {
  it('reads a file in 7-byte chunks exactly as it parses the whole text', async () => {
    const path = write('tricky.csv', TRICKY);
    const whole = parseBars(TRICKY);
    for (const chunkBytes of [1, 2, 7, 13, 64]) {
      const r = await readBars(path, { chunkBytes });
      expect(r.series.columns(), `chunkBytes ${chunkBytes}`).toEqual(whole.series.columns());
      expect(r.rows).toBe(3);
    }
  });

  it('reads the 5-minute sample in tiny chunks exactly as in one piece', async () => {
    const path = join(samples, '2006-min-005.txt');
    const whole = parseBars(readFileSync(path));
    const r = await readBars(path, { chunkBytes: 997 });
    expect(r.series.columns()).toEqual(whole.series.columns());
  });

  it('names the line of a bad row found after several chunks', async () => {
    const lines = ['Date,Open,High,Low,Close'];
    for (let i = 1; i <= 28; i++) lines.push(`2024-01-${String(i).padStart(2, '0')},1,2,0.5,1.5`);
    lines[20] = '2024-01-20,1,2,0.5,oops';
    const path = write('late-bad.csv', `${lines.join('\n')}\n`);
    await expect(readBars(path, { chunkBytes: 16 })).rejects.toMatchObject({
      code: 'BAD_NUMBER',
      line: 21,
      file: path,
    });
  });

  it('reports progress up to the file size', async () => {
    const path = write('progress.csv', TRICKY);
    const seen: number[] = [];
    await readBars(path, { chunkBytes: 32, onProgress: (read, total) => seen.push(read / total) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.csv'), 'FILE_NOT_FOUND'],
    ['a directory', () => dir, 'FILE_UNREADABLE'],
    ['an empty file', () => write('empty.csv', ''), 'FILE_EMPTY'],
    ['a header-only file', () => write('header.csv', 'Date,Open,High,Low,Close\n'), 'FILE_EMPTY'],
    ['a binary file', () => write('bin.csv', new Uint8Array([1, 2, 0, 0, 4, 5])), 'FILE_BINARY'],
    [
      'a truncated file',
      () => write('cut.csv', 'Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1.5\n2024-01-03,1,'),
      'FILE_TRUNCATED',
    ],
  ])('refuses %s with a clear code', async (_, makePath, code) => {
    await expect(readBars(makePath())).rejects.toMatchObject({ code });
  });

  it('refuses a file larger than maxBytes', async () => {
    const path = write('big.csv', TRICKY);
    await expect(readBars(path, { maxBytes: 20 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', file: path });
  });

  it('stops with ABORTED when aborted mid-read, never returning a partial result', async () => {
    const path = join(samples, 'orcl-1995-2014.txt');
    const controller = new AbortController();
    const read = readBars(path, {
      chunkBytes: 4096,
      signal: controller.signal,
      onProgress: (bytes) => {
        if (bytes > 50_000) controller.abort();
      },
    });
    await expect(read).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('reads JSON and NDJSON files', async () => {
    const json = write(
      'bars.json',
      '{"data":[{"time":"2024-01-02","open":1,"high":2,"low":0.5,"close":1.5,"volume":3}]}',
    );
    expect((await readBars(json)).series.close[0]).toBe(1.5);
    const ndjson = write(
      'bars.ndjson',
      '{"t":1704153600,"o":1,"h":2,"l":0.5,"c":1.5}\n{"t":1704240000,"o":1,"h":2,"l":0.5,"c":1.25}\n',
    );
    const r = await readBars(ndjson);
    expect(r.layout.format).toBe('ndjson');
    expect(r.series.close[1]).toBe(1.25);
  });
});

describe('streamBars', () => {
  it('yields pieces of at most chunkRows bars that together equal the whole read', async () => {
    const path = join(samples, '2006-min-005.txt');
    const whole = parseBars(readFileSync(path)).series;
    const pieces = await collect(streamBars(path, { chunkRows: 500, chunkBytes: 4096 }));
    expect(pieces.map((p) => p.length)).toEqual([500, 500, 500, 500, 142]);
    expect(concat(pieces, 'time')).toEqual([...whole.time]);
    expect(concat(pieces, 'close')).toEqual([...whole.close]);
    expect(pieces[4]?.extra('openInterest')?.length).toBe(142);
  });

  it('keeps each yielded piece intact while later ones are read', async () => {
    const path = write('tricky2.csv', TRICKY);
    const pieces = await collect(streamBars(path, { chunkRows: 1, chunkBytes: 7 }));
    expect(concat(pieces, 'close')).toEqual([1.75, 2, 2.25]);
  });

  it('returns a summary with the problems of a collect-mode read', async () => {
    const path = write('bad-rows.csv', 'Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,x\n2024-01-03,1,2,0.5,1.5\n');
    const gen = streamBars(path, { onInvalid: 'collect' });
    let next = await gen.next();
    let count = 0;
    while (!next.done) {
      count += next.value.length;
      next = await gen.next();
    }
    expect(count).toBe(1);
    expect(next.value).toMatchObject({ problemCount: 1, rows: 2, complete: true });
  });

  it('raises the same errors as readBars', async () => {
    await expect(collect(streamBars(join(dir, 'missing.csv')))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
