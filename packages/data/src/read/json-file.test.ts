import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BarSeries } from '@alphintra/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBars, readBars, streamBars } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'alphintra-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const bar = (i: number) => ({
  time: 1_704_067_200_000 + i * 60_000,
  open: 100 + (i % 13) * 0.25,
  high: 104.5,
  low: 99.75,
  close: 100 + (i % 7) * 0.5,
  volume: 1000 + i,
});

describe('readBars and streamBars on JSON files', () => {
  const bars = Array.from({ length: 300 }, (_, i) => bar(i));
  const shapes: [string, string][] = [
    ['array.json', `\uFEFF${JSON.stringify(bars, null, 1)}`],
    ['wrapped.json', JSON.stringify({ status: 'ok', meta: { count: 300, list: [1, 2] }, bars })],
    ['lines.ndjson', `${bars.map((b) => JSON.stringify(b)).join('\r\n')}\r\n`],
  ];

  it('read every shape in any chunk size exactly as parseBars reads the whole text', async () => {
    for (const [name, text] of shapes) {
      const path = write(name, text);
      const whole = parseBars(text, { file: path });
      expect(whole.rows).toBe(300);
      for (const chunkBytes of [13, 4096, 1 << 22]) {
        const r = await readBars(path, { chunkBytes });
        expect(r.series.columns(), `${name}, chunkBytes ${chunkBytes}`).toEqual(whole.series.columns());
        expect(r.layout).toEqual(whole.layout);
        const pieces: BarSeries[] = [];
        const stream = streamBars(path, { chunkBytes, chunkRows: 64 });
        let next = await stream.next();
        for (; !next.done; next = await stream.next()) pieces.push(next.value);
        expect(pieces.map((p) => p.length)).toEqual([64, 64, 64, 64, 44]);
        expect(pieces.flatMap((p) => [...p.close])).toEqual([...whole.series.close]);
        expect(next.value.rows).toBe(300);
      }
    }
  });

  it('report progress through the file and stop when aborted', async () => {
    const path = write('progress.ndjson', shapes[2]![1]);
    const seen: number[] = [];
    await readBars(path, { chunkBytes: 4096, onProgress: (read) => seen.push(read) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(shapes[2]![1].length);
    const controller = new AbortController();
    const stream = streamBars(path, { chunkRows: 10, signal: controller.signal });
    await stream.next();
    controller.abort();
    await expect(stream.next()).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('name the file in errors, and the line for NDJSON', async () => {
    const ndjson = write('bad.ndjson', `${JSON.stringify(bar(0))}\n${JSON.stringify({ ...bar(1), close: 'x' })}\n`);
    await expect(readBars(ndjson, { chunkBytes: 5 })).rejects.toMatchObject({
      code: 'BAD_NUMBER',
      file: ndjson,
      line: 2,
    });
    const cut = write('cut.json', JSON.stringify(bars).slice(0, 5000));
    await expect(readBars(cut, { chunkBytes: 999 })).rejects.toMatchObject({ code: 'FILE_TRUNCATED', file: cut });
  });
});

describe('streaming a large JSON file', () => {
  // Heap and array-buffer memory after a full collection: what the reader itself keeps.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const used = (): number => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };

  const rows = 550_000;
  // In a function of its own, so that no frame still holds the text once the file is written.
  function writeLarge(name: string, format: string): string {
    const parts: string[] = [];
    for (let i = 0; i < rows; i++) parts.push(JSON.stringify(bar(i)));
    return write(`large-${name}`, format === 'json' ? `[${parts.join(',\n')}]` : `${parts.join('\n')}\n`);
  }

  it.each([
    ['array.json', 'json'],
    ['lines.ndjson', 'ndjson'],
  ])('keeps memory flat while streaming a 60 MB %s', async (name, format) => {
    const path = writeLarge(name, format);
    const before = used();
    let peak = Number.NEGATIVE_INFINITY;
    let count = 0;
    let last = 0;
    for await (const piece of streamBars(path, { chunkRows: 50_000 })) {
      count += piece.length;
      last = piece.close[piece.length - 1] as number;
      peak = Math.max(peak, used() - before);
    }
    expect(count).toBe(rows);
    expect(last).toBe(bar(rows - 1).close);
    // A whole-file read holds the 60 MB of bytes and the text decoded from them (120 MB and
    // more); the stream holds a few copies of one 4 MiB chunk, the rows parsed from it and a
    // 50,000-row piece (2.4 MB): 15–20 MB measured.
    expect(peak).toBeLessThan(40 * 1024 * 1024);
  });
});
