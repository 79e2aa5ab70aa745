import { mkdir, readdir, rmdir, unlink } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { AlphintraError, type BarSeries, formatIsoMicros } from '@alphintra/core';
import {
  type CatalogIndex,
  entryPath,
  type IndexEntry,
  indexEntry,
  isValidName,
  loadIndex,
  reconcileIndex,
  saveIndex,
} from './catalog-index.js';
import { hashSeries } from './hash.js';
import type { DatasetMetadata, StoredDataset } from './metadata.js';
import { type ReadDatasetOptions, readDataset } from './read-dataset.js';
import { completeMetadata, writeDataset } from './write-dataset.js';

/** One stored version of a named dataset. */
export interface CatalogEntry {
  readonly name: string;
  /** Content hash (lowercase hex). */
  readonly hash: string;
  readonly rows: number;
  /** First bar time as ISO 8601 UTC, or null when empty. */
  readonly start: string | null;
  /** Last bar time as ISO 8601 UTC, or null when empty. */
  readonly end: string | null;
  readonly symbol?: string;
  readonly timeframe?: string;
  /** File size in bytes. */
  readonly bytes: number;
  /** Absolute path of the version's file. */
  readonly path: string;
  /** Insertion number, increasing across the whole catalog; orders versions without wall-clock time. */
  readonly createdOrder: number;
}

const iso = (micros: number | null): string | null => (micros === null ? null : formatIsoMicros(micros));

/**
 * A directory of named, versioned datasets. Each version is a content-addressed file
 * `<root>/<name>/<hash>.alph`; `catalog.json` records the versions and their insertion order
 * and is rewritten atomically. References: `orcl` is the latest version of `orcl`,
 * `orcl@3fa2c1` a version by hash prefix, and a bare hash prefix (4+ hex digits) any version.
 * One process should modify a catalog at a time.
 *
 * @example
 * const catalog = await Catalog.open(join(homedir(), '.alphintra', 'catalog'));
 * await catalog.put('orcl', series, { symbol: 'ORCL', lineage });
 * const { series: loaded } = await catalog.get('orcl');
 */
export class Catalog {
  /** Absolute path of the catalog directory. */
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  /** Opens (creating if needed) the catalog at `rootDir`, reconciling its index with the files present. */
  static async open(rootDir: string): Promise<Catalog> {
    const root = resolvePath(rootDir);
    const { index, changed } = await reconcileIndex(root);
    if (changed) await saveIndex(root, index);
    return new Catalog(root);
  }

  #entry(e: IndexEntry): CatalogEntry {
    const out: CatalogEntry = {
      name: e.name,
      hash: e.hash,
      rows: e.rows,
      start: iso(e.start),
      end: iso(e.end),
      ...(e.symbol === undefined ? {} : { symbol: e.symbol }),
      ...(e.timeframe === undefined ? {} : { timeframe: e.timeframe }),
      bytes: e.bytes,
      path: entryPath(this.root, e.name, e.hash),
      createdOrder: e.createdOrder,
    };
    return out;
  }

  /**
   * Stores `series` as a new version of `name` and returns its entry. Storing content that
   * the name already holds (same hash) writes nothing and returns the existing entry, even if
   * the metadata differs.
   */
  async put(name: string, series: BarSeries, metadata: Partial<DatasetMetadata> = {}): Promise<CatalogEntry> {
    if (!isValidName(name)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected a dataset name of letters, digits, '.', '_' or '-', got "${name}"`,
      );
    }
    const meta = completeMetadata(series, metadata);
    const hash = hashSeries(series, meta);
    const index = await loadIndex(this.root);
    const existing = index.entries.find((e) => e.name === name && e.hash === hash);
    if (existing !== undefined) return this.#entry(existing);
    await mkdir(join(this.root, name), { recursive: true });
    const { bytes } = await writeDataset(entryPath(this.root, name, hash), series, meta);
    const finite = (v: number): number | null => (series.length > 0 && Number.isFinite(v) ? v : null);
    const entry = indexEntry(
      name,
      { hash, rows: series.length, start: finite(series.start), end: finite(series.end), bytes, metadata: meta },
      index.nextOrder,
    );
    await saveIndex(this.root, { nextOrder: index.nextOrder + 1, entries: [...index.entries, entry] });
    return this.#entry(entry);
  }

  /** Returns every version in the catalog, by name and then insertion order. */
  async list(): Promise<CatalogEntry[]> {
    const index = await loadIndex(this.root);
    return [...index.entries]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.createdOrder - b.createdOrder))
      .map((e) => this.#entry(e));
  }

  /** Returns the versions of `name`, oldest first. Throws DATASET_NOT_FOUND for an unknown name. */
  async versions(name: string): Promise<CatalogEntry[]> {
    const index = await loadIndex(this.root);
    const found = index.entries.filter((e) => e.name === name).sort((a, b) => a.createdOrder - b.createdOrder);
    if (found.length === 0) throw this.#notFound(name, index);
    return found.map((e) => this.#entry(e));
  }

  /** Returns the entry a reference (`name`, `name@hashprefix` or a hash prefix) points to. */
  async resolve(ref: string): Promise<CatalogEntry> {
    const index = await loadIndex(this.root);
    return this.#entry(this.#resolveIn(index, ref));
  }

  /** Loads the dataset a reference points to. */
  async get(ref: string, options: ReadDatasetOptions = {}): Promise<StoredDataset> {
    const entry = await this.resolve(ref);
    return readDataset(entry.path, options);
  }

  /**
   * Removes datasets: a bare name removes all its versions; `name@hashprefix` or a hash
   * prefix removes that one version.
   */
  async remove(ref: string): Promise<void> {
    const index = await loadIndex(this.root);
    const isName = !ref.includes('@') && index.entries.some((e) => e.name === ref);
    const doomed = isName ? index.entries.filter((e) => e.name === ref) : [this.#resolveIn(index, ref)];
    const gone = new Set(doomed);
    await saveIndex(this.root, { nextOrder: index.nextOrder, entries: index.entries.filter((e) => !gone.has(e)) });
    for (const entry of doomed) {
      await unlink(entryPath(this.root, entry.name, entry.hash)).catch(() => undefined);
      const dir = join(this.root, entry.name);
      if ((await readdir(dir).catch(() => ['?'])).length === 0) await rmdir(dir).catch(() => undefined);
    }
  }

  #resolveIn(index: CatalogIndex, ref: string): IndexEntry {
    const latest = (entries: IndexEntry[]): IndexEntry | undefined =>
      entries.reduce<IndexEntry | undefined>(
        (a, e) => (a === undefined || e.createdOrder > a.createdOrder ? e : a),
        undefined,
      );
    const at = ref.indexOf('@');
    if (at >= 0) {
      const name = ref.slice(0, at);
      const prefix = ref.slice(at + 1).toLowerCase();
      const versions = index.entries.filter((e) => e.name === name);
      if (versions.length === 0 || !/^[0-9a-f]+$/.test(prefix)) throw this.#notFound(ref, index);
      return this.#unique(
        ref,
        versions.filter((e) => e.hash.startsWith(prefix)),
        index,
      );
    }
    const byName = latest(index.entries.filter((e) => e.name === ref));
    if (byName !== undefined) return byName;
    if (/^[0-9a-fA-F]{4,64}$/.test(ref)) {
      const prefix = ref.toLowerCase();
      return this.#unique(
        ref,
        index.entries.filter((e) => e.hash.startsWith(prefix)),
        index,
      );
    }
    throw this.#notFound(ref, index);
  }

  // Several entries may share one hash (same content under two names); that is not ambiguous.
  #unique(ref: string, matches: IndexEntry[], index: CatalogIndex): IndexEntry {
    if (matches.length === 0) throw this.#notFound(ref, index);
    const hashes = new Set(matches.map((e) => e.hash));
    if (hashes.size > 1) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `dataset reference "${ref}" is ambiguous: it matches ${[...hashes].map((h) => h.slice(0, 12)).join(', ')}; give more hash digits`,
      );
    }
    return matches.reduce((a, e) => (e.createdOrder > a.createdOrder ? e : a));
  }

  #notFound(ref: string, index: CatalogIndex): AlphintraError {
    const names = [...new Set(index.entries.map((e) => e.name))].sort();
    const have =
      names.length === 0 ? 'none' : names.length > 20 ? `${names.slice(0, 20).join(', ')}, …` : names.join(', ');
    return new AlphintraError('DATASET_NOT_FOUND', `no dataset "${ref}" in catalog ${this.root} (have: ${have})`);
  }
}
