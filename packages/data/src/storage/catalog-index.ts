import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically, writeFully } from './atomic-file.js';
import { DATASET_EXTENSION } from './format.js';
import { readDatasetHeader } from './read-dataset.js';

/** File name of the catalog's index inside its root directory. */
export const CATALOG_INDEX_FILE = 'catalog.json';

/** One dataset version as recorded in the index (paths are derived, not stored). */
export interface IndexEntry {
  name: string;
  hash: string;
  rows: number;
  start: number | null;
  end: number | null;
  symbol?: string;
  timeframe?: string;
  bytes: number;
  createdOrder: number;
}

/** The catalog index: every version and the next insertion number. */
export interface CatalogIndex {
  nextOrder: number;
  entries: IndexEntry[];
}

const NAME = /^[A-Za-z0-9._-]+$/;
const HASH_FILE = new RegExp(`^([0-9a-f]{64})${DATASET_EXTENSION.replace('.', '\\.')}$`);

/** Returns true when `name` may name a catalog dataset (also a safe directory name). */
export function isValidName(name: string): boolean {
  return NAME.test(name) && name !== '.' && name !== '..';
}

/** Returns the path of a version's file: `<root>/<name>/<hash>.alph`. */
export function entryPath(root: string, name: string, hash: string): string {
  return join(root, name, `${hash}${DATASET_EXTENSION}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function loadIndexFile(root: string): Promise<CatalogIndex | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, CATALOG_INDEX_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as { nextOrder?: unknown; entries?: unknown };
    if (typeof parsed.nextOrder !== 'number' || !Array.isArray(parsed.entries)) return undefined;
    return { nextOrder: parsed.nextOrder, entries: parsed.entries as IndexEntry[] };
  } catch {
    // A damaged index is rebuilt from the files' headers, which hold everything but the order.
    return undefined;
  }
}

/** Reads the index. */
export async function loadIndex(root: string): Promise<CatalogIndex> {
  return (await loadIndexFile(root)) ?? { nextOrder: 1, entries: [] };
}

/** Writes the index atomically. */
export async function saveIndex(root: string, index: CatalogIndex): Promise<void> {
  const body = Buffer.from(`${JSON.stringify({ format: 'alphintra-catalog', version: 1, ...index }, null, 1)}\n`);
  await writeAtomically(join(root, CATALOG_INDEX_FILE), (handle) => writeFully(handle, body, 0));
}

/**
 * Brings the index in line with the files on disk: drops entries whose file is gone and adds
 * files the index lacks (after a crash between writing a file and the index), in name and hash
 * order so the result is deterministic. Returns the index and whether it changed.
 */
export async function reconcileIndex(root: string): Promise<{ index: CatalogIndex; changed: boolean }> {
  await mkdir(root, { recursive: true });
  const loaded = await loadIndexFile(root);
  const index = loaded ?? { nextOrder: 1, entries: [] };
  let changed = loaded === undefined;
  const kept: IndexEntry[] = [];
  for (const entry of index.entries) {
    if (await exists(entryPath(root, entry.name, entry.hash))) kept.push(entry);
    else changed = true;
  }
  const known = new Set(kept.map((e) => `${e.name}/${e.hash}`));
  const dirs = (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && isValidName(d.name))
    .map((d) => d.name)
    .sort();
  for (const name of dirs) {
    const files = (await readdir(join(root, name))).sort();
    for (const file of files) {
      const match = HASH_FILE.exec(file);
      if (match === null || known.has(`${name}/${match[1]}`)) continue;
      try {
        const header = await readDatasetHeader(join(root, name, file));
        if (header.hash !== match[1]) continue;
        kept.push(indexEntry(name, header, index.nextOrder++));
        changed = true;
      } catch {
        // Not a readable dataset: leave it alone rather than adopt it.
      }
    }
  }
  return { index: { nextOrder: index.nextOrder, entries: kept }, changed };
}

/** Builds an index entry from a dataset's header facts. */
export function indexEntry(
  name: string,
  header: {
    hash: string;
    rows: number;
    start: number | null;
    end: number | null;
    bytes: number;
    metadata: { symbol?: string; timeframe?: string };
  },
  createdOrder: number,
): IndexEntry {
  const entry: IndexEntry = {
    name,
    hash: header.hash,
    rows: header.rows,
    start: header.start,
    end: header.end,
    bytes: header.bytes,
    createdOrder,
  };
  if (header.metadata.symbol !== undefined) entry.symbol = header.metadata.symbol;
  if (header.metadata.timeframe !== undefined) entry.timeframe = header.metadata.timeframe;
  return entry;
}
