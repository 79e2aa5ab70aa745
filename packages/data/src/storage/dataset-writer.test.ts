import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarSeries } from '@alphintra/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetWriter } from './dataset-writer.js';
import { readDataset, readDatasetHeader, readDatasetSync } from './read-dataset.js';
import { streamDataset } from './stream-dataset.js';
import { writeDataset } from './write-dataset.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alph-writer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const nextPath = (): string => join(dir, `w-${counter++}.alph`);

function makeSeries(rows: number, extras: string[] = []): BarSeries {
  const series = BarSeries.empty(rows, { symbol: 'SYN' }, extras);
  for (let i = 0; i < rows; i++) {
    const p = 100 + Math.sin(i) * 5;
    series.append(
      i * 60_000_000,
      p,
      p + 1,
      p - 1,
      p + 0.25,
      i % 7,
      extras.map((_, k) => i * 10 + k),
    );
  }
  return series;
}

function chunksOf(series: BarSeries, sizes: number[]): BarSeries[] {
  const out: BarSeries[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(series.slice(at, at + size));
    at += size;
  }
  if (at < series.length || out.length === 0) out.push(series.slice(at));
  return out;
}

const closes = (s: BarSeries): number[] => [...s.close];

describe('DatasetWriter', () => {
  it('gives the same hash and content as a one-shot write, however the chunks fall', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 25 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 16 }),
        fc.boolean(),
        async (rows, sizes, groupRows, withExtras) => {
          const extras = withExtras ? ['oi', 'vwap'] : [];
          const series = makeSeries(rows, extras);
          const oneShot = await writeDataset(nextPath(), series, { timeframe: '1m', lineage: [] });
          const path = nextPath();
          const writer = await DatasetWriter.open(path, {
            columns: extras,
            metadata: { timeframe: '1m', lineage: [] },
            rowGroupRows: groupRows,
          });
          for (const chunk of chunksOf(series, sizes)) await writer.append(chunk);
          const result = await writer.close();
          expect(result.hash).toBe(oneShot.hash);
          expect(result.rows).toBe(rows);
          const loaded = readDatasetSync(path, { verify: true });
          expect(closes(loaded.series)).toEqual(closes(series));
          expect([...loaded.series.time]).toEqual([...series.time]);
          for (const name of extras)
            expect([...(loaded.series.extra(name) ?? [])]).toEqual([...(series.extra(name) ?? [])]);
          expect(loaded.metadata.symbol).toBe('SYN');

          const streamed: number[] = [];
          for await (const chunk of streamDataset(path, { verify: true })) {
            expect(chunk.length).toBeLessThanOrEqual(groupRows);
            streamed.push(...chunk.close);
          }
          expect(streamed).toEqual(closes(series));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('records the first and last time in the header', async () => {
    const series = makeSeries(10);
    const path = nextPath();
    const writer = await DatasetWriter.open(path, { rowGroupRows: 3 });
    await writer.append(series.slice(0, 4));
    await writer.append(series.slice(4));
    const { bytes } = await writer.close();
    const header = await readDatasetHeader(path);
    expect(header).toMatchObject({ rows: 10, start: 0, end: 9 * 60_000_000, rowGroupRows: 3, bytes });
  });

  it('rejects chunks that go back in time or have other columns, leaving no file', async () => {
    const sub = await mkdtemp(join(dir, 'reject-'));
    const series = makeSeries(10);
    const w1 = await DatasetWriter.open(join(sub, 'a.alph'));
    await w1.append(series.slice(5));
    await expect(w1.append(series.slice(0, 5))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(w1.close()).rejects.toThrow(/closed/);

    const w2 = await DatasetWriter.open(join(sub, 'b.alph'), { columns: ['oi'] });
    await expect(w2.append(series)).rejects.toThrow(/expected chunk columns oi/);
    expect(await readdir(sub)).toEqual([]);
  });

  it('discards everything on abort', async () => {
    const sub = await mkdtemp(join(dir, 'abort-'));
    const writer = await DatasetWriter.open(join(sub, 'x.alph'), { rowGroupRows: 2 });
    await writer.append(makeSeries(9));
    await writer.abort();
    expect(await readdir(sub)).toEqual([]);
  });

  it('writes an empty dataset when closed without chunks', async () => {
    const path = nextPath();
    const writer = await DatasetWriter.open(path, { metadata: { symbol: 'NONE', lineage: [] } });
    const { rows, hash } = await writer.close();
    expect(rows).toBe(0);
    const loaded = await readDataset(path, { verify: true });
    expect(loaded.hash).toBe(hash);
    expect(loaded.rows).toBe(0);
    const chunks: BarSeries[] = [];
    for await (const chunk of streamDataset(path)) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });
});

describe('streamDataset', () => {
  it('yields a one-shot file as a single series', async () => {
    const series = makeSeries(50, ['oi']);
    const path = nextPath();
    await writeDataset(path, series);
    const chunks: BarSeries[] = [];
    for await (const chunk of streamDataset(path)) chunks.push(chunk);
    expect(chunks.length).toBe(1);
    expect([...(chunks[0]?.extra('oi') ?? [])]).toEqual([...(series.extra('oi') ?? [])]);
  });
});
