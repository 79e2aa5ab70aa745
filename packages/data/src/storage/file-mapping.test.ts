import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarSeries } from '@alphintra/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { datasetMappingAvailable, loadMmapAddon, type MmapAddon, setMmapAddon } from './file-mapping.js';
import { readDataset, readDatasetSync } from './read-dataset.js';
import { writeDataset } from './write-dataset.js';

let dir: string;
let path: string;
const series = BarSeries.fromBars([
  { time: 0, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 },
  { time: 60_000_000, open: 1.5, high: 2.5, low: 1, close: 2, volume: 20 },
]);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alph-fallback-'));
  path = join(dir, 'two.alph');
  await writeDataset(path, series, { symbol: 'F', lineage: [] });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  setMmapAddon(undefined);
});

function failingAddon(code: string, calls: string[]): MmapAddon {
  const fail = (): never => {
    calls.push(code);
    throw Object.assign(new Error(`${code}: cannot map`), { code });
  };
  return { mapFile: fail, mapFileAsync: async () => fail() };
}

describe('loading the mapping addon', () => {
  it('gives null when the addon cannot be required, is something else, or is switched off', () => {
    const missing = (): never => {
      throw Object.assign(new Error("Cannot find module '@alphintra/data-mmap'"), { code: 'MODULE_NOT_FOUND' });
    };
    expect(loadMmapAddon(missing)).toBeNull();
    expect(loadMmapAddon(() => ({ mapFile: 1 }))).toBeNull();
    const fake = failingAddon('EIO', []);
    expect(loadMmapAddon(() => fake, {})).toBe(fake);
    expect(loadMmapAddon(() => fake, { ALPHINTRA_MMAP: '0' })).toBeNull();
  });
});

describe('the read fallback', () => {
  it('reads the file when no addon is available', async () => {
    setMmapAddon(null);
    expect(datasetMappingAvailable()).toBe(false);
    const sync = readDatasetSync(path, { verify: true });
    expect(sync.loadedBy).toBe('read');
    expect([...sync.series.close]).toEqual([1.5, 2]);
    expect((await readDataset(path, { verify: true })).loadedBy).toBe('read');
  });

  it('reads a file the addon cannot map, and keeps trying the addon for other files', async () => {
    const calls: string[] = [];
    setMmapAddon(failingAddon('ENODEV', calls));
    expect(readDatasetSync(path).loadedBy).toBe('read');
    expect((await readDataset(path)).loadedBy).toBe('read');
    expect(calls).toEqual(['ENODEV', 'ENODEV']);
    expect(datasetMappingAvailable()).toBe(true);
  });

  it('stops using an addon that says mapping is unsupported in this runtime', () => {
    const calls: string[] = [];
    setMmapAddon(failingAddon('ERR_MMAP_UNSUPPORTED', calls));
    expect(readDatasetSync(path).loadedBy).toBe('read');
    expect(readDatasetSync(path).loadedBy).toBe('read');
    expect(calls).toEqual(['ERR_MMAP_UNSUPPORTED']);
    expect(datasetMappingAvailable()).toBe(false);
  });

  it('never asks the addon when told to read', () => {
    const calls: string[] = [];
    setMmapAddon(failingAddon('EIO', calls));
    expect(readDatasetSync(path, { load: 'read' }).loadedBy).toBe('read');
    expect(calls).toEqual([]);
  });

  it('rejects an unknown load mode', () => {
    expect(() => readDatasetSync(path, { load: 'copy' as 'read' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('reports a missing file as FILE_NOT_FOUND whichever path is taken', async () => {
    const gone = join(dir, 'gone.alph');
    for (const load of ['map', 'read'] as const) {
      expect(() => readDatasetSync(gone, { load })).toThrow(expect.objectContaining({ code: 'FILE_NOT_FOUND' }));
      await expect(readDataset(gone, { load })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    }
  });
});
