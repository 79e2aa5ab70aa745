import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarSeries } from '@alphintra/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from './catalog.js';
import { CATALOG_INDEX_FILE } from './catalog-index.js';
import { hashSeries } from './hash.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'alph-catalog-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const DAY = 86_400_000_000;

function daily(closes: number[], symbol = 'ORCL'): BarSeries {
  return BarSeries.fromBars(
    closes.map((c, i) => ({ time: (19_000 + i) * DAY, open: c, high: c + 1, low: c - 1, close: c, volume: 100 })),
    { symbol },
  );
}

describe('Catalog', () => {
  it('stores, lists and loads datasets by name', async () => {
    const catalog = await Catalog.open(root);
    const series = daily([1, 2, 3]);
    const entry = await catalog.put('orcl', series, { timeframe: '1d', lineage: [] });
    expect(entry).toMatchObject({
      name: 'orcl',
      hash: hashSeries(series, { timeframe: '1d' }),
      rows: 3,
      start: '2022-01-08T00:00:00Z',
      end: '2022-01-10T00:00:00Z',
      symbol: 'ORCL',
      timeframe: '1d',
      createdOrder: 1,
    });
    expect(entry.path).toBe(join(root, 'orcl', `${entry.hash}.alph`));
    expect(await catalog.list()).toEqual([entry]);
    const loaded = await catalog.get('orcl');
    expect([...loaded.series.close]).toEqual([1, 2, 3]);
    expect(loaded.hash).toBe(entry.hash);
  });

  it('treats putting identical content again as a no-op', async () => {
    const catalog = await Catalog.open(root);
    const first = await catalog.put('orcl', daily([1, 2]));
    const again = await catalog.put('orcl', daily([1, 2]), { description: 'other metadata, same data', lineage: [] });
    expect(again).toEqual(first);
    expect((await catalog.versions('orcl')).length).toBe(1);
    expect(await readdir(join(root, 'orcl'))).toEqual([`${first.hash}.alph`]);
  });

  it('keeps versions in insertion order and resolves references', async () => {
    const catalog = await Catalog.open(root);
    const v1 = await catalog.put('orcl', daily([1, 2]));
    const v2 = await catalog.put('orcl', daily([1, 2, 3]));
    const other = await catalog.put('msft', daily([5], 'MSFT'));
    expect((await catalog.versions('orcl')).map((e) => e.hash)).toEqual([v1.hash, v2.hash]);
    expect((await catalog.versions('orcl')).map((e) => e.createdOrder)).toEqual([1, 2]);
    expect(other.createdOrder).toBe(3);
    expect((await catalog.resolve('orcl')).hash).toBe(v2.hash);
    expect((await catalog.resolve(`orcl@${v1.hash.slice(0, 8)}`)).hash).toBe(v1.hash);
    expect((await catalog.resolve(`orcl@${v1.hash.slice(0, 8).toUpperCase()}`)).hash).toBe(v1.hash);
    expect((await catalog.resolve(other.hash.slice(0, 10))).name).toBe('msft');
    expect((await catalog.get(`orcl@${v1.hash}`)).rows).toBe(2);
    expect((await catalog.list()).map((e) => e.name)).toEqual(['msft', 'orcl', 'orcl']);
  });

  it('reports unknown names and references with the names it has', async () => {
    const catalog = await Catalog.open(root);
    await catalog.put('orcl', daily([1]));
    await catalog.put('msft', daily([2], 'MSFT'));
    const notFound = { code: 'DATASET_NOT_FOUND', message: `no dataset "ibm" in catalog ${root} (have: msft, orcl)` };
    await expect(catalog.get('ibm')).rejects.toMatchObject(notFound);
    await expect(catalog.versions('ibm')).rejects.toMatchObject(notFound);
    await expect(catalog.resolve('orcl@ffffffffffff')).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
    await expect(catalog.resolve('orcl@xyz')).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
    await expect(catalog.remove('ibm')).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
  });

  it('calls a hash prefix that matches two versions ambiguous', async () => {
    const catalog = await Catalog.open(root);
    const hashes: string[] = [];
    for (let i = 0; i < 17; i++) hashes.push((await catalog.put('x', daily([i]))).hash);
    const firstDigits = hashes.map((h) => h[0]);
    const shared = firstDigits.find((d, i) => firstDigits.indexOf(d) !== i) as string;
    await expect(catalog.resolve(`x@${shared}`)).rejects.toThrow(/ambiguous/);
  });

  it('rejects invalid names', async () => {
    const catalog = await Catalog.open(root);
    for (const bad of ['', '..', 'a/b', 'a b', 'ü']) {
      await expect(catalog.put(bad, daily([1]))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });

  it('removes one version or a whole name', async () => {
    const catalog = await Catalog.open(root);
    const v1 = await catalog.put('orcl', daily([1]));
    const v2 = await catalog.put('orcl', daily([2]));
    await catalog.put('msft', daily([3], 'MSFT'));
    await catalog.remove(`orcl@${v2.hash.slice(0, 12)}`);
    expect((await catalog.resolve('orcl')).hash).toBe(v1.hash);
    await catalog.remove('orcl');
    expect((await catalog.list()).map((e) => e.name)).toEqual(['msft']);
    expect((await readdir(root)).sort()).toEqual([CATALOG_INDEX_FILE, 'msft']);
  });

  it('rebuilds a lost or damaged index from the files and keeps counting', async () => {
    const catalog = await Catalog.open(root);
    const a = await catalog.put('orcl', daily([1]));
    const b = await catalog.put('msft', daily([2], 'MSFT'));
    await writeFile(join(root, CATALOG_INDEX_FILE), '{ not json');
    const reopened = await Catalog.open(root);
    const listed = await reopened.list();
    expect(listed.map((e) => [e.name, e.hash])).toEqual([
      ['msft', b.hash],
      ['orcl', a.hash],
    ]);
    const c = await reopened.put('orcl', daily([3]));
    expect(c.createdOrder).toBe(3);
    expect(JSON.parse(await readFile(join(root, CATALOG_INDEX_FILE), 'utf8')).entries.length).toBe(3);
  });
});
