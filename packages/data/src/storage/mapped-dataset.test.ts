import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarSeries } from '@alphintra/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetWriter } from './dataset-writer.js';
import { datasetMappingAvailable } from './file-mapping.js';
import { datasetFromMapping } from './mapped-dataset.js';
import { readDataset, readDatasetSync } from './read-dataset.js';
import { writeDataset } from './write-dataset.js';

// These tests run the mapped path when the optional addon is built and say so when it is not;
// .ci/run sets ALPHINTRA_EXPECT_MMAP=1 where it can be built, so CI cannot skip them silently.
const mapping = datasetMappingAvailable();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alph-map-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const nextPath = (): string => join(dir, `case-${counter++}.alph`);
const bytesOf = (a: Float64Array): number[] => [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];
const NAMES = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

function expectSameBits(actual: BarSeries, expected: BarSeries): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.extraNames).toEqual(expected.extraNames);
  for (const name of NAMES) expect(bytesOf(actual[name])).toEqual(bytesOf(expected[name]));
  for (const name of expected.extraNames) {
    expect(bytesOf(actual.extra(name) as Float64Array)).toEqual(bytesOf(expected.extra(name) as Float64Array));
  }
}

function sampleSeries(rows: number, extras: string[] = []): BarSeries {
  const column = (k: number): Float64Array => Float64Array.from({ length: rows }, (_, i) => (i + 1) * 0.5 + k);
  return BarSeries.fromColumns({
    time: Float64Array.from({ length: rows }, (_, i) => 1_700_000_000_000_000 + i * 60_000_000),
    open: column(1),
    high: column(2),
    low: column(0),
    close: column(1.5),
    volume: column(100),
    extras: Object.fromEntries(extras.map((name, k) => [name, column(10 + k)])),
  });
}

describe('the native mapping addon', () => {
  it('is available wherever CI expects it to build', () => {
    if (process.env.ALPHINTRA_EXPECT_MMAP === '1') expect(mapping).toBe(true);
    else if (!mapping) console.warn('@alphintra/data-mmap is not built here: only the read path is tested');
  });
});

describe.runIf(mapping)('loading a dataset from a memory mapping', () => {
  it('gives the same bits as reading, for every load mode, sync and async', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 300 }),
        fc.subarray(['openInterest', 'vwap']),
        fc.array(fc.double(), { minLength: 1, maxLength: 50 }),
        async (rows, extras, values) => {
          const base = sampleSeries(rows, extras);
          // Arbitrary doubles (NaN payloads, -0, infinities) in close, bit for bit.
          const close = Float64Array.from({ length: rows }, (_, i) => values[i % values.length] as number);
          const series = BarSeries.fromColumns({
            time: base.time,
            open: base.open,
            high: base.high,
            low: base.low,
            close,
            volume: base.volume,
            extras: Object.fromEntries(extras.map((n) => [n, base.extra(n) as Float64Array])),
          });
          const path = nextPath();
          const { hash } = await writeDataset(path, series, { symbol: 'MAP', lineage: [] });
          for (const load of ['map', 'map-lazy'] as const) {
            const sync = readDatasetSync(path, { load, verify: true });
            expect(sync.loadedBy).toBe('map');
            expect(sync.hash).toBe(hash);
            expectSameBits(sync.series, series);
            const async = await readDataset(path, { load, verify: true });
            expect(async.loadedBy).toBe('map');
            expectSameBits(async.series, series);
          }
          const read = readDatasetSync(path, { load: 'read' });
          expect(read.loadedBy).toBe('read');
          expectSameBits(read.series, series);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('maps by default, with the columns as views over one buffer', () => {
    const path = nextPath();
    return writeDataset(path, sampleSeries(1000), { lineage: [] }).then(() => {
      const { series, loadedBy } = readDatasetSync(path);
      expect(loadedBy).toBe('map');
      expect(series.close.buffer).toBe(series.time.buffer);
      expect(series.time.buffer.byteLength).toBe(readFileSync(path).length);
    });
  });

  it('lets the program write into mapped columns without changing the file', async () => {
    const path = nextPath();
    await writeDataset(path, sampleSeries(5000), { lineage: [] });
    const before = await readFile(path);
    const loaded = readDatasetSync(path);
    loaded.series.close.fill(-1);
    loaded.series.time[0] = 42;
    expect(loaded.series.close[4999]).toBe(-1);
    expect((await readFile(path)).equals(before)).toBe(true);
    const again = readDatasetSync(path, { verify: true });
    expect(again.series.close[4999]).toBe(5000 * 0.5 + 1.5);
  });

  it('keeps serving a mapped dataset after its file is deleted or replaced', async () => {
    const path = nextPath();
    await writeDataset(path, sampleSeries(2000), { lineage: [] });
    const loaded = readDatasetSync(path, { load: 'map-lazy' });
    await rm(path);
    await writeDataset(path, sampleSeries(10), { lineage: [] });
    expect(loaded.series.close[1999]).toBe(2000 * 0.5 + 1.5);
    expect(readDatasetSync(path).rows).toBe(10);
  });

  it('reads a file of several row groups instead of mapping it', async () => {
    const path = nextPath();
    const series = sampleSeries(100, ['vwap']);
    const writer = await DatasetWriter.open(path, { columns: ['vwap'], rowGroupRows: 7, metadata: { lineage: [] } });
    await writer.append(series);
    await writer.close();
    const sync = readDatasetSync(path, { verify: true });
    expect(sync.loadedBy).toBe('read');
    expectSameBits(sync.series, series);
    expect((await readDataset(path)).loadedBy).toBe('read');
  });

  it('rejects a file cut short with the same error as reading', async () => {
    const path = nextPath();
    await writeDataset(path, sampleSeries(10), { lineage: [] });
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 8));
    expect(() => readDatasetSync(path)).toThrow(expect.objectContaining({ code: 'CORRUPT_DATASET' }));
    await expect(readDataset(path)).rejects.toMatchObject({ code: 'CORRUPT_DATASET' });
  });
});

describe('datasetFromMapping', () => {
  const bufferOf = (bytes: Uint8Array): ArrayBuffer => {
    const copy = new ArrayBuffer(bytes.length);
    new Uint8Array(copy).set(bytes);
    return copy;
  };

  it('wraps a one-group file as views and copies a many-group file out', async () => {
    const series = sampleSeries(50, ['openInterest']);
    const one = nextPath();
    await writeDataset(one, series, { lineage: [] });
    const viewed = datasetFromMapping(one, bufferOf(await readFile(one)), true);
    expect(viewed.loadedBy).toBe('map');
    expectSameBits(viewed.series, series);

    const many = nextPath();
    const writer = await DatasetWriter.open(many, {
      columns: ['openInterest'],
      rowGroupRows: 8,
      metadata: { lineage: [] },
    });
    await writer.append(series);
    await writer.close();
    const copied = datasetFromMapping(many, bufferOf(await readFile(many)), true);
    expect(copied.loadedBy).toBe('read');
    expectSameBits(copied.series, series);
  });

  it('checks magic, header and size on the mapped bytes', async () => {
    const path = nextPath();
    await writeDataset(path, sampleSeries(3), { lineage: [] });
    const bytes = await readFile(path);
    const corrupt = { code: 'CORRUPT_DATASET' };
    expect(() => datasetFromMapping(path, bufferOf(bytes.subarray(0, 10)), false)).toThrow(
      expect.objectContaining(corrupt),
    );
    expect(() => datasetFromMapping(path, bufferOf(bytes.subarray(0, 40)), false)).toThrow(
      expect.objectContaining({ ...corrupt, message: expect.stringMatching(/for the header/) }),
    );
    expect(() => datasetFromMapping(path, bufferOf(bytes.subarray(0, bytes.length - 1)), false)).toThrow(
      expect.objectContaining({ ...corrupt, message: expect.stringMatching(/truncated/) }),
    );
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] as number) ^ 1;
    expect(() => datasetFromMapping(path, bufferOf(flipped), true)).toThrow(
      expect.objectContaining({ ...corrupt, message: expect.stringMatching(/hash mismatch/) }),
    );
  });
});
