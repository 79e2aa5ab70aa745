import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarSeries } from '@alphintra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, readDatasetHeader, readDatasetSync } from './read-dataset.js';
import { streamDataset } from './stream-dataset.js';
import { writeDataset } from './write-dataset.js';

let dir: string;
let good: Buffer;
let goodHash: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alph-corrupt-'));
  const series = BarSeries.fromBars([
    { time: 0, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 },
    { time: 60, open: 1.5, high: 2.5, low: 1, close: 2, volume: 20 },
  ]);
  const path = join(dir, 'good.alph');
  goodHash = (await writeDataset(path, series, { symbol: 'G', lineage: [] })).hash;
  good = await readFile(path);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function fileWith(bytes: Buffer): Promise<string> {
  const path = join(dir, `bad-${counter++}.alph`);
  await writeFile(path, bytes);
  return path;
}

// Every reader must reject the file the same way.
async function expectRejected(path: string, code: string, message: RegExp): Promise<void> {
  const match = { code, message: expect.stringMatching(message) };
  expect(() => readDatasetSync(path)).toThrow(expect.objectContaining(match));
  await expect(readDataset(path)).rejects.toMatchObject(match);
  await expect(readDatasetHeader(path)).rejects.toMatchObject(match);
  await expect(
    (async () => {
      for await (const _ of streamDataset(path)) {
        // drain
      }
    })(),
  ).rejects.toMatchObject(match);
}

const headerLength = (): number => good.readUInt32LE(12);

describe('reading a damaged dataset file', () => {
  it('rejects a file without the magic as not a dataset', async () => {
    await expectRejected(
      await fileWith(Buffer.from('time,open\n1,2\n')),
      'CORRUPT_DATASET',
      /not an Alphintra dataset/,
    );
    await expectRejected(await fileWith(Buffer.alloc(0)), 'CORRUPT_DATASET', /not an Alphintra dataset/);
  });

  it('rejects a newer format version', async () => {
    const bytes = Buffer.from(good);
    bytes.writeUInt32LE(2, 8);
    await expectRejected(await fileWith(bytes), 'UNSUPPORTED_VERSION', /version 2 is newer/);
  });

  it('rejects a header that is not valid JSON', async () => {
    const bytes = Buffer.from(good);
    bytes.write('{"columns":', 16, 'latin1');
    bytes.write('#', 16 + 11, 'latin1');
    await expectRejected(await fileWith(bytes), 'CORRUPT_DATASET', /header is not valid JSON/);
  });

  it('rejects a header whose length runs past the end of the file', async () => {
    const bytes = Buffer.from(good.subarray(0, 16 + headerLength() - 8));
    await expectRejected(await fileWith(bytes), 'CORRUPT_DATASET', /truncated.*expected at least/);
  });

  it('rejects a truncated file, naming the expected and actual sizes', async () => {
    const path = await fileWith(Buffer.from(good));
    await truncate(path, good.length - 8);
    const name = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expectRejected(
      path,
      'CORRUPT_DATASET',
      new RegExp(`${name}: truncated.*${good.length} bytes, file has ${good.length - 8}`),
    );
  });

  it('rejects trailing bytes after the data', async () => {
    await expectRejected(await fileWith(Buffer.concat([good, Buffer.alloc(8)])), 'CORRUPT_DATASET', /trailing bytes/);
  });

  it('rejects a header that lacks required fields', async () => {
    const bytes = Buffer.from(good);
    const at = bytes.indexOf('"rows":2');
    bytes.write('"rows":"', at, 'latin1');
    await expectRejected(await fileWith(bytes), 'CORRUPT_DATASET', /header is not valid JSON|expected a row count/);
  });

  it('detects changed data only when asked to verify, reporting both hashes', async () => {
    const bytes = Buffer.from(good);
    bytes.writeDoubleLE(99, bytes.length - 8);
    const path = await fileWith(bytes);
    expect(readDatasetSync(path).series.volume[1]).toBe(99);
    const mismatch = new RegExp(`hash mismatch: header says ${goodHash}, data hashes to [0-9a-f]{64}`);
    expect(() => readDatasetSync(path, { verify: true })).toThrow(mismatch);
    await expect(readDataset(path, { verify: true })).rejects.toMatchObject({ code: 'CORRUPT_DATASET' });
    await expect(
      (async () => {
        for await (const _ of streamDataset(path, { verify: true })) {
          // drain
        }
      })(),
    ).rejects.toThrow(mismatch);
  });

  it('reports a missing file as FILE_NOT_FOUND', async () => {
    await expect(readDataset(join(dir, 'nope.alph'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(() => readDatasetSync(join(dir, 'nope.alph'))).toThrow(expect.objectContaining({ code: 'FILE_NOT_FOUND' }));
  });
});
