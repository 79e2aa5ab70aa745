import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarSeries } from '@alphintra/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSeries } from './hash.js';
import { isDatasetFile, readDataset, readDatasetHeader, readDatasetSync } from './read-dataset.js';
import { writeDataset } from './write-dataset.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alph-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytesOf = (a: Float64Array): number[] => [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];

function expectSameBits(actual: BarSeries, expected: BarSeries): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.extraNames).toEqual(expected.extraNames);
  for (const name of ['time', 'open', 'high', 'low', 'close', 'volume'] as const) {
    expect(bytesOf(actual[name])).toEqual(bytesOf(expected[name]));
  }
  for (const name of expected.extraNames) {
    expect(bytesOf(actual.extra(name) as Float64Array)).toEqual(bytesOf(expected.extra(name) as Float64Array));
  }
}

const seriesArbitrary = fc
  .record({
    rows: fc.integer({ min: 0, max: 40 }),
    extras: fc.subarray(['openInterest', 'adjClose', 'vwap']),
    seed: fc.array(fc.double(), { minLength: 400, maxLength: 400 }),
  })
  .map(({ rows, extras, seed }) => {
    let k = 0;
    const next = (): number => seed[k++ % seed.length] as number;
    const column = (): Float64Array => Float64Array.from({ length: rows }, next);
    const time = Float64Array.from({ length: rows }, (_, i) => 1_600_000_000_000_000 + i * 60_000_000);
    const extraColumns = Object.fromEntries(extras.map((name) => [name, column()]));
    return BarSeries.fromColumns({
      time,
      open: column(),
      high: column(),
      low: column(),
      close: column(),
      volume: column(),
      extras: extraColumns,
    });
  });

let counter = 0;
const nextPath = (): string => join(dir, `case-${counter++}.alph`);

describe('writeDataset and readDataset', () => {
  it('round-trip random series bit-exactly, with and without extra columns', async () => {
    await fc.assert(
      fc.asyncProperty(seriesArbitrary, async (series) => {
        const path = nextPath();
        const { hash, bytes } = await writeDataset(path, series, { symbol: 'RND', lineage: [] });
        expect((await stat(path)).size).toBe(bytes);
        const loaded = await readDataset(path, { verify: true });
        expectSameBits(loaded.series, series);
        expect(loaded.hash).toBe(hash);
        expect(loaded.rows).toBe(series.length);
        expectSameBits(readDatasetSync(path, { verify: true }).series, series);
      }),
      { numRuns: 40 },
    );
  });

  it('preserves NaN payloads and negative zero bit for bit', async () => {
    const odd = new Float64Array(3);
    const view = new DataView(odd.buffer);
    view.setBigUint64(0, 0x7ff8_0000_0000_0001n, true);
    view.setBigUint64(8, 0xfff0_0000_dead_beefn, true);
    odd[2] = -0;
    const series = BarSeries.fromColumns({
      time: Float64Array.from([1, 2, 3]),
      open: odd,
      high: odd.slice(),
      low: odd.slice(),
      close: odd.slice(),
      volume: Float64Array.from([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE]),
    });
    const path = nextPath();
    await writeDataset(path, series);
    const loaded = readDatasetSync(path);
    expectSameBits(loaded.series, series);
    expect(Object.is(loaded.series.close[2], -0)).toBe(true);
    expect(new DataView(loaded.series.open.buffer, loaded.series.open.byteOffset).getBigUint64(8, true)).toBe(
      0xfff0_0000_dead_beefn,
    );
  });

  it('stores an empty series and a single row', async () => {
    const empty = BarSeries.empty(4, { symbol: 'E' });
    const emptyPath = nextPath();
    await writeDataset(emptyPath, empty);
    const loadedEmpty = await readDataset(emptyPath, { verify: true });
    expect(loadedEmpty.rows).toBe(0);
    expect(loadedEmpty.series.close.length).toBe(0);
    expect((await readDatasetHeader(emptyPath)).start).toBeNull();

    const one = BarSeries.fromBars([{ time: 86_400_000_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }]);
    const onePath = nextPath();
    await writeDataset(onePath, one);
    expect(readDatasetSync(onePath).series.bar(0)).toEqual(one.bar(0));
  });

  it('carries symbol, canonical timeframe and metadata into the loaded series', async () => {
    const series = BarSeries.fromBars([{ time: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 }], { symbol: 'ORCL' });
    const path = nextPath();
    const lineage = [{ operation: 'read' as const, details: { file: 'orcl.csv', rows: 1 } }];
    const { hash } = await writeDataset(path, series, {
      timeframe: '1day',
      timeZone: 'America/New_York',
      source: { file: 'orcl.csv', format: 'csv', bytes: 123 },
      lineage,
      description: 'test',
    });
    const loaded = await readDataset(path);
    expect(loaded.series.meta).toEqual({ symbol: 'ORCL', timeframe: { unit: 'day', count: 1 } });
    expect(loaded.metadata).toEqual({
      symbol: 'ORCL',
      timeframe: '1d',
      timeZone: 'America/New_York',
      source: { file: 'orcl.csv', format: 'csv', bytes: 123 },
      lineage,
      description: 'test',
    });
    expect(hash).toBe(hashSeries(series, { timeframe: '1d' }));
    expect(loaded.path).toBe(path);
  });

  it('writes byte-identical files for identical input', async () => {
    const series = BarSeries.fromBars([{ time: 5, open: 1, high: 2, low: 0, close: 1, volume: 3 }]);
    const a = nextPath();
    const b = nextPath();
    await writeDataset(a, series, { symbol: 'X', lineage: [] });
    await writeDataset(b, series, { symbol: 'X', lineage: [] });
    expect(Buffer.compare(await readFile(a), await readFile(b))).toBe(0);
  });

  it('reads the header alone, with row count, columns, range and size', async () => {
    const series = BarSeries.empty(4, { symbol: 'H' }, ['openInterest']);
    series.append(100, 1, 2, 0, 1, 5, [7]);
    series.append(200, 1, 2, 0, 1, 5, [8]);
    const path = nextPath();
    const { hash, bytes } = await writeDataset(path, series);
    const header = await readDatasetHeader(path);
    expect(header).toMatchObject({ hash, rows: 2, bytes, start: 100, end: 200 });
    expect(header.columns).toEqual(['time', 'open', 'high', 'low', 'close', 'volume', 'openInterest']);
    expect(header.metadata.symbol).toBe('H');
  });

  it('recognises dataset files by their magic', async () => {
    const path = nextPath();
    await writeDataset(path, BarSeries.empty());
    expect(await isDatasetFile(path)).toBe(true);
    expect(await isDatasetFile(join(dir, 'missing.alph'))).toBe(false);
    expect(await isDatasetFile(dir)).toBe(false);
  });

  it('leaves no file, temporary or final, when the write fails', async () => {
    const sub = await mkdtemp(join(dir, 'fail-'));
    const series = BarSeries.fromBars([{ time: 1, open: 1, high: 1, low: 1, close: 1, volume: 1 }]);
    await expect(writeDataset(join(sub, 'missing-dir', 'x.alph'), series)).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    // A BigInt in the metadata cannot be serialised.
    const bad = { lineage: [{ operation: 'read' as const, details: { big: 1n } }] };
    await expect(writeDataset(join(sub, 'x.alph'), series, bad)).rejects.toThrow();
    expect(await readdir(sub)).toEqual([]);
  });
});
